package pigeon.store;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import jakarta.mail.internet.MailDateFormat;
import jakarta.mail.internet.MimeUtility;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.text.ParseException;
import java.time.Instant;
import java.util.Optional;

/**
 * The header fields stored beside a message for listing and searching, parsed once at delivery.
 *
 * @param headerSize octets of the header section including the blank line that ends it (the
 *                   whole message when there is no body)
 */
record HeaderSummary(long headerSize, String subject, String from, String to, String cc,
                     Optional<Instant> sentDate, String messageId) {

    static HeaderSummary of(Spool spool) throws IOException {
        long headerSize;
        try (InputStream in = new BufferedInputStream(spool.open())) {
            headerSize = headerLength(in, spool.size());
        }
        InternetHeaders h;
        try (InputStream in = new BufferedInputStream(spool.open())) {
            h = new InternetHeaders(in);  // stops at the blank line
        } catch (MessagingException e) {
            h = new InternetHeaders();
        }
        return new HeaderSummary(headerSize, field(h, "Subject", 1000), field(h, "From", 1000),
                field(h, "To", 4000), field(h, "Cc", 4000), date(h.getHeader("Date", null)), raw(h, "Message-ID", 1000));
    }

    /** Finds the end of the header section: the first CRLF CRLF (or LF LF), counted inclusive. */
    private static long headerLength(InputStream in, long size) throws IOException {
        long pos = 0;
        int prev1 = -1, prev2 = -1, b;
        while ((b = in.read()) >= 0) {
            pos++;
            if (b == '\n' && (prev1 == '\n' || (prev1 == '\r' && prev2 == '\n'))) return pos;
            prev2 = prev1;
            prev1 = b;
        }
        return size;
    }

    private static String raw(InternetHeaders h, String name, int max) {
        String v = h.getHeader(name, " ");
        return v == null ? null : truncate(MimeUtility.unfold(v).trim(), max);
    }

    /** RFC 2047 encoded words decoded, so that search and listings see what the user sees. */
    private static String field(InternetHeaders h, String name, int max) {
        String v = raw(h, name, Integer.MAX_VALUE);
        if (v == null) return null;
        try {
            v = MimeUtility.decodeText(v);
        } catch (java.io.UnsupportedEncodingException e) {
            // keep the raw text: an unknown charset is not a reason to lose the field
        }
        return truncate(v, max);
    }

    private static Optional<Instant> date(String v) {
        if (v == null) return Optional.empty();
        try {
            return Optional.of(new MailDateFormat().parse(MimeUtility.unfold(v).trim()).toInstant());
        } catch (ParseException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String truncate(String s, int max) { return s.length() <= max ? s : s.substring(0, max); }
}
