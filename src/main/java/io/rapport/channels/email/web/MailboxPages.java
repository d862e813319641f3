package io.rapport.channels.email.web;

import io.rapport.channels.email.Inbox;
import io.rapport.channels.email.MailboxSettings;
import io.rapport.channels.email.Mailboxes;
import io.rapport.channels.email.Security;
import io.rapport.common.Codes;
import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import io.rapport.web.AdminTab;
import io.rapport.web.PageErrors;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin page of the email channel: the mailboxes with how their fetching goes, a form to add one, and the mail
 * set aside (auto-replies and bounces without a thread, loops, too large, unreadable) with its source.
 */
@Controller
class MailboxPages {

    private final Mailboxes mailboxes;
    private final Inbox inbox;
    private final PageErrors errors;

    MailboxPages(Mailboxes mailboxes, Inbox inbox, PageErrors errors) {
        this.mailboxes = mailboxes;
        this.inbox = inbox;
        this.errors = errors;
    }

    /** What the form holds: text as typed, so that anything a person types comes back to them with its error. */
    record MailboxForm(
            String name,
            String address,
            String imapHost,
            String imapPort,
            String imapSecurity,
            String imapUsername,
            String imapPassword,
            String folder,
            String smtpHost,
            String smtpPort,
            String smtpSecurity,
            String smtpUsername,
            String smtpPassword,
            String pollSeconds) {

        /** The form as it comes back after an error: never with the passwords. */
        MailboxForm withoutPasswords() {
            return new MailboxForm(
                    name,
                    address,
                    imapHost,
                    imapPort,
                    imapSecurity,
                    imapUsername,
                    null,
                    folder,
                    smtpHost,
                    smtpPort,
                    smtpSecurity,
                    smtpUsername,
                    null,
                    pollSeconds);
        }

        static MailboxForm empty() {
            return new MailboxForm(
                    null, null, null, "993", "ssl", null, null, "INBOX", null, "465", "ssl", null, null, "30");
        }
    }

    @GetMapping("/admin/mailboxes")
    String list(Model model) {
        model.addAttribute("section", "mailboxes");
        model.addAttribute("mailboxes", mailboxes.list());
        model.addAttribute("kept", inbox.kept(50));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", MailboxForm.empty());
        }
        return "channels/admin/mailboxes";
    }

    @PostMapping("/admin/mailboxes")
    String create(@ModelAttribute MailboxForm form, RedirectAttributes redirect) {
        try {
            mailboxes.create(new MailboxSettings(
                    form.name(),
                    form.address(),
                    form.imapHost(),
                    number(form.imapPort(), "imap.port"),
                    security(form.imapSecurity(), "imap.security"),
                    form.imapUsername(),
                    form.imapPassword(),
                    form.folder(),
                    form.smtpHost(),
                    number(form.smtpPort(), "smtp.port"),
                    security(form.smtpSecurity(), "smtp.security"),
                    form.smtpUsername(),
                    form.smtpPassword(),
                    number(form.pollSeconds(), "pollSeconds")));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("form", form.withoutPasswords());
        }
        return "redirect:/admin/mailboxes";
    }

    private static Integer number(String value, String field) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(value.strip());
        } catch (NumberFormatException e) {
            throw new InvalidInput(field, "must be a whole number");
        }
    }

    private static Security security(String value, String field) {
        return value == null || value.isBlank() ? null : Codes.parse(Security.class, value.strip(), field);
    }

    @Bean
    static AdminTab mailboxesTab() {
        return new AdminTab(40, "/admin/mailboxes", "admin.mailboxes", "mailboxes");
    }
}
