package io.rapport.tickets;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import io.rapport.support.BrowserTest;
import io.rapport.support.H2Database;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Images and PDFs are shown in the browser, everything else (HTML above all) only downloads (issue 8, point 4). */
@H2Database
class AttachmentPreviewBrowserTests extends BrowserTest {

    private static byte[] png() throws Exception {
        BufferedImage image = new BufferedImage(120, 80, BufferedImage.TYPE_INT_RGB);
        for (int x = 0; x < 120; x++) {
            for (int y = 0; y < 80; y++) {
                image.setRGB(x, y, x < 60 ? 0x2255cc : 0xf5b83d);
            }
        }
        var out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    private long attach(long ticketId, String filename, byte[] bytes) {
        var sent = admin().multipart(
                        "/api/v1/tickets/" + ticketId + "/messages/with-attachments",
                        "message",
                        Map.of("body", "File " + filename, "visibility", "public"),
                        filename,
                        bytes);
        assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
        return sent.json().get("attachments").get(0).get("id").asLong();
    }

    @Test
    void anImageOpensInAPreviewAPdfInTheBrowserAndHtmlOnlyDownloads() throws Exception {
        String email = "preview-" + UUID.randomUUID() + "@example.com";
        JsonNode ticket = admin().post(
                        "/api/v1/tickets",
                        Map.of(
                                "subject",
                                "Screenshot of the error",
                                "body",
                                "See the files.",
                                "customer",
                                Map.of("email", email)))
                .json();
        long id = ticket.get("id").asLong();
        long number = ticket.get("number").asLong();
        long image = attach(id, "screen.png", png());
        long pdf = attach(id, "statement.pdf", "%PDF-1.4\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        long html = attach(id, "page.html", "<script>alert(1)</script>".getBytes(StandardCharsets.UTF_8));

        signInAsAgent(page, ADMIN_EMAIL, ADMIN_PASSWORD);
        page.navigate("/tickets/" + number);
        var thumb = page.locator("[data-rapport=preview-image]");
        assertThat(thumb).hasCount(1);
        assertThat(thumb.locator("img")).hasJSProperty("naturalWidth", 120);
        thumb.click();
        assertThat(page.locator("#preview")).isVisible();
        assertThat(page.locator("#preview-title")).hasText("screen.png");
        assertThat(page.locator("#preview-image")).hasJSProperty("naturalWidth", 120);
        screenshot("agent-preview");
        page.keyboard().press("Escape");
        assertThat(page.locator("#preview")).isHidden();
        assertThat(page.locator("[data-rapport=preview-pdf]")).hasCount(1);
        assertThat(page.locator("[data-rapport=preview-pdf]"))
                .hasAttribute("href", "/tickets/" + number + "/attachments/" + pdf + "/view");

        var web = io.rapport.support.WebSession.agent(port, ADMIN_EMAIL, ADMIN_PASSWORD);
        var shownImage = web.get("/tickets/" + number + "/attachments/" + image + "/view");
        assertThat(shownImage.statusCode()).isEqualTo(200);
        assertThat(shownImage.headers().firstValue("Content-Type").orElse("")).isEqualTo("image/png");
        assertThat(shownImage.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("inline");
        var shownPdf = web.get("/tickets/" + number + "/attachments/" + pdf + "/view");
        assertThat(shownPdf.headers().firstValue("Content-Type").orElse("")).isEqualTo("application/pdf");
        assertThat(shownPdf.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("inline");
        assertThat(shownPdf.headers().firstValue("X-Content-Type-Options").orElse(""))
                .isEqualTo("nosniff");
        var notShown = web.get("/tickets/" + number + "/attachments/" + html + "/view");
        assertThat(notShown.headers().firstValue("Content-Disposition").orElse(""))
                .startsWith("attachment");
        assertThat(notShown.headers().firstValue("Content-Type").orElse("")).doesNotContain("html");
        assertThat(web.get("/tickets/" + number + "/attachments/987654321/view").statusCode())
                .isEqualTo(404);

        // the customer sees the same preview in the portal; another customer finds nothing
        try (var customerContext = newContext()) {
            var customerPage = customerContext.newPage();
            signInAsCustomer(customerPage, email);
            customerPage.navigate("/portal/tickets/" + number);
            customerPage.locator("[data-rapport=preview-image]").click();
            assertThat(customerPage.locator("#preview-image")).hasJSProperty("naturalWidth", 120);
        }
        var stranger = io.rapport.support.WebSession.customer(port, "stranger-" + UUID.randomUUID() + "@example.com");
        assertThat(stranger.get("/portal/attachments/" + image + "/view").statusCode())
                .isEqualTo(404);
    }
}
