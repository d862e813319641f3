package io.rapport.channels.email.web;

import io.rapport.channels.email.Inbox;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.MailboxSettings;
import io.rapport.channels.email.Mailboxes;
import io.rapport.channels.email.Security;
import io.rapport.common.Codes;
import io.rapport.common.Conflict;
import io.rapport.common.InvalidInput;
import io.rapport.web.AdminTab;
import io.rapport.web.PageErrors;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.context.annotation.Bean;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The admin pages of the email channel: the mailboxes with how their fetching goes, a form to add one, a page to
 * change, deactivate or remove one, and the mail set aside (auto-replies and bounces without a thread, loops, too large, unreadable) with its source.
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
            String pollSeconds,
            String active,
            String version,
            String imapVerify,
            String smtpVerify) {

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
                    pollSeconds,
                    active,
                    version,
                    imapVerify,
                    smtpVerify);
        }

        static MailboxForm empty() {
            return new MailboxForm(
                    null, null, null, "993", "ssl", null, null, "INBOX", null, "465", "ssl", null, null, "30", "true",
                    null, "true", "true");
        }

        /** A mailbox's settings as the edit form shows them; the passwords stay empty (left empty, they are kept). */
        static MailboxForm of(Mailbox m) {
            return new MailboxForm(
                    m.name(),
                    m.address(),
                    m.imap().host(),
                    String.valueOf(m.imap().port()),
                    m.imap().security().code(),
                    m.imap().username(),
                    null,
                    m.folder(),
                    m.smtp().host(),
                    String.valueOf(m.smtp().port()),
                    m.smtp().security().code(),
                    m.smtp().username(),
                    null,
                    String.valueOf(m.pollSeconds()),
                    String.valueOf(m.active()),
                    m.updatedAt().toString(),
                    String.valueOf(m.imap().verifyCertificate()),
                    String.valueOf(m.smtp().verifyCertificate()));
        }

        /** The settings typed; on an edit, a password left empty is kept, and an empty SMTP user removes it. */
        MailboxSettings settings(boolean editing) {
            return new MailboxSettings(
                    name,
                    address,
                    imapHost,
                    number(imapPort, "imap.port"),
                    security(imapSecurity, "imap.security"),
                    imapUsername,
                    editing && (imapPassword == null || imapPassword.isEmpty()) ? null : imapPassword,
                    folder,
                    smtpHost,
                    number(smtpPort, "smtp.port"),
                    security(smtpSecurity, "smtp.security"),
                    smtpUsername,
                    editing && (smtpPassword == null || smtpPassword.isEmpty()) ? null : smtpPassword,
                    number(pollSeconds, "pollSeconds"),
                    "true".equals(imapVerify),
                    "true".equals(smtpVerify));
        }

        boolean isActive() {
            return "true".equals(active);
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
            mailboxes.create(form.settings(false));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("form", form.withoutPasswords());
        }
        return "redirect:/admin/mailboxes";
    }

    @GetMapping("/admin/mailboxes/{id}")
    String edit(@PathVariable long id, Model model) {
        Mailbox mailbox = mailboxes.get(id);
        model.addAttribute("section", "mailboxes");
        model.addAttribute("mailbox", mailbox);
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", MailboxForm.of(mailbox));
        }
        return "channels/admin/mailbox";
    }

    @PostMapping("/admin/mailboxes/{id}")
    String update(@PathVariable long id, @ModelAttribute MailboxForm form, RedirectAttributes redirect) {
        try {
            mailboxes.update(id, form.settings(true), form.isActive(), version(form.version()));
            redirect.addFlashAttribute("saved", true);
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            redirect.addFlashAttribute("form", form.withoutPasswords());
        }
        return "redirect:/admin/mailboxes/" + id;
    }

    @PostMapping("/admin/mailboxes/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(required = false) String confirm, RedirectAttributes redirect) {
        Mailbox mailbox = mailboxes.get(id);
        try {
            if (!"yes".equals(confirm)) {
                throw new InvalidInput("confirm", "tick the box to confirm");
            }
            mailboxes.delete(id);
            redirect.addFlashAttribute("deleted", mailbox.address());
            return "redirect:/admin/mailboxes";
        } catch (InvalidInput | Conflict e) {
            redirect.addFlashAttribute("error", errors.describe(e));
            return "redirect:/admin/mailboxes/" + id;
        }
    }

    /** The page's version of the mailbox; one that is not a time is no version (the save then takes what was sent). */
    private static Instant version(String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInput("version", "is not a version of this mailbox");
        }
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
