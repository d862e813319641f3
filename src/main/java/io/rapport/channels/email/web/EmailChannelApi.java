package io.rapport.channels.email.web;

import io.rapport.channels.email.Inbox;
import io.rapport.channels.email.Mailbox;
import io.rapport.channels.email.MailboxSettings;
import io.rapport.channels.email.Mailboxes;
import io.rapport.channels.email.Security;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mailboxes over JSON (admin): add, change, deactivate or remove one, read its status, list the mail set aside.
 * Passwords are never returned.
 */
@RestController
@RequestMapping("/api/v1/channels/email")
@Tag(name = "Email channel", description = "Mailboxes the desk reads by IMAP and answers from by SMTP")
class EmailChannelApi {

    private final Mailboxes mailboxes;
    private final Inbox inbox;

    EmailChannelApi(Mailboxes mailboxes, Inbox inbox) {
        this.mailboxes = mailboxes;
        this.inbox = inbox;
    }

    record ImapServer(
            @NotBlank @Size(max = 255) String host,
            @NotNull @Min(1) @Max(65535) Integer port,

            @Schema(description = "none, ssl or starttls; ssl when left out")
            Security security,

            @NotBlank @Size(max = 320) String username,
            @NotBlank @Size(max = 500) String password,

            @Size(max = 200) @Schema(description = "INBOX when left out")
            String folder,

            @Schema(
                    description = "check the server's certificate (true when left out); false only for a server of"
                            + " one's own with a self-signed certificate")
            Boolean verifyCertificate) {}

    record SmtpServer(
            @NotBlank @Size(max = 255) String host,
            @NotNull @Min(1) @Max(65535) Integer port,

            @Schema(description = "none, ssl or starttls; ssl when left out")
            Security security,

            @Size(max = 320) String username,
            @Size(max = 500) String password,

            @Schema(description = "check the server's certificate (true when left out)")
            Boolean verifyCertificate) {}

    record CreateMailboxRequest(
            @NotBlank @Size(max = 100) String name,
            @NotBlank @Size(max = 320) String address,
            @NotNull @Valid ImapServer imap,
            @NotNull @Valid SmtpServer smtp,

            @Min(5)
            @Max(3600)
            @Schema(description = "seconds between fetches where the server has no IDLE; 30 when left out")
            Integer pollSeconds) {}

    record ImapChange(
            @Size(max = 255) String host,
            @Min(1) @Max(65535) Integer port,
            Security security,
            @Size(max = 320) String username,
            @Size(max = 500) String password,
            @Size(max = 200) String folder,
            Boolean verifyCertificate) {}

    record SmtpChange(
            @Size(max = 255) String host,
            @Min(1) @Max(65535) Integer port,
            Security security,

            @Size(max = 320) @Schema(description = "an empty text removes the sign-in")
            String username,

            @Size(max = 500) @Schema(description = "an empty text removes it (the IMAP password is used)")
            String password,

            Boolean verifyCertificate) {}

    @Schema(description = "What to change; a setting left out stays as it is. Passwords are changed, never shown.")
    record UpdateMailboxRequest(
            @Size(max = 100) String name,
            @Size(max = 320) String address,
            @Valid ImapChange imap,
            @Valid SmtpChange smtp,
            @Min(5) @Max(3600) Integer pollSeconds,

            @Schema(description = "false stops fetching; replies on its conversations still go out from it")
            Boolean active) {}

    record MailboxList(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Mailbox> items,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long total) {}

    record KeptList(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            List<Inbox.Kept> items,

            @Schema(requiredMode = Schema.RequiredMode.REQUIRED)
            long total) {}

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createMailbox", summary = "Add a mailbox (admin)")
    Mailbox create(@Valid @RequestBody CreateMailboxRequest r) {
        return mailboxes.create(new MailboxSettings(
                r.name(),
                r.address(),
                r.imap().host(),
                r.imap().port(),
                r.imap().security(),
                r.imap().username(),
                r.imap().password(),
                r.imap().folder(),
                r.smtp().host(),
                r.smtp().port(),
                r.smtp().security(),
                r.smtp().username(),
                r.smtp().password(),
                r.pollSeconds(),
                r.imap().verifyCertificate(),
                r.smtp().verifyCertificate()));
    }

    @GetMapping
    @Operation(operationId = "listMailboxes", summary = "All mailboxes with their status (admin)")
    MailboxList list() {
        List<Mailbox> all = mailboxes.list();
        return new MailboxList(all, all.size());
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "getMailbox",
            summary = "One mailbox and its status: last fetch, last error, mails fetched (admin)")
    Mailbox get(@PathVariable long id) {
        return mailboxes.get(id);
    }

    @PatchMapping("/{id}")
    @Operation(
            operationId = "updateMailbox",
            summary = "Change a mailbox's settings, or deactivate it (admin); it is fetched again at once")
    Mailbox update(@PathVariable long id, @Valid @RequestBody UpdateMailboxRequest r) {
        ImapChange imap = r.imap() == null ? new ImapChange(null, null, null, null, null, null, null) : r.imap();
        SmtpChange smtp = r.smtp() == null ? new SmtpChange(null, null, null, null, null, null) : r.smtp();
        return mailboxes.update(
                id,
                new MailboxSettings(
                        r.name(),
                        r.address(),
                        imap.host(),
                        imap.port(),
                        imap.security(),
                        imap.username(),
                        imap.password(),
                        imap.folder(),
                        smtp.host(),
                        smtp.port(),
                        smtp.security(),
                        smtp.username(),
                        smtp.password(),
                        r.pollSeconds(),
                        imap.verifyCertificate(),
                        smtp.verifyCertificate()),
                r.active(),
                null);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(
            operationId = "deleteMailbox",
            summary = "Remove a mailbox no mail has passed through (admin); 409 for one with mail on tickets")
    void delete(@PathVariable long id) {
        mailboxes.delete(id);
    }

    @GetMapping("/set-aside")
    @Operation(
            operationId = "listSetAsideMail",
            summary =
                    "Mail set aside (auto-replies and bounces without a thread, loops, too large) or unreadable (admin)")
    KeptList setAside() {
        List<Inbox.Kept> kept = inbox.kept(200);
        return new KeptList(kept, kept.size());
    }
}
