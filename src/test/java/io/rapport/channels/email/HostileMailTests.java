package io.rapport.channels.email;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/**
 * Mail built to hurt: each gives a readable message or a clear {@link UnreadableMail}, never a hang, an exhausted
 * heap or another exception (the intake keeps an unreadable mail with its reason and goes on).
 */
class HostileMailTests {

    private final MailParser parser = new MailParser();

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.ISO_8859_1);
    }

    @Test
    void aHeaderBombIsRefusedWithItsReason() {
        StringBuilder mail = new StringBuilder("From: a@b.test\r\nSubject: bomb\r\n");
        for (int i = 0; i < 5_000; i++) {
            mail.append("X-Filler-")
                    .append(i)
                    .append(": ")
                    .append("x".repeat(50))
                    .append("\r\n");
        }
        mail.append("\r\nbody\r\n");
        assertThatThrownBy(() -> parser.parse(bytes(mail.toString())))
                .isInstanceOf(UnreadableMail.class)
                .hasMessageContaining("header");
    }

    @Test
    void twoThousandPartsAreRead() {
        StringBuilder mail = new StringBuilder(
                "From: a@b.test\r\nSubject: parts\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n");
        mail.append("--b\r\nContent-Type: text/plain\r\n\r\nthe text\r\n");
        for (int i = 0; i < 2_000; i++) {
            mail.append("--b\r\nContent-Type: application/octet-stream\r\nContent-Disposition: attachment;"
                            + " filename=\"f")
                    .append(i)
                    .append(".bin\"\r\n\r\nx\r\n");
        }
        mail.append("--b--\r\n");
        ParsedMail parsed = parser.parse(bytes(mail.toString()));
        assertThat(parsed.text()).isEqualTo("the text");
        assertThat(parsed.attachments()).hasSize(2_000);
    }

    @Test
    void invalidUtf8IsReadWithoutLosingTheRest() {
        byte[] mail = concat(
                bytes("From: =?UTF-8?B?" + Base64.getEncoder().encodeToString(new byte[] {(byte) 0xff, 'A'})
                        + "?= <a@b.test>\r\nSubject: caf\u00e9 \r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"),
                new byte[] {'o', 'k', ' ', (byte) 0xc3, (byte) 0x28, ' ', 'e', 'n', 'd'});
        ParsedMail parsed = parser.parse(mail);
        assertThat(parsed.from().address()).isEqualTo("a@b.test");
        assertThat(parsed.text()).startsWith("ok ").endsWith(" end");
    }

    @Test
    void aTwentyMegabyteAttachmentIsRead() {
        byte[] file = new byte[20 * 1024 * 1024];
        for (int i = 0; i < file.length; i++) {
            file[i] = (byte) (i * 31);
        }
        String encoded = Base64.getMimeEncoder().encodeToString(file);
        ParsedMail parsed = parser.parse(bytes("From: a@b.test\r\nSubject: big\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nsee file\r\n"
                + "--b\r\nContent-Type: application/pdf\r\nContent-Transfer-Encoding: base64\r\n"
                + "Content-Disposition: attachment; filename=big.pdf\r\n\r\n" + encoded + "\r\n--b--\r\n"));
        assertThat(parsed.attachments()).singleElement().satisfies(p -> {
            assertThat(p.filename()).isEqualTo("big.pdf");
            assertThat(p.content()).isEqualTo(file);
        });
    }

    @Test
    void namesInOtherScriptsKeepTheAddressWhole() {
        ParsedMail parsed = parser.parse(
                "From: Jürgen Groß <jg@example.de>\r\nCc: 日本 太郎 <taro@example.jp>, b@c.test, =?UTF-8?Q?J=C3=B6rg?= <j@d.test>\r\nSubject: x\r\n\r\nx\r\n"
                        .getBytes(StandardCharsets.UTF_8));
        assertThat(parsed.from().address()).isEqualTo("jg@example.de");
        assertThat(parsed.from().name()).isEqualTo("Jürgen Groß");
        assertThat(parsed.cc())
                .extracting(MailAddress::address)
                .containsExactly("taro@example.jp", "b@c.test", "j@d.test");
        assertThat(parsed.cc()).extracting(MailAddress::name).containsExactly("日本 太郎", null, "Jörg");
    }

    @Test
    void noHeadersAtAllIsAMailWithoutSender() {
        ParsedMail parsed = parser.parse(bytes("just some text\r\n"));
        assertThat(parsed.from()).isNull();
        assertThat(parsed.text()).contains("just some text");
    }

    @Test
    void aNulByteAndControlCharactersDoNotReachTheSubject() {
        ParsedMail parsed = parser.parse(bytes("From: a@b.test\r\nSubject: a\u0000b\u0007c\r\n\r\nx\r\n"));
        assertThat(parsed.subject()).doesNotContain("\u0000", "\u0007");
    }

    private static byte[] concat(byte[] a, byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(a);
        out.writeBytes(b);
        return out.toByteArray();
    }
}
