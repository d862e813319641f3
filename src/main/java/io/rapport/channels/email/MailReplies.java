package io.rapport.channels.email;

import io.rapport.common.Hashing;
import io.rapport.common.Times;
import io.rapport.mail.OutgoingMail;
import io.rapport.tickets.AgentReplied;
import io.rapport.tickets.AttachmentView;
import io.rapport.tickets.ConversationChannel;
import io.rapport.tickets.MessageDelivery;
import io.rapport.tickets.MessageEnvelope;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketSolved;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import io.rapport.web.UiLanguages;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Entities;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * The mails a mail ticket's customer gets, written into the outbox when the ticket event is handled: an agent's
 * public reply (from the agent's name at the mailbox address, with the reply's attachments) and "is it solved?" with
 * one link for each answer; "we received your request" is queued by the intake with the ticket it opens. Each is threaded (In-Reply-To the
 * customer's latest mail, References the whole thread, "[#number]" in the subject) and copied to the people on the
 * thread. Its Message-ID is recorded at once, so an answer threads even before the mail has gone out. These tickets
 * get no portal-style mails ({@link ConversationChannel}).
 */
@Component
class MailReplies implements ConversationChannel {

    private final Threads threads;
    private final Outbox outbox;
    private final Inbox inbox;
    private final Mailboxes mailboxes;
    private final Tickets tickets;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final Clock clock;
    private final Duration autoCloseAfter;

    MailReplies(
            Threads threads,
            Outbox outbox,
            Inbox inbox,
            Mailboxes mailboxes,
            Tickets tickets,
            OutgoingMail mail,
            MessageSource messages,
            Clock clock,
            @Value("${rapport.portal.auto-close-after:7d}") Duration autoCloseAfter) {
        this.threads = threads;
        this.outbox = outbox;
        this.inbox = inbox;
        this.mailboxes = mailboxes;
        this.tickets = tickets;
        this.mail = mail;
        this.messages = messages;
        this.clock = clock;
        this.autoCloseAfter = autoCloseAfter;
    }

    @Override
    public boolean answers(long ticketId) {
        return threads.mailboxOf(ticketId).isPresent();
    }

    @Override
    public Map<Long, MessageDelivery> deliveries(long ticketId) {
        return outbox.deliveries(ticketId);
    }

    @Override
    public Map<Long, MessageEnvelope> envelopes(long ticketId) {
        Optional<Long> mailbox = threads.mailboxOf(ticketId);
        if (mailbox.isEmpty()) {
            return Map.of();
        }
        Map<Long, MessageEnvelope> envelopes = new java.util.HashMap<>(
                outbox.envelopes(ticketId, mailboxes.settings(mailbox.get()).address()));
        inbox.envelopes(ticketId)
                .forEach((messageId, e) -> envelopes.put(
                        messageId,
                        new MessageEnvelope(
                                e.fromName() == null ? e.from() : e.fromName() + " <" + e.from() + ">",
                                e.to(),
                                e.cc(),
                                "/mail/" + e.inboundId() + "/original")));
        return envelopes;
    }

    /**
     * "We received your request" for a ticket a mail opened, queued by the intake in the transaction that opened it:
     * no event round trip (a transaction and a commit of its own per new ticket) for the commonest mail of all. The
     * intake knows the thread so far (the customer's mail), so nothing is read back.
     */
    void received(TicketView ticket, Mailbox mailbox, String customerMessageId) {
        Locale locale = locale(ticket);
        String number = String.valueOf(ticket.number());
        String text = messages.getMessage("mail.received.body", new Object[] {number}, locale);
        // an id too long to keep is not answered to either (it would not fit the outbox's In-Reply-To)
        String answered =
                customerMessageId == null || customerMessageId.length() > Threads.MAX_ID ? null : customerMessageId;
        List<String> thread = answered == null ? List.of() : List.of(answered);
        queue(
                "received:" + ticket.id(),
                ticket,
                mailbox,
                null,
                mailbox.name(),
                messages.getMessage("mail.received.subject", new Object[] {number, ticket.subject()}, locale),
                text,
                null,
                List.of(),
                true,
                new Position(thread, answered));
    }

    @ApplicationModuleListener(propagation = Propagation.REQUIRES_NEW)
    void on(AgentReplied replied) {
        Optional<Long> mailbox = threads.mailboxOf(replied.ticketId());
        if (mailbox.isEmpty()) {
            return;
        }
        TicketView ticket = tickets.summary(replied.ticketId());
        MessageView reply =
                tickets.message(replied.ticketId(), replied.messageId()).orElse(null);
        if (reply == null) {
            return;
        }
        Locale locale = locale(ticket);
        String text = reply.body();
        String html = reply.bodyHtml() != null ? reply.bodyHtml() : paragraphs(reply.body());
        if (replied.solves() && ticket.isSolved()) {
            text = text + "\n\n" + question(ticket, locale);
            html = html + questionHtml(ticket, locale);
        }
        queue(
                "reply:" + reply.id(),
                ticket,
                mailboxes.settings(mailbox.get()),
                reply.id(),
                reply.author().name(),
                "Re: " + subject(ticket, locale),
                text,
                html,
                reply.attachments().stream().map(AttachmentView::id).toList(),
                false,
                position(ticket.id()));
    }

    @ApplicationModuleListener(propagation = Propagation.REQUIRES_NEW)
    void on(TicketSolved solved) {
        if (solved.withReply()) {
            return; // the reply asked already
        }
        Optional<Long> mailbox = threads.mailboxOf(solved.ticketId());
        if (mailbox.isEmpty()) {
            return;
        }
        TicketView ticket = tickets.summary(solved.ticketId());
        if (!ticket.isSolved()) {
            return; // answered or reopened before this was handled
        }
        Locale locale = locale(ticket);
        String number = String.valueOf(ticket.number());
        String intro = messages.getMessage("mail.solved.body", new Object[] {number, ticket.subject()}, locale);
        Mailbox from = mailboxes.settings(mailbox.get());
        queue(
                "solved:" + ticket.id() + ":" + solved.solvedAt().toEpochMilli(),
                ticket,
                from,
                null,
                from.name(),
                messages.getMessage("mail.solved.subject", new Object[] {number}, locale),
                intro + "\n" + question(ticket, locale),
                paragraphs(intro) + questionHtml(ticket, locale),
                List.of(),
                true,
                position(ticket.id()));
    }

    /** Where a mail goes in its thread: the References it carries and the mail it answers. */
    private record Position(List<String> references, String inReplyTo) {}

    /** The thread as recorded: every Message-ID so far, answering the customer's latest mail. */
    private Position position(long ticketId) {
        List<String> references = threads.messageIds(ticketId);
        String inReplyTo = threads.latestIncoming(ticketId).orElse(references.isEmpty() ? null : references.getLast());
        return new Position(references, inReplyTo);
    }

    private void queue(
            String key,
            TicketView ticket,
            Mailbox mailbox,
            Long messageId,
            String fromName,
            String subject,
            String text,
            String html,
            List<Long> attachments,
            boolean automatic,
            Position position) {
        String customer = ticket.customer().email();
        if (!OutgoingMail.deliverable(customer)) {
            return;
        }
        long mailboxId = mailbox.id();
        List<String> cc = new ArrayList<>();
        if (!automatic) {
            for (MailAddress person : threads.participants(ticket.id())) {
                if (OutgoingMail.deliverable(person.address())
                        && !person.address().equals(customer)) {
                    cc.add(person.address());
                }
            }
        }
        String domain = mailbox.address().substring(mailbox.address().indexOf('@') + 1);
        String id = "rapport." + ticket.number() + "." + Hashing.randomSecret(9).replaceAll("[^A-Za-z0-9]", "") + "@"
                + domain;
        boolean queued = outbox.queue(
                new Outbox.Queued(
                        key,
                        ticket.id(),
                        messageId,
                        mailboxId,
                        id,
                        fromName,
                        List.of(customer),
                        cc,
                        subject,
                        text,
                        html,
                        position.inReplyTo(),
                        position.references(),
                        attachments,
                        automatic),
                Times.now(clock));
        if (queued) {
            threads.record(id, ticket.id(), messageId, mailboxId, "out", Times.now(clock));
        }
    }

    private String subject(TicketView ticket, Locale locale) {
        return messages.getMessage(
                "mail.reply.subject", new Object[] {String.valueOf(ticket.number()), ticket.subject()}, locale);
    }

    private String question(TicketView ticket, Locale locale) {
        return messages.getMessage(
                "mail.conversation.question",
                new Object[] {answerLink(ticket, "solved"), answerLink(ticket, "not-solved"), days()},
                locale);
    }

    private String questionHtml(TicketView ticket, Locale locale) {
        return "<p>"
                + Entities.escape(messages.getMessage("mail.conversation.questionHtml", new Object[] {days()}, locale))
                + "</p><p><a href=\"" + Entities.escape(answerLink(ticket, "solved")) + "\">"
                + Entities.escape(messages.getMessage("mail.conversation.yes", null, locale)) + "</a> &nbsp; <a href=\""
                + Entities.escape(answerLink(ticket, "not-solved")) + "\">"
                + Entities.escape(messages.getMessage("mail.conversation.no", null, locale)) + "</a></p>";
    }

    private String days() {
        return String.valueOf(Math.max(1, autoCloseAfter.toDays()));
    }

    /** The portal page of the ticket with the customer's answer chosen; the answer itself is a button there. */
    private String answerLink(TicketView ticket, String answer) {
        return mail.link("/portal/tickets/" + ticket.number() + "?answer=" + answer);
    }

    private static String paragraphs(String text) {
        StringBuilder html = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            html.append("<p>")
                    .append(Entities.escape(paragraph).replace("\n", "<br>"))
                    .append("</p>");
        }
        return html.toString();
    }

    private Locale locale(TicketView ticket) {
        return UiLanguages.localeFor(ticket.customer().preferredLanguage());
    }
}
