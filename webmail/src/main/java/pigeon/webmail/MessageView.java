package pigeon.webmail;

import jakarta.mail.BodyPart;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeUtility;
import jakarta.mail.internet.ParseException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;

/**
 * A stored message as a reader sees it, parsed by Jakarta Mail: the header fields shown, the text
 * and HTML bodies (HTML still raw: {@link HtmlSanitizer} cleans it for display), and every other
 * leaf part as an attachment. Leaf parts are numbered in depth-first order, so that a part number
 * names the same part every time the (immutable) message is parsed.
 */
record MessageView(String from, String to, String cc, String replyTo, String subject, Optional<Instant> date,
                   Optional<String> messageId, Optional<String> references, Optional<String> text, Optional<String> html,
                   List<Attachment> attachments) {

    /** @param index the leaf part's number; @param type the base MIME type, lower case */
    record Attachment(int index, String filename, String type, Optional<String> charset, long size) {}

    static final Session SESSION = Session.getInstance(new Properties());

    static MimeMessage parse(InputStream content) throws IOException {
        try {
            return new MimeMessage(SESSION, content);
        } catch (MessagingException e) {
            throw new IOException("not a message: " + e.getMessage(), e);
        }
    }

    static MessageView of(InputStream content) throws IOException {
        MimeMessage m = parse(content);
        try {
            Walk walk = new Walk();
            walk.visit(m, false);
            return new MessageView(addresses(m, "From"), addresses(m, "To"), addresses(m, "Cc"), addresses(m, "Reply-To"),
                    Optional.ofNullable(m.getSubject()).orElse(""), Optional.ofNullable(m.getSentDate()).map(d -> d.toInstant()),
                    Optional.ofNullable(m.getHeader("Message-ID", null)), Optional.ofNullable(m.getHeader("References", " ")),
                    walk.text, walk.html, List.copyOf(walk.attachments));
        } catch (MessagingException e) {
            throw new IOException("unreadable message: " + e.getMessage(), e);
        }
    }

    /** The leaf part numbered {@code index}, or empty. */
    static Optional<Part> leaf(MimeMessage m, int index) throws IOException {
        try {
            List<Part> leaves = new ArrayList<>();
            collect(m, leaves);
            return index >= 0 && index < leaves.size() ? Optional.of(leaves.get(index)) : Optional.empty();
        } catch (MessagingException e) {
            throw new IOException("unreadable message: " + e.getMessage(), e);
        }
    }

    private static void collect(Part p, List<Part> out) throws MessagingException, IOException {
        if (p.isMimeType("multipart/*") && p.getContent() instanceof Multipart mp) {
            for (int i = 0; i < mp.getCount(); i++) collect(mp.getBodyPart(i), out);
        } else {
            out.add(p);
        }
    }

    /** Picks the first inline text/plain and text/html (any depth) as the bodies; the rest are attachments. */
    private static final class Walk {
        Optional<String> text = Optional.empty(), html = Optional.empty();
        final List<Attachment> attachments = new ArrayList<>();
        int next;

        void visit(Part p, boolean inAlternative) throws MessagingException, IOException {
            if (p.isMimeType("multipart/*") && p.getContent() instanceof Multipart mp) {
                boolean alt = p.isMimeType("multipart/alternative");
                for (int i = 0; i < mp.getCount(); i++) visit(mp.getBodyPart(i), alt);
                return;
            }
            int index = next++;
            boolean attached = Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) || filename(p).isPresent();
            if (!attached && p.isMimeType("text/plain") && text.isEmpty()) {
                text = Optional.of(textOf(p));
            } else if (!attached && p.isMimeType("text/html") && html.isEmpty()) {
                html = Optional.of(textOf(p));
            } else {
                ContentType ct = contentType(p);
                String name = filename(p).orElse("part-" + (index + 1) + extension(ct.getBaseType()));
                attachments.add(new Attachment(index, name, ct.getBaseType().toLowerCase(Locale.ROOT),
                        Optional.ofNullable(ct.getParameter("charset")), Math.max(p.getSize(), 0)));
            }
        }
    }

    static ContentType contentType(Part p) {
        try {
            return new ContentType(p.getContentType());
        } catch (MessagingException | RuntimeException e) {
            try {
                return new ContentType("application/octet-stream");
            } catch (ParseException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
    }

    static Optional<String> filename(Part p) {
        try {
            String f = p.getFileName();
            if (f == null || f.isBlank()) return Optional.empty();
            return Optional.of(MimeUtility.decodeText(f));
        } catch (MessagingException | IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String extension(String baseType) {
        return switch (baseType.toLowerCase(Locale.ROOT)) {
            case "message/rfc822" -> ".eml";
            case "text/plain" -> ".txt";
            case "text/html" -> ".html";
            default -> "";
        };
    }

    /** The part's text in its declared charset (UTF-8 when unknown), transfer encoding undone. */
    static String textOf(Part p) throws MessagingException, IOException {
        String cs = contentType(p).getParameter("charset");
        Charset charset;
        try {
            charset = cs == null ? StandardCharsets.UTF_8 : Charset.forName(MimeUtility.javaCharset(cs));
        } catch (RuntimeException e) {
            charset = StandardCharsets.UTF_8;
        }
        try (InputStream in = p.getInputStream()) {
            return new String(in.readAllBytes(), charset);
        }
    }

    private static String addresses(MimeMessage m, String field) throws MessagingException {
        String raw = m.getHeader(field, ", ");
        if (raw == null) return "";
        try {
            return String.join(", ", Arrays.stream(InternetAddress.parseHeader(raw, false)).map(InternetAddress::toUnicodeString).toList());
        } catch (MessagingException e) {
            try {
                return MimeUtility.decodeText(raw);
            } catch (IOException x) {
                return raw;
            }
        }
    }

    /** Addresses of a field as parsed addresses (for reply-all), skipping what does not parse. */
    static List<InternetAddress> parsed(String display) {
        try {
            return Arrays.asList(InternetAddress.parseHeader(display, false));
        } catch (MessagingException e) {
            return List.of();
        }
    }
}
