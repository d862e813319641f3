package io.rapport.accounts.internal;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Mails a portal sign-in link in the customer's language. The customer can ask again if it does not arrive. */
@Component
public class SignInLinkMailer {

    private final MailedLinks links;
    private final MessageSource messages;

    SignInLinkMailer(MailedLinks links, MessageSource messages) {
        this.links = links;
        this.messages = messages;
    }

    public void send(String to, String secret, Locale locale) {
        String link = links.link("/portal/auth", secret);
        links.send(
                "Portal sign-in link",
                to,
                messages.getMessage("mail.signin.subject", null, locale),
                messages.getMessage("mail.signin.body", new Object[] {link}, locale),
                link);
    }
}
