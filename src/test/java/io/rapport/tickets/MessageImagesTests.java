package io.rapport.tickets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a page shows the images of a mail body: each from this server, or not at all. */
class MessageImagesTests {

    private static MessageView message(String html, AttachmentView... files) {
        return new MessageView(
                1,
                2,
                Author.system(),
                Visibility.PUBLIC,
                "text",
                html,
                Channel.EMAIL,
                Instant.parse("2026-11-29T10:00:00Z"),
                List.of(files),
                null,
                null);
    }

    @Test
    void anImageOfTheMessageIsShownFromThisServerAndLeavesTheFileList() {
        AttachmentView shot = new AttachmentView(7, "shot.png", "image/png", 10, "shot@phone");
        AttachmentView pdf = new AttachmentView(8, "doc.pdf", "application/pdf", 10, null);
        MessageView shown =
                message("<p><img src=\"cid:shot%40phone\"></p>", shot, pdf).showingImages(a -> "/files/" + a.id());
        assertThat(shown.bodyHtml()).isEqualTo("<p><img src=\"/files/7\"></p>");
        assertThat(shown.attachments()).containsExactly(pdf);
    }

    @Test
    void anImageThatIsNoSafePictureOrNotThereIsRemoved() {
        AttachmentView svg = new AttachmentView(9, "x.svg", "image/svg+xml", 10, "x@y");
        MessageView shown = message("<p>a<img src=\"cid:x@y\"><img src=\"cid:gone@y\"></p>", svg)
                .showingImages(a -> "/f/" + a.id());
        assertThat(shown.bodyHtml()).isEqualTo("<p>a</p>");
        assertThat(shown.attachments()).containsExactly(svg); // still there, as a download
    }

    @Test
    void aBadlyEscapedContentIdIsTakenAsItIs() {
        AttachmentView odd = new AttachmentView(3, "odd.png", "image/png", 10, "%zz");
        MessageView shown =
                message("<p><img src=\"cid:%zz\"><img src=\"cid:%\"></p>", odd).showingImages(a -> "/f/" + a.id());
        assertThat(shown.bodyHtml()).isEqualTo("<p><img src=\"/f/3\"></p>");
    }
}
