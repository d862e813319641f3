package io.rapport.tickets.internal;

import io.rapport.accounts.CustomerRef;
import io.rapport.accounts.Customers;
import io.rapport.accounts.OutgoingMail;
import io.rapport.tickets.AgentReplied;
import io.rapport.tickets.MessageView;
import io.rapport.tickets.TicketSolved;
import io.rapport.tickets.TicketView;
import io.rapport.tickets.Tickets;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.AddressException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.MailParseException;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.MailSendException;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Tells the customer by mail, in their language, when an agent replies and when their ticket is solved, and asks then
 * whether it really is: the question the customer answers in the portal. A reply that solves the ticket is one mail
 * carrying both. Runs after the change commits, from Spring Modulith's event publication registry: a mail that fails
 * for a passing reason (server down, timeout) is marked failed and sent again by {@link EventHousekeeping}; one the
 * server refuses for good (a bad address) is logged and dropped. No transaction is held while talking to the mail
 * server. Without a mail server configured nothing is sent.
 *
 * <p>Email as a full channel (threading, replies by mail) is a later issue; these mails point to the portal.
 */
@Component
class CustomerMail {

    private static final Logger log = LoggerFactory.getLogger(CustomerMail.class);

    private final Tickets tickets;
    private final Customers customers;
    private final OutgoingMail mail;
    private final MessageSource messages;
    private final Duration autoCloseAfter;

    CustomerMail(
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
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(AgentReplied replied) {
        TicketView ticket = tickets.get(replied.ticketId());
        if (!deliverable(ticket.customer().email())) {
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
        if (replied.solves() && "solved".equals(ticket.status())) {
            text.append("\n").append(question(ticket, locale)); // unless already answered when this goes out
        }
        send(ticket, subject(ticket, locale), text.toString());
    }

    @ApplicationModuleListener(propagation = Propagation.NOT_SUPPORTED)
    void on(TicketSolved solved) {
        if (solved.withReply()) {
            return; // the reply's mail asked already
        }
        TicketView ticket = tickets.get(solved.ticketId());
        if (!"solved".equals(ticket.status())) {
            return; // answered or reopened before this mail went out
        }
        Locale locale = locale(ticket);
        send(
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
        return mail.link("/portal/tickets/" + ticket.id());
    }

    private Locale locale(TicketView ticket) {
        CustomerRef customer = customers.ref(ticket.customer().id());
        String language = customer.preferredLanguage();
        return language == null || !Customers.SUPPORTED_LANGUAGES.contains(language)
                ? Locale.ENGLISH
                : Locale.forLanguageTag(language);
    }

    /**
     * A bad address or a message the server will never take: trying again cannot help. The SMTP transport reports a
     * recipient the server refused (5xx to RCPT TO) as a SendFailedException listing it among the invalid addresses.
     */
    static boolean refusedForGood(MailException e) {
        if (e instanceof MailParseException || e instanceof MailPreparationException) {
            return true;
        }
        List<Throwable> causes = new ArrayList<>();
        causes.add(e);
        if (e instanceof MailSendException send) {
            causes.addAll(send.getFailedMessages().values());
        }
        for (Throwable first : causes) {
            for (Throwable cause = first; cause != null; cause = cause.getCause()) {
                if (cause instanceof AddressException
                        || (cause instanceof SendFailedException failed
                                && failed.getInvalidAddresses() != null
                                && failed.getInvalidAddresses().length > 0)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * Addresses under names reserved for examples and tests (RFC 2606, RFC 6761) cannot receive mail: demo customers and
     * placeholder addresses in imports are not mailed.
     */
    static boolean deliverable(String address) {
        if (address == null || address.indexOf('@') < 0) {
            return false;
        }
        String domain = address.substring(address.lastIndexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (RESERVED_DOMAINS.contains(domain)) {
            return false;
        }
        return RESERVED_DOMAINS.stream().noneMatch(reserved -> domain.endsWith("." + reserved))
                && RESERVED_TOP_LEVEL.stream().noneMatch(tld -> domain.equals(tld) || domain.endsWith("." + tld));
    }

    private static final Set<String> RESERVED_DOMAINS = Set.of("example.com", "example.net", "example.org");
    private static final Set<String> RESERVED_TOP_LEVEL = Set.of("example", "test", "invalid", "localhost");

    private void send(TicketView ticket, String subject, String text) {
        String to = ticket.customer().email();
        if (!deliverable(to)) {
            return;
        }
        try {
            if (!mail.send(to, subject, text)) {
                log.debug("No mail server configured: not mailing {} about ticket {}", to, ticket.number());
            }
        } catch (MailException e) {
            if (refusedForGood(e)) {
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
