package io.rapport.channels.email;

import io.rapport.common.Html;
import jakarta.mail.internet.MimeUtility;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.james.mime4j.codec.DecodeMonitor;
import org.apache.james.mime4j.codec.DecoderUtil;
import org.apache.james.mime4j.dom.Entity;
import org.apache.james.mime4j.dom.Message;
import org.apache.james.mime4j.dom.Multipart;
import org.apache.james.mime4j.dom.SingleBody;
import org.apache.james.mime4j.dom.TextBody;
import org.apache.james.mime4j.dom.address.Address;
import org.apache.james.mime4j.dom.address.AddressList;
import org.apache.james.mime4j.dom.address.Group;
import org.apache.james.mime4j.dom.address.Mailbox;
import org.apache.james.mime4j.field.address.LenientAddressParser;
import org.apache.james.mime4j.message.DefaultMessageBuilder;
import org.apache.james.mime4j.stream.Field;
import org.apache.james.mime4j.stream.MimeConfig;
import org.apache.james.mime4j.stream.ParserCursor;
import org.apache.james.mime4j.util.ByteArrayBuffer;

/**
 * Reads a raw mail (RFC 5322 and MIME) with Apache James mime4j, tolerant of what real mailers send. Which parts are
 * the body and which are attachments follows the JMAP rules (RFC 8621, section 4.1.4), as mail clients show them.
 * Text is decoded with the declared charset, and with a better guess where the declaration is plainly wrong; raw
 * 8-bit headers are read as UTF-8 where they are valid UTF-8. Limits stop hostile mail (a header bomb, endless lines)
 * with an {@link UnreadableMail} instead of exhausting memory. Thread-safe.
 */
public final class MailParser {

    /** The headers a mail is judged by (auto-replies, lists, loops); everything else stays in the raw source. */
    private static final Set<String> KEPT_HEADERS = Set.of(
            "auto-submitted",
            "precedence",
            "x-autoreply",
            "x-autorespond",
            "x-auto-response-suppress",
            "list-id",
            "list-unsubscribe",
            "return-path",
            "x-loop",
            "x-rapport-loop",
            "x-failed-recipients",
            "content-type");

    private static final Pattern MESSAGE_ID = Pattern.compile("<([^<>\\s]+)>");
    private static final Pattern UUENCODE =
            Pattern.compile("(?m)^begin [0-7]{3,4} (\\S[^\\r\\n]*)\\r?\\n[\\s\\S]*?^end\\s*$");

    private final MimeConfig config;

    /** The default limits: 1,000 header fields per part, 10,000 characters per header line, any body size. */
    public MailParser() {
        this(1_000);
    }

    public MailParser(int maxHeaderCount) {
        this.config = new MimeConfig.Builder()
                .setMaxHeaderCount(maxHeaderCount)
                .setMaxHeaderLen(100_000)
                .setMaxLineLen(-1)
                .setMaxContentLen(-1)
                .setMalformedHeaderStartsBody(true)
                .setStrictParsing(false)
                .build();
    }

    /** Reads the mail, or says why it cannot be read. */
    public ParsedMail parse(byte[] raw) {
        Message message;
        try {
            message = build(raw, false);
        } catch (IOException | RuntimeException e) {
            if (e instanceof org.apache.james.mime4j.MimeIOException) {
                throw new UnreadableMail(describe(e), e); // a limit was hit: hostile or broken beyond reading
            }
            try {
                // Boundaries so broken that the parser trips over them: read the body as one text, losing nothing.
                message = build(raw, true);
            } catch (IOException | RuntimeException again) {
                throw new UnreadableMail(describe(e), e);
            }
        }
        try {
            return read(message);
        } catch (IOException | RuntimeException e) {
            throw new UnreadableMail(describe(e), e);
        } finally {
            message.dispose();
        }
    }

    private Message build(byte[] raw, boolean flat) throws IOException {
        DefaultMessageBuilder builder = new DefaultMessageBuilder();
        builder.setMimeEntityConfig(config);
        builder.setDecodeMonitor(DecodeMonitor.SILENT);
        builder.setFlatMode(flat);
        return builder.parseMessage(new ByteArrayInputStream(raw));
    }

    private static String describe(Exception e) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }

    private ParsedMail read(Message message) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (Field field : message.getHeader().getFields()) {
            String name = field.getNameLowerCase();
            if (KEPT_HEADERS.contains(name)) {
                headers.putIfAbsent(name, value(field));
            }
        }
        Structure structure = new Structure();
        structure.walk(List.of(message), "mixed", false, structure.html, structure.text);
        List<MailPart> attachments = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        for (Entity part : structure.text) {
            if (isText(part)) {
                appendBlock(text, textOf(part, attachments));
            }
        }
        boolean hasHtml = structure.html.stream().anyMatch(p -> "text/html".equals(p.getMimeType()));
        StringBuilder html = new StringBuilder();
        if (hasHtml) {
            for (Entity part : structure.html) {
                if ("text/html".equals(part.getMimeType())) {
                    html.append(decodeText(part));
                } else if ("text/plain".equals(part.getMimeType())) {
                    html.append("<pre>")
                            .append(org.jsoup.nodes.Entities.escape(decodeText(part)))
                            .append("</pre>");
                }
            }
        }
        if (text.isEmpty() && hasHtml) {
            text.append(Html.toText(html.toString()));
        }
        // Parts shown inside the body (images in an HTML mail) are kept as inline parts; the rest are attachments.
        List<Entity> inline = new ArrayList<>();
        for (Entity part : structure.html) {
            if (!isText(part) && !inline.contains(part)) {
                inline.add(part);
            }
        }
        for (Entity part : structure.text) {
            if (!isText(part) && !inline.contains(part)) {
                inline.add(part);
            }
        }
        for (Entity part : inline) {
            if (!structure.attachments.contains(part)) {
                attachments.add(part(part, true));
            }
        }
        for (Entity part : structure.attachments) {
            attachments.add(part(part, inline.contains(part) || contentId(part) != null && hasHtml));
        }
        DeliveryReportReader report = new DeliveryReportReader();
        report.read(message);
        return new ParsedMail(
                firstId(message.getHeader().getField("message-id")),
                firstId(message.getHeader().getField("in-reply-to")),
                ids(message.getHeader().getField("references")),
                clean(headerText(message.getHeader().getField("subject"))),
                first(addresses(message.getHeader().getField("from"))),
                addresses(message.getHeader().getField("to")),
                addresses(message.getHeader().getField("cc")),
                addresses(message.getHeader().getField("reply-to")),
                date(message),
                text.toString().strip(),
                hasHtml ? html.toString() : null,
                List.copyOf(attachments),
                Map.copyOf(headers),
                report.result());
    }

    /** The JMAP body structure: which parts are the text body, the HTML body and the attachments. */
    private static final class Structure {
        final List<Entity> text = new ArrayList<>();
        final List<Entity> html = new ArrayList<>();
        final List<Entity> attachments = new ArrayList<>();

        void walk(
                List<Entity> parts,
                String multipartType,
                boolean inAlternative,
                List<Entity> htmlBody,
                List<Entity> textBody) {
            int textLength = textBody == null ? -1 : textBody.size();
            int htmlLength = htmlBody == null ? -1 : htmlBody.size();
            for (int i = 0; i < parts.size(); i++) {
                Entity part = parts.get(i);
                String type = type(part);
                boolean isMultipart = part.getBody() instanceof Multipart;
                boolean isInline = !"attachment".equalsIgnoreCase(part.getDispositionType())
                        && (type.equals("text/plain") || type.equals("text/html") || isInlineMedia(type))
                        && (i == 0
                                || (!"related".equals(multipartType)
                                        && (isInlineMedia(type) || part.getFilename() == null)));
                if (isMultipart) {
                    String sub = ((Multipart) part.getBody()).getSubType().toLowerCase(Locale.ROOT);
                    walk(
                            ((Multipart) part.getBody()).getBodyParts(),
                            sub,
                            inAlternative || sub.equals("alternative"),
                            htmlBody,
                            textBody);
                } else if (isInline) {
                    if ("alternative".equals(multipartType)) {
                        switch (type) {
                            case "text/plain" -> textBody.add(part);
                            case "text/html" -> htmlBody.add(part);
                            default -> attachments.add(part);
                        }
                        continue;
                    } else if (inAlternative) {
                        if (type.equals("text/plain")) {
                            htmlBody = null;
                        }
                        if (type.equals("text/html")) {
                            textBody = null;
                        }
                    }
                    if (textBody != null) {
                        textBody.add(part);
                    }
                    if (htmlBody != null) {
                        htmlBody.add(part);
                    }
                    if ((textBody == null || htmlBody == null) && isInlineMedia(type)) {
                        attachments.add(part);
                    }
                } else {
                    attachments.add(part);
                }
            }
            if ("alternative".equals(multipartType) && textBody != null && htmlBody != null) {
                if (textLength == textBody.size() && htmlLength != htmlBody.size()) {
                    for (int i = htmlLength; i < htmlBody.size(); i++) {
                        textBody.add(htmlBody.get(i));
                    }
                }
                if (htmlLength == htmlBody.size() && textLength != textBody.size()) {
                    for (int i = textLength; i < textBody.size(); i++) {
                        htmlBody.add(textBody.get(i));
                    }
                }
            }
        }
    }

    private static String type(Entity part) {
        String type = part.getMimeType();
        return type == null ? "text/plain" : type.toLowerCase(Locale.ROOT);
    }

    private static boolean isInlineMedia(String type) {
        return type.startsWith("image/") || type.startsWith("audio/") || type.startsWith("video/");
    }

    private static boolean isText(Entity part) {
        String type = type(part);
        return type.equals("text/plain") || type.equals("text/html");
    }

    /** The readable text of a body part; uuencoded files in a text part become attachments. */
    private static String textOf(Entity part, List<MailPart> attachments) throws IOException {
        String text = decodeText(part);
        if ("text/html".equals(type(part))) {
            return Html.toText(text);
        }
        if (text.contains("begin ")) {
            Matcher m = UUENCODE.matcher(text);
            StringBuilder rest = new StringBuilder();
            while (m.find()) {
                byte[] file = uudecode(m.group());
                if (file == null) {
                    continue;
                }
                attachments.add(new MailPart(m.group(1).strip(), "application/octet-stream", null, false, file));
                m.appendReplacement(rest, "");
            }
            m.appendTail(rest);
            text = rest.toString();
        }
        return text;
    }

    private static byte[] uudecode(String block) {
        try (InputStream in = MimeUtility.decode(
                new ByteArrayInputStream(block.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1)), "uuencode")) {
            return in.readAllBytes();
        } catch (Exception e) {
            return null; // not uuencoded after all: the text stays as it is
        }
    }

    private static void appendBlock(StringBuilder text, String block) {
        if (block.isBlank()) {
            return;
        }
        if (!text.isEmpty()) {
            text.append("\n\n");
        }
        text.append(block.strip());
    }

    private static String decodeText(Entity part) throws IOException {
        byte[] bytes = bytes(part);
        String declared = part.getBody() instanceof TextBody t ? t.getMimeCharset() : part.getCharset();
        if (declared == null && "text/html".equals(type(part))) {
            declared = Charsets.declaredInHtml(bytes);
        }
        return Charsets.decode(bytes, declared);
    }

    private static byte[] bytes(Entity part) throws IOException {
        org.apache.james.mime4j.dom.Body body = part.getBody();
        if (body instanceof SingleBody single) {
            try (InputStream in = single.getInputStream()) {
                byte[] bytes = in.readAllBytes();
                return type(part).startsWith("message/") ? decodedMessage(part, bytes) : bytes;
            }
        }
        if (body instanceof Message nested) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            new org.apache.james.mime4j.message.DefaultMessageWriter().writeMessage(nested, out);
            return out.toByteArray();
        }
        return new byte[0];
    }

    /**
     * A message/rfc822 part in base64 or quoted-printable (RFC 2046 forbids it, mailers do it) is left encoded by
     * mime4j: decode it, so that the attached mail can be opened.
     */
    private static byte[] decodedMessage(Entity part, byte[] bytes) {
        String encoding = part.getContentTransferEncoding();
        if (encoding == null
                || !(encoding.equalsIgnoreCase("base64") || encoding.equalsIgnoreCase("quoted-printable"))) {
            return bytes;
        }
        try (InputStream in = MimeUtility.decode(new ByteArrayInputStream(bytes), encoding.toLowerCase(Locale.ROOT))) {
            return in.readAllBytes();
        } catch (Exception e) {
            return bytes;
        }
    }

    private static MailPart part(Entity part, boolean inline) throws IOException {
        String type = type(part);
        String filename = part.getFilename();
        if (filename != null) {
            filename = clean(DecoderUtil.decodeEncodedWords(filename, DecodeMonitor.SILENT));
        }
        if ((filename == null || filename.isBlank()) && part.getBody() instanceof Message nested) {
            String subject = nested.getSubject();
            filename = (subject == null || subject.isBlank() ? "message" : subject.strip()) + ".eml";
        }
        return new MailPart(filename, type, contentId(part), inline, bytes(part));
    }

    private static String contentId(Entity part) {
        return firstId(part.getHeader() == null ? null : part.getHeader().getField("content-id"));
    }

    /** A header's value as text: raw 8-bit bytes read as UTF-8 (else Windows-1252), encoded words decoded. */
    static String headerText(Field field) {
        String value = value(field);
        return value == null ? null : DecoderUtil.decodeEncodedWords(value, DecodeMonitor.SILENT);
    }

    /** A header's value, unfolded, without decoding encoded words. */
    private static String value(Field field) {
        byte[] raw = rawValue(field);
        return raw == null ? null : Charsets.decode(raw, null).strip();
    }

    /** The bytes of a header's value as they came: after the colon, unfolded. */
    private static byte[] rawValue(Field field) {
        if (field == null) {
            return null;
        }
        if (field.getRaw() == null) {
            return field.getBody() == null ? null : field.getBody().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        byte[] raw = field.getRaw().toByteArray();
        int start = 0;
        while (start < raw.length && raw[start] != ':') {
            start++;
        }
        start = start < raw.length ? start + 1 : 0;
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(raw.length - start);
        for (int i = start; i < raw.length; i++) {
            boolean fold = (raw[i] == '\r' || raw[i] == '\n')
                    && (i + 1 < raw.length && (raw[i + 1] == ' ' || raw[i + 1] == '\t' || raw[i + 1] == '\n'));
            if (!fold && raw[i] != '\r' && raw[i] != '\n') {
                out.write(raw[i]);
            }
        }
        return out.toByteArray();
    }

    /** Control characters and runs of white space do not belong in a subject or name. */
    private static String clean(String value) {
        if (value == null) {
            return null;
        }
        String s = value.replaceAll("[\\p{Cc}\\p{Zl}\\p{Zp}\\s]+", " ").strip();
        return s.isEmpty() ? null : s;
    }

    private static String firstId(Field field) {
        String value = value(field);
        if (value == null) {
            return null;
        }
        Matcher m = MESSAGE_ID.matcher(value);
        if (m.find()) {
            return m.group(1);
        }
        String bare = value.strip();
        return bare.isEmpty() || bare.contains(" ") ? null : bare;
    }

    private static List<String> ids(Field field) {
        String value = value(field);
        if (value == null) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        Matcher m = MESSAGE_ID.matcher(value);
        while (m.find() && ids.size() < 100) {
            ids.add(m.group(1));
        }
        return List.copyOf(ids);
    }

    /**
     * The addresses of an address header, parsed on the header's own bytes (encoded words still encoded): given
     * decoded text, mime4j's parser shifts addresses after non-ASCII names. Names are decoded afterwards.
     */
    private static List<MailAddress> addresses(Field field) {
        byte[] raw = rawValue(field);
        if (raw == null || raw.length == 0) {
            return List.of();
        }
        List<MailAddress> result = new ArrayList<>();
        AddressList list = LenientAddressParser.DEFAULT.parseAddressList(
                new ByteArrayBuffer(raw, true), new ParserCursor(0, raw.length));
        for (Address address : list) {
            if (address instanceof Mailbox box) {
                add(result, box);
            } else if (address instanceof Group group) {
                group.getMailboxes().forEach(box -> add(result, box));
            }
        }
        return List.copyOf(result);
    }

    private static void add(List<MailAddress> result, Mailbox box) {
        String address = box.getAddress();
        if (address == null || address.isBlank() || address.length() > 320) {
            return;
        }
        result.add(new MailAddress(clean(name(box.getName())), address));
    }

    /**
     * A display name as the parser gives it: raw 8-bit bytes come out one character per byte, so a name of such
     * characters is read again as UTF-8 (else Windows-1252); a name decoded from encoded words is left as it is.
     */
    private static String name(String parsed) {
        if (parsed == null
                || parsed.chars().allMatch(c -> c < 0x80)
                || parsed.chars().anyMatch(c -> c > 0xff)) {
            return parsed;
        }
        return Charsets.decode(parsed.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1), null);
    }

    private static MailAddress first(List<MailAddress> list) {
        return list.isEmpty() ? null : list.getFirst();
    }

    private static Instant date(Message message) {
        try {
            Date date = message.getDate();
            return date == null ? null : date.toInstant();
        } catch (RuntimeException e) {
            return null; // an unreadable Date header: the time the desk received the mail is used
        }
    }

    /** Finds the delivery status (RFC 3464) in a multipart/report: who failed, why, and which of our mails it was. */
    private static final class DeliveryReportReader {
        private String recipient;
        private String action;
        private String status;
        private String original;
        private boolean isReport;

        void read(Message message) throws IOException {
            if (!(message.getBody() instanceof Multipart multipart)
                    || !"report".equalsIgnoreCase(multipart.getSubType())) {
                return;
            }
            isReport = true;
            for (Entity part : multipart.getBodyParts()) {
                String type = type(part);
                if (type.equals("message/delivery-status")) {
                    String fields = new String(bytes(part), java.nio.charset.StandardCharsets.ISO_8859_1);
                    recipient = field(fields, "Final-Recipient");
                    if (recipient == null) {
                        recipient = field(fields, "Original-Recipient");
                    }
                    if (recipient != null && recipient.contains(";")) {
                        recipient =
                                recipient.substring(recipient.indexOf(';') + 1).strip();
                    }
                    action = field(fields, "Action");
                    status = field(fields, "Status");
                } else if (type.equals("message/rfc822") || type.equals("text/rfc822-headers")) {
                    String headers = new String(bytes(part), java.nio.charset.StandardCharsets.ISO_8859_1);
                    String id = field(headers, "Message-ID");
                    if (id != null) {
                        Matcher m = MESSAGE_ID.matcher(id);
                        original = m.find() ? m.group(1) : id;
                    }
                }
            }
        }

        private static String field(String block, String name) {
            Matcher m = Pattern.compile("(?im)^" + Pattern.quote(name) + ":[ \\t]*(.*(?:\\r?\\n[ \\t].*)*)")
                    .matcher(block);
            return m.find() ? m.group(1).replaceAll("\\r?\\n[ \\t]+", " ").strip() : null;
        }

        ParsedMail.DeliveryReport result() {
            return isReport ? new ParsedMail.DeliveryReport(recipient, action, status, original) : null;
        }
    }
}
