package io.rapport.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** What survives sanitizing, and how a body's own images are pointed at this server. */
class HtmlTests {

    @Test
    void anImageOfTheMessageItselfIsKeptAndEveryOtherImageIsRemoved() {
        String clean = Html.sanitize("<p>a<img src=\"cid:one@x\" alt=\"shot\" onerror=\"alert(1)\">"
                + "<img src=\"https://tracker.example/p.gif\"><img src=\"http://x/y.png\">"
                + "<img src=\"data:image/png;base64,AAAA\"><img src=\"javascript:alert(1)\"><img src=\"rel.png\">"
                + "<img></p>");
        assertThat(clean).isEqualTo("<p>a<img src=\"cid:one@x\" alt=\"shot\"></p>");
    }

    @Test
    void showImagesPointsKnownImagesAtTheirAddressAndRemovesTheRest() {
        Map<String, String> known = Map.of("one@x", "/tickets/7/attachments/3");
        String shown =
                Html.showImages("<p><img src=\"cid:one@x\" alt=\"shot\"><img src=\"cid:gone@x\"></p>", known::get);
        assertThat(shown).isEqualTo("<p><img src=\"/tickets/7/attachments/3\" alt=\"shot\"></p>");
        assertThat(Html.showImages("<p>no images</p>", known::get)).isEqualTo("<p>no images</p>");
        assertThat(Html.showImages(null, known::get)).isNull();
    }

    @Test
    void textOfHtmlKeepsLineBreaksBetweenBlocks() {
        assertThat(Html.toText("<p>one</p><p>two<br>three</p>")).isEqualTo("one\ntwo\nthree");
    }
}
