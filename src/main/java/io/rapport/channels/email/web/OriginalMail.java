package io.rapport.channels.email.web;

import io.rapport.channels.email.Inbox;
import io.rapport.common.NotFound;
import io.rapport.web.Authorities;
import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A mail as it came, for agents: its source as plain text in the browser, or as a .eml file to open in a mail
 * program. A mail that is on no ticket (set aside, unreadable) is for admins only. Never rendered as HTML.
 */
@RestController
class OriginalMail {

    private final Inbox inbox;

    OriginalMail(Inbox inbox) {
        this.inbox = inbox;
    }

    @GetMapping("/mail/{id}/original")
    ResponseEntity<byte[]> original(
            @PathVariable long id, @RequestParam(required = false) String download, Authentication who) {
        Inbox.Original mail = inbox.original(id)
                .filter(m -> m.onATicket()
                        || who.getAuthorities().stream().anyMatch(a -> Authorities.ADMIN.equals(a.getAuthority())))
                .orElseThrow(() -> NotFound.of("mail", id));
        ResponseEntity.BodyBuilder response = ResponseEntity.ok()
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox; default-src 'none'");
        if (download != null) {
            return response.contentType(MediaType.parseMediaType("message/rfc822"))
                    .header(
                            HttpHeaders.CONTENT_DISPOSITION,
                            ContentDisposition.attachment()
                                    .filename("mail-" + id + ".eml")
                                    .build()
                                    .toString())
                    .body(mail.raw());
        }
        return response.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
                .body(Inbox.sourceText(mail.raw()).getBytes(StandardCharsets.UTF_8));
    }
}
