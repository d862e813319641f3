package io.rapport.accounts.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Mails an agent the link to choose their password, in the admin's language. */
@Component
public class InviteMailer {

    private final MailedLinks links;
    private final MessageSource messages;

    InviteMailer(MailedLinks links, MessageSource messages) {
        this.links = links;
        this.messages = messages;
    }

    /** Sends the invitation; false when it could not go out (no mail server, or the server refused). */
    public boolean send(String to, String name, String invitedBy, String secret, long validDays, Locale locale) {
        String link = links.link("/invite", secret);
        return links.send(
                "Invitation",
                to,
                messages.getMessage("mail.invite.subject", null, locale),
                messages.getMessage("mail.invite.body", new Object[] {name, invitedBy, link, validDays}, locale),
                link);
    }
}
