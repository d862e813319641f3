package io.rapport.tickets.internal;

import io.rapport.accounts.Customers;
import io.rapport.mail.Mail;
import io.rapport.mail.MailNotSent;
import io.rapport.mail.OutgoingMail;
import io.rapport.tickets.AgentReplied;
import io.rapport.tickets.ConversationChannel;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketSolved;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import io.rapport.web.UiLanguages;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells the customer by mail, in their language, when an agent replies and when their ticket is solved, and asks then
 * whether it really is: the question the customer answers in the portal. A reply that solves the ticket is one mail
 * carrying both. Runs after the change commits, from Spring Modulith's event publication registry: a mail that fails
 * for a passing reason (server down, timeout) is marked failed and sent again by the jobs module; one the
 * server refuses for good (a bad address) is logged and dropped. Each mail goes out once, however often its event is
 * handled (a retry, a second node): see OutgoingMail#sendOnce. No transaction is held while talking to the mail server.
 * Without a mail server configured nothing is sent.
 *
 * <p>Tickets that a channel answers itself (mail tickets, by mail from their mailbox: {@link ConversationChannel})
 * get no mails from here.
 */
@Component
class CustomerMail {

    private static final Logger log = LoggerFactory.getLogger(CustomerMail.class);

    private final Tickets tickets;
    private final Customers customers;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final Duration autoCloseAfter;
    private final List<ConversationChannel> channels;

    CustomerMail(
            List<ConversationChannel> channels,
            Tickets tickets,
            Customers customers,
            OutgoingMail mail,
            MessageSource messages,
            @Value("${rapport.portal.auto-close-after:7d}") Duration autoCloseAfter) {
        this.tickets = tickets;
        this.customers = customers;
        this.mail = mail;
        this.messages = messages;
        this.autoCloseAfter = autoCloseAfter;
        this.channels = channels;
    }

    /** A channel that answers this ticket's customer itself (by mail from its mailbox) sends its own mails. */
    private boolean answeredByAChannel(long ticketId) {
        return channels.stream().anyMatch(c -> c.answers(ticketId));
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AgentReplied replied) {
        if (answeredByAChannel(replied.ticketId())) {
            return;
        }
        TicketView ticket = tickets.get(replied.ticketId());
        if (!OutgoingMail.deliverable(ticket.customer().email())) {
            return;
        }
        MessageView reply = ticket.messages().stream()
                .filter(m -> m.id() == replied.messageId())
                .findFirst()
                .orElse(null);
        if (reply == null) {
            return;
        }
        Locale locale = locale(ticket);
        StringBuilder text = new StringBuilder(messages.getMessage(
                "mail.reply.body", new Object[] {reply.author().name(), reply.body(), link(ticket)}, locale));
        if (replied.solves() && ticket.isSolved()) {
            text.append("\n").append(question(ticket, locale)); // unless already answered when this goes out
        }
        send("reply:" + reply.id(), ticket, subject(ticket, locale), text.toString());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TicketSolved solved) {
        if (solved.withReply() || answeredByAChannel(solved.ticketId())) {
            return; // the reply's mail asked already, or the channel asks
        }
        TicketView ticket = tickets.get(solved.ticketId());
        if (!ticket.isSolved()) {
            return; // answered or reopened before this mail went out
        }
        Locale locale = locale(ticket);
        send(
                "solved:" + ticket.id() + ":" + solved.solvedAt().toEpochMilli(),
                ticket,
                messages.getMessage("mail.solved.subject", new Object[] {number(ticket)}, locale),
                messages.getMessage("mail.solved.body", new Object[] {number(ticket), ticket.subject()}, locale)
                        + "\n"
                        + question(ticket, locale));
    }

    private String question(TicketView ticket, Locale locale) {
        return messages.getMessage(
                "mail.solved.question",
                new Object[] {link(ticket), String.valueOf(Math.max(1, autoCloseAfter.toDays()))},
                locale);
    }

    private String subject(TicketView ticket, Locale locale) {
        return messages.getMessage("mail.reply.subject", new Object[] {number(ticket), ticket.subject()}, locale);
    }

    /** As text: MessageFormat would print 12345 as "12,345". */
    private static String number(TicketView ticket) {
        return String.valueOf(ticket.number());
    }

    private String link(TicketView ticket) {
        return mail.link("/portal/tickets/" + ticket.number());
    }

    private Locale locale(TicketView ticket) {
        return UiLanguages.localeFor(customers.ref(ticket.customer().id()).preferredLanguage());
    }

    /** Sends once per key: a repeated event (a retry, another node) does not mail the customer twice. */
    private void send(String key, TicketView ticket, String subject, String text) {
        String to = ticket.customer().email();
        if (!OutgoingMail.deliverable(to)) {
            return;
        }
        try {
            if (!mail.sendOnce(key, new Mail(to, subject, text))) {
                log.debug("No mail server configured: not mailing {} about ticket {}", to, ticket.number());
            }
        } catch (MailNotSent e) {
            if (e.permanent()) {
                log.warn(
                        "The mail server refused mail to {} about ticket {}; not retrying: {}",
                        to,
                        ticket.number(),
                        e.getMessage());
                return;
            }
            // thrown on: the publication is marked failed and resubmitted later (EventHousekeeping)
            log.warn("Could not mail {} about ticket {}, will retry: {}", to, ticket.number(), e.getMessage());
            throw e;
        }
    }
}
