package io.rapport.channels.email;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Text from the bytes of a mail, trusting the declared charset only as far as the bytes agree: mail that says
 * US-ASCII but carries UTF-8, or says UTF-8 but carries Latin-1, is common. Latin-1 is read as Windows-1252, its
 * superset, as browsers do.
 */
final class Charsets {

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Names mailers use that Java does not know, mapped to what they mean. */
    private static final Map<String, String> ALIASES = Map.of(
            "utf8", "UTF-8",
            "unicode-1-1-utf-8", "UTF-8",
            "ks_c_5601-1987", "x-windows-949",
            "gb2312", "GBK",
            "iso-8859-8-i", "ISO-8859-8",
            "ansi_x3.4-1968", "US-ASCII",
            "latin1", "windows-1252",
            "iso-8859-1", "windows-1252",
            "us-ascii", "US-ASCII",
            "ascii", "US-ASCII");

    private static final Pattern HTML_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?([A-Za-z0-9._:-]+)", Pattern.CASE_INSENSITIVE);

    private Charsets() {}

    static String decode(byte[] bytes, String declared) {
        Charset charset = lookup(declared);
        if (charset == null || charset.equals(StandardCharsets.US_ASCII)) {
            return ascii(bytes) ? new String(bytes, StandardCharsets.US_ASCII) : utf8OrWindows(bytes);
        }
        if (charset.equals(StandardCharsets.UTF_8)) {
            return utf8OrWindows(bytes);
        }
        return new String(bytes, charset);
    }

    /** The charset an HTML part names in its own meta tag, when its MIME header names none. */
    static String declaredInHtml(byte[] bytes) {
        String head = new String(bytes, 0, Math.min(bytes.length, 2048), StandardCharsets.ISO_8859_1);
        Matcher m = HTML_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    private static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        n = ALIASES.getOrDefault(n, n);
        try {
            return Charset.forName(n);
        } catch (RuntimeException e) {
            return null; // unknown or illegal name: guess from the bytes
        }
    }

    private static boolean ascii(byte[] bytes) {
        for (byte b : bytes) {
            if (b < 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Strict UTF-8 when the bytes are UTF-8; Windows-1252 when they hold no valid multi-byte sequence at all (Latin-1
     * mislabelled); otherwise UTF-8 with the broken bytes replaced.
     */
    private static String utf8OrWindows(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes))
                    .toString();
        } catch (CharacterCodingException e) {
            return validMultiByteSequences(bytes) == 0
                    ? new String(bytes, WINDOWS_1252)
                    : new String(bytes, StandardCharsets.UTF_8);
        }
    }

    private static int validMultiByteSequences(byte[] bytes) {
        int count = 0;
        for (int i = 0; i < bytes.length; i++) {
            int b = bytes[i] & 0xff;
            int extra = b >= 0xf0 && b < 0xf5 ? 3 : b >= 0xe0 ? 2 : b >= 0xc2 && b < 0xe0 ? 1 : 0;
            if (b < 0xc2 || b >= 0xf5 || i + extra >= bytes.length) {
                continue;
            }
            boolean valid = true;
            for (int k = 1; k <= extra; k++) {
                if ((bytes[i + k] & 0xc0) != 0x80) {
                    valid = false;
                    break;
                }
            }
            if (valid) {
                count++;
                i += extra;
            }
        }
        return count;
    }
}
