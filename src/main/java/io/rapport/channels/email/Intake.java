package io.rapport.channels.email;

import io.rapport.accounts.CustomerRef;
import io.rapport.accounts.Customers;
import io.rapport.common.Times;
import io.rapport.tickets.AddMessage;
import io.rapport.tickets.Author;
import io.rapport.tickets.Channel;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.NewAttachment;
import io.rapport.tickets.OpenTicket;
import io.rapport.tickets.OpenedTicket;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import io.rapport.tickets.Visibility;
import java.io.ByteArrayInputStream;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.util.unit.DataSize;

/**
 * Applies stored mails to tickets, one transaction each, in the order they came: a reply joins its ticket (by our
 * Message-IDs and the customer's, then by "[#number]" from a person on the thread), anything else opens one. Noise
 * (bounces, auto-replies, lists, our own mail) becomes a note on its thread or is set aside; so does a sender past the
 * loop limit. A mail that cannot be read or applied is kept with its error and the next one goes on (ADR 15).
 */
@Component
public class Intake {

    private static final Logger log = LoggerFactory.getLogger(Intake.class);
    /** Mails applied side by side: by sender, each sender's in order. */
    static final int LANES = 4;

    /** Mails of one lane committed together. */
    static final int PER_COMMIT = 25;

    private static final Pattern NUMBER = Pattern.compile("\\[#(\\d{1,12})\\]");

    private final Inbox inbox;
    private final Outbox outbox;
    private final Threads threads;
    private final Mailboxes mailboxes;
    private final Tickets tickets;
    private final Customers customers;
    private final TransactionTemplate transactions;
    private final MailReplies replies;
    private final Clock clock;
    private final MailParser parser = new MailParser();
    private final Duration followUpWithin;
    private final int senderLimit;
    private final Duration senderWindow;
    private final long maxAttachmentBytes;

    Intake(
            Inbox inbox,
            Outbox outbox,
            MailReplies replies,
            Threads threads,
            Mailboxes mailboxes,
            Tickets tickets,
            Customers customers,
            TransactionTemplate transactions,
            Clock clock,
            @Value("${rapport.email.follow-up-within:30d}") Duration followUpWithin,
            @Value("${rapport.email.sender-limit:20}") int senderLimit,
            @Value("${rapport.email.sender-window:10m}") Duration senderWindow,
            @Value("${rapport.attachments.max-size:25MB}") DataSize maxAttachment) {
        this.inbox = inbox;
        this.outbox = outbox;
        this.replies = replies;
        this.threads = threads;
        this.mailboxes = mailboxes;
        this.tickets = tickets;
        this.customers = customers;
        this.transactions = transactions;
        this.clock = clock;
        this.followUpWithin = followUpWithin;
        this.senderLimit = senderLimit;
        this.senderWindow = senderWindow;
        this.maxAttachmentBytes = maxAttachment.toBytes();
    }

    /** Applies up to {@code limit} waiting mails; returns how many were handled. */
    public int applyWaiting(int limit) {
        List<Inbox.Waiting> waiting = inbox.waiting(limit);
        if (waiting.isEmpty()) {
            return 0;
        }
        Round round = new Round(waiting);
        // Mails of different senders go side by side (most of a mail's time is waiting for the database); one
        // sender's mails stay in the order they came, so a reply never overtakes the mail it answers.
        List<List<Long>> lanes = new ArrayList<>();
        for (int i = 0; i < LANES; i++) {
            lanes.add(new ArrayList<>());
        }
        for (Inbox.Waiting w : waiting) {
            lanes.get(Math.floorMod(w.from() == null ? 0 : w.from().hashCode(), LANES))
                    .add(w.id());
        }
        try (var workers = java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor()) {
            for (List<Long> lane : lanes) {
                if (!lane.isEmpty()) {
                    workers.submit(() -> applyLane(lane, round));
                }
            }
        }
        return waiting.size();
    }

    /**
     * Applies a sender's mails in order, up to {@link #PER_COMMIT} in one transaction (a commit waits for the disk; one
     * per mail would be most of a mail's time). If one of them fails, the transaction is rolled back and the mails are
     * applied again one to a transaction, so that the one that fails is kept with its reason and the others go in: no
     * savepoint per mail (two more round trips each) for the rare mail that fails.
     */
    private void applyLane(List<Long> ids, Round round) {
        for (int from = 0; from < ids.size(); from += PER_COMMIT) {
            List<Long> chunk = ids.subList(from, Math.min(ids.size(), from + PER_COMMIT));
            try {
                transactions.executeWithoutResult(tx -> chunk.forEach(id -> applyWaiting(id, round)));
            } catch (RuntimeException e) {
                log.info("Could not apply {} mails together, one at a time now: {}", chunk.size(), e.toString());
                chunk.forEach(id -> applyAlone(id, round));
            }
        }
    }

    /** Applies one stored mail in a transaction of its own; a failure keeps it with the reason, and the queue goes on. */
    private void applyAlone(long inboundId, Round round) {
        try {
            transactions.executeWithoutResult(tx -> applyWaiting(inboundId, round));
        } catch (RuntimeException e) {
            log.warn("Could not apply mail {}: {}", inboundId, e.toString());
            try {
                transactions.executeWithoutResult(tx -> inbox.lockWaiting(inboundId)
                        .ifPresent(
                                stored -> inbox.failed(stored.id(), "could not be applied: " + e.getMessage(), now())));
            } catch (RuntimeException again) {
                log.warn("Could not keep mail {} as failed: {}", inboundId, again.toString());
            }
        }
    }

    /** Applies one stored mail unless another worker did already. */
    private void applyWaiting(long inboundId, Round round) {
        inbox.lockWaiting(inboundId).ifPresent(stored -> apply(stored, round));
    }

    /** What a round of applying reads once: the desk's own addresses, and each mailbox's settings when first asked. */
    private final class Round {
        final Set<String> own = Set.copyOf(mailboxes.addresses());
        private final Map<Long, Mailbox> settings = new java.util.concurrent.ConcurrentHashMap<>();
        private final Instant since = now().minus(senderWindow);
        private final Map<String, Integer> sent;

        Round(List<Inbox.Waiting> waiting) {
            sent = new java.util.concurrent.ConcurrentHashMap<>(inbox.countsFrom(
                    waiting.stream()
                            .map(Inbox.Waiting::from)
                            .filter(java.util.Objects::nonNull)
                            .collect(java.util.stream.Collectors.toSet()),
                    since));
        }

        /** How many mails the sender sent within the loop window, as of the round's start. */
        int sentBy(String address) {
            return sent.computeIfAbsent(address, a -> inbox.countFrom(a, since));
        }

        Mailbox mailbox(long id) {
            return settings.computeIfAbsent(id, mailboxes::settings);
        }
    }

    private void apply(Inbox.Stored stored, Round round) {
        ParsedMail mail;
        try {
            mail = parser.parse(stored.raw());
        } catch (UnreadableMail e) {
            inbox.failed(stored.id(), e.getMessage(), now());
            return;
        }
        if (mail.from() == null) {
            inbox.setAside(stored.id(), "no_sender", "the mail names no sender", now());
            return;
        }
        Noise.Kind noise = Noise.of(mail, round.own);
        Optional<TicketView> thread = thread(mail);
        if (noise != Noise.Kind.NONE) {
            if (thread.isPresent() && noise != Noise.Kind.BULK) {
                note(stored, mail, noise, thread.get());
            } else {
                inbox.setAside(stored.id(), noise.name().toLowerCase(java.util.Locale.ROOT), null, now());
            }
            return;
        }
        if (round.sentBy(mail.from().address()) > senderLimit) {
            inbox.setAside(
                    stored.id(),
                    "loop",
                    "more than " + senderLimit + " mails from " + mail.from().address() + " within " + senderWindow,
                    now());
            return;
        }
        List<NewAttachment> files = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        for (MailPart part : mail.attachments()) {
            if (part.size() > maxAttachmentBytes) {
                dropped.add(part.filename() == null ? part.contentType() : part.filename());
                continue;
            }
            files.add(new NewAttachment(
                    part.filename() == null ? defaultName(part) : part.filename(),
                    part.contentType(),
                    () -> new ByteArrayInputStream(part.content()),
                    part.contentId()));
        }
        String text = QuoteFolding.newText(mail.text());
        String html = mail.html() == null ? null : QuoteFolding.newHtml(mail.html());
        if (!dropped.isEmpty()) {
            text = text + "\n\n[" + String.join(", ", dropped)
                    + ": larger than the attachment limit; see the original]";
        }
        Body body = Body.of(text, html);
        if (thread.isPresent() && !thread.get().isClosed()) {
            TicketView ticket = thread.get();
            CustomerRef sender = customers.identifyByEmail(mail.from().address(), name(mail.from()));
            MessageView added = tickets.addMessage(
                    ticket.id(),
                    new AddMessage(
                            body.text(),
                            body.html(),
                            Visibility.PUBLIC,
                            Channel.EMAIL,
                            Author.customer(sender),
                            files));
            finish(stored, mail, ticket.id(), added.id(), ticket.customer().email(), round);
            return;
        }
        OpenedTicket opening = tickets.openTicket(new OpenTicket(
                subject(mail),
                body.text(),
                body.html(),
                mail.from().address(),
                name(mail.from()),
                Channel.EMAIL,
                null,
                null,
                files,
                null));
        TicketView opened = opening.ticket();
        long firstMessage = opening.firstMessageId();
        thread.ifPresent(closed -> followUp(opened, closed));
        finish(stored, mail, opened.id(), firstMessage, mail.from().address(), round);
        replies.received(opened, round.mailbox(stored.mailboxId()), mail.messageId());
    }

    /** A reply to a closed ticket opens a new one that says so; recently closed, it goes back to the same people. */
    private void followUp(TicketView opened, TicketView closed) {
        tickets.addMessage(
                opened.id(),
                new AddMessage(
                        "Follow-up of #" + closed.number() + " (closed): the customer answered a closed ticket.",
                        null,
                        Visibility.INTERNAL,
                        Channel.EMAIL,
                        Author.system(),
                        List.of()));
        if (closed.closedAt() != null && closed.closedAt().isAfter(now().minus(followUpWithin))) {
            // to the agent and team still there: one deactivated meanwhile must not lose the customer's mail
            tickets.giveBackTo(opened.id(), closed.assigneeId(), closed.teamId(), Author.system());
        }
    }

    private void finish(
            Inbox.Stored stored, ParsedMail mail, long ticketId, Long messageId, String customerAddress, Round round) {
        threads.open(ticketId, stored.mailboxId());
        threads.record(mail.messageId(), ticketId, messageId, stored.mailboxId(), "in", now());
        Set<String> skip = new java.util.HashSet<>(round.own);
        skip.add(customerAddress);
        List<MailAddress> copied = new ArrayList<>();
        for (MailAddress a : mail.cc()) {
            if (!skip.contains(a.address())) {
                copied.add(a);
            }
        }
        for (MailAddress a : mail.to()) {
            if (!skip.contains(a.address())) {
                copied.add(a);
            }
        }
        if (!mail.from().address().equals(customerAddress)) {
            copied.add(mail.from()); // someone else on the customer's side wrote: keep them on the thread
        }
        threads.addParticipants(ticketId, copied);
        inbox.processed(stored.id(), ticketId, messageId, mail, now());
    }

    /** Noise on a thread: a system note, so agents see it; nothing reopens, nothing is sent. */
    private void note(Inbox.Stored stored, ParsedMail mail, Noise.Kind noise, TicketView ticket) {
        if (ticket.isClosed()) {
            inbox.setAside(stored.id(), noise.name().toLowerCase(java.util.Locale.ROOT), "its ticket is closed", now());
            return;
        }
        String what = switch (noise) {
            case BOUNCE ->
                mail.report() == null
                        ? "A mail could not be delivered (" + mail.from().address() + ")."
                        : "A mail to " + mail.report().recipient() + " could not be delivered (status "
                                + mail.report().status() + ").";
            case AUTO_REPLY -> "Automatic reply from " + mail.from().address() + ".";
            default -> "Mail from the desk's own address " + mail.from().address() + ".";
        };
        if (noise == Noise.Kind.BOUNCE
                && mail.report() != null
                && mail.report().originalMessageId() != null
                && mail.report().failed()) {
            outbox.bounced(mail.report().originalMessageId(), what);
        }
        String text = what + "\n\n" + (mail.subject() == null ? "" : mail.subject() + "\n\n") + mail.text();
        Body body = Body.of(text, null);
        MessageView note = tickets.addMessage(
                ticket.id(),
                new AddMessage(body.text(), null, Visibility.INTERNAL, Channel.EMAIL, Author.system(), List.of()));
        threads.record(mail.messageId(), ticket.id(), note.id(), stored.mailboxId(), "in", now());
        inbox.processed(stored.id(), ticket.id(), note.id(), mail, now());
    }

    /** The ticket this mail answers: by Message-ID, then by [#number] from someone on the ticket. */
    private Optional<TicketView> thread(ParsedMail mail) {
        Optional<Long> byId = threads.ticketOf(mail.threadIds());
        if (byId.isPresent()) {
            return Optional.of(current(tickets.summary(byId.get())));
        }
        if (mail.subject() == null || mail.from() == null) {
            return Optional.empty();
        }
        Matcher m = NUMBER.matcher(mail.subject());
        if (!m.find()) {
            return Optional.empty();
        }
        return tickets.idOfNumber(Long.parseLong(m.group(1)))
                .map(tickets::summary)
                .filter(t -> mail.from().address().equalsIgnoreCase(t.customer().email())
                        || threads.isParticipant(t.id(), mail.from().address()))
                .map(this::current);
    }

    /** A ticket merged into another is answered on the one it went to. */
    private TicketView current(TicketView ticket) {
        TicketView t = ticket;
        for (int hops = 0; t.mergedInto() != null && hops < 10; hops++) {
            t = tickets.summary(t.mergedInto());
        }
        return t;
    }

    /** The ticket's subject: the mail's without our [#number], "(no subject)" for none, cut to what a ticket holds. */
    private static String subject(ParsedMail mail) {
        String subject = mail.subject() == null
                ? ""
                : stripNumber(mail.subject()).strip().replaceAll("\\s+", " ");
        if (subject.isEmpty()) {
            return "(no subject)";
        }
        return subject.length() > Tickets.MAX_SUBJECT ? subject.substring(0, Tickets.MAX_SUBJECT - 1) + "…" : subject;
    }

    /** The sender's name as a customer's: a name of absurd length (spam does that) is cut, not refused. */
    private static String name(MailAddress from) {
        String name = from.name();
        return name != null && name.length() > 200 ? name.substring(0, 199) + "…" : name;
    }

    private static String stripNumber(String subject) {
        String s = NUMBER.matcher(subject).replaceAll("").strip();
        return s.isEmpty() ? subject : s;
    }

    private static String defaultName(MailPart part) {
        String type = part.contentType();
        String ext = type.contains("/") ? type.substring(type.indexOf('/') + 1) : "bin";
        return "attachment." + (ext.matches("[a-z0-9]{1,10}") ? ext : "bin");
    }

    private Instant now() {
        return Times.now(clock);
    }

    /** The text and HTML of a message, cut to what a ticket message holds; the whole mail stays in its original. */
    private record Body(String text, String html) {
        static Body of(String text, String html) {
            String t = text == null || text.isBlank() ? "(empty mail)" : text;
            if (t.length() > Tickets.MAX_BODY) {
                t = t.substring(0, Tickets.MAX_BODY - 100) + "\n\n[cut here: the whole mail is in its original]";
            }
            String h = html != null && html.length() <= 4 * Tickets.MAX_BODY ? html : null;
            return new Body(t, h);
        }
    }
}
