package pigeon.smtp.dsn;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import jakarta.mail.BodyPart;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import pigeon.protocol.delivery.MailAddress;
import pigeon.smtp.dsn.RecipientReport.Action;

class DeliveryReportTest {
    static final Instant NOW = Instant.parse("2025-03-04T05:06:07Z");
    static final Instant ARRIVAL = Instant.parse("2025-03-01T10:00:00Z");
    static final Instant UNTIL = Instant.parse("2025-03-06T10:00:00Z");
    static final String ORIGINAL_HEADER = "Return-Path: <alice@example.org>\r\nFrom: Alice <alice@example.org>\r\n"
            + "To: bob@remote.example\r\nSubject: lunch\r\n  tomorrow?\r\nMessage-ID: <m1@example.org>\r\n";
    static final String ORIGINAL = ORIGINAL_HEADER + "\r\nSECRET BODY LINE\r\n";

    final DeliveryReport dsn = new DeliveryReport("mail.example.org", Clock.fixed(NOW, ZoneOffset.UTC));
    final MailAddress alice = MailAddress.parse("alice@example.org");

    @Test void failureNoticeHasEveryField() throws Exception {
        var bob = RecipientReport.fromReply(MailAddress.parse("bob@remote.example"), Action.FAILED, "mx.remote.example",
                550, List.of("5.1.1 <bob@remote.example>: Recipient address rejected"), NOW.minusSeconds(60));
        byte[] bytes = dsn.build(alice, ARRIVAL, List.of(bob), Optional.empty(), stream(ORIGINAL));
        assertCrlfOnly(bytes);

        MimeMessage m = parse(bytes);
        assertEquals("Mail Delivery System <MAILER-DAEMON@mail.example.org>", m.getHeader("From", null));
        assertEquals("MAILER-DAEMON@mail.example.org", ((InternetAddress) m.getFrom()[0]).getAddress());
        assertEquals("alice@example.org", ((InternetAddress) m.getAllRecipients()[0]).getAddress());
        assertEquals("Undelivered Mail Returned to Sender", m.getSubject());
        assertEquals("auto-replied", m.getHeader("Auto-Submitted", null));
        assertEquals("Tue, 4 Mar 2025 05:06:07 +0000", m.getHeader("Date", null));
        assertEquals(NOW, m.getSentDate().toInstant());
        assertTrue(m.getMessageID().matches("<dsn\\.[0-9a-f-]+@mail\\.example\\.org>"), m.getMessageID());
        assertEquals("1.0", m.getHeader("MIME-Version", null));
        ContentType ct = new ContentType(m.getContentType());
        assertEquals("multipart/report", ct.getBaseType());
        assertEquals("delivery-status", ct.getParameter("report-type"));
        assertNotNull(ct.getParameter("boundary"));

        MimeMultipart mp = (MimeMultipart) m.getContent();
        assertEquals(3, mp.getCount());
        BodyPart text = mp.getBodyPart(0);
        assertTrue(text.isMimeType("text/plain"));
        String human = (String) text.getContent();
        assertTrue(human.contains("mail.example.org"), human);
        assertTrue(human.contains("<bob@remote.example>"), human);
        assertTrue(human.contains("550 5.1.1 <bob@remote.example>: Recipient address rejected"), human);
        assertTrue(human.contains("permanent"), human);

        List<Map<String, String>> status = deliveryStatus(mp.getBodyPart(1));
        assertEquals(2, status.size());
        assertEquals(Map.of("Reporting-MTA", "dns; mail.example.org", "Arrival-Date", "Sat, 1 Mar 2025 10:00:00 +0000"),
                status.get(0));
        Map<String, String> r = status.get(1);
        assertEquals("rfc822; bob@remote.example", r.get("Final-Recipient"));
        assertEquals("failed", r.get("Action"));
        assertEquals("5.1.1", r.get("Status"));
        assertEquals("dns; mx.remote.example", r.get("Remote-MTA"));
        assertEquals("smtp; 550 5.1.1 <bob@remote.example>: Recipient address rejected", r.get("Diagnostic-Code"));
        assertEquals("Tue, 4 Mar 2025 05:05:07 +0000", r.get("Last-Attempt-Date"));
        assertFalse(r.containsKey("Will-Retry-Until"));
        assertEquals(6, r.size());

        BodyPart headers = mp.getBodyPart(2);
        assertTrue(headers.isMimeType("text/rfc822-headers"));
        assertEquals(ORIGINAL_HEADER, new String(headers.getInputStream().readAllBytes(), UTF_8));
        assertFalse(new String(bytes, UTF_8).contains("SECRET BODY"));
    }

    @Test void severalRecipientsGetABlockEach() throws Exception {
        var bob = RecipientReport.fromReply(MailAddress.parse("bob@remote.example"), Action.FAILED, "mx1.remote.example",
                550, List.of("No such user"), NOW);
        var carol = RecipientReport.fromReply(MailAddress.parse("carol@remote.example"), Action.FAILED, "mx2.remote.example",
                552, List.of("5.2.2 Mailbox full", "5.2.2 Try again much later"), NOW);
        var dave = RecipientReport.withoutReply(MailAddress.parse("dave@gone.example"), Action.FAILED, "5.1.10",
                "gone.example accepts no mail (null MX)", NOW);
        byte[] bytes = dsn.build(alice, ARRIVAL, List.of(bob, carol, dave), Optional.empty(), stream(ORIGINAL));
        assertCrlfOnly(bytes);
        MimeMultipart mp = (MimeMultipart) parse(bytes).getContent();
        List<Map<String, String>> status = deliveryStatus(mp.getBodyPart(1));
        assertEquals(4, status.size());
        assertEquals("5.0.0", status.get(1).get("Status"));
        assertEquals("smtp; 550 No such user", status.get(1).get("Diagnostic-Code"));
        assertEquals("5.2.2", status.get(2).get("Status"));
        assertEquals("smtp; 552 5.2.2 Mailbox full 5.2.2 Try again much later", status.get(2).get("Diagnostic-Code"));
        assertEquals("rfc822; dave@gone.example", status.get(3).get("Final-Recipient"));
        assertEquals("5.1.10", status.get(3).get("Status"));
        assertNull(status.get(3).get("Remote-MTA"));
        assertEquals("X-Pigeon; gone.example accepts no mail (null MX)", status.get(3).get("Diagnostic-Code"));
        String human = (String) mp.getBodyPart(0).getContent();
        for (String s : List.of("<bob@remote.example>", "<carol@remote.example>", "<dave@gone.example>", "null MX", "Mailbox full"))
            assertTrue(human.contains(s), s + " in " + human);
    }

    @Test void delayNotice() throws Exception {
        var bob = RecipientReport.fromReply(MailAddress.parse("bob@remote.example"), Action.DELAYED, "mx.remote.example",
                451, List.of("4.3.0 Temporary lookup failure"), NOW);
        var carol = RecipientReport.withoutReply(MailAddress.parse("carol@slow.example"), Action.DELAYED, "4.4.1",
                "connection to mx.slow.example timed out", NOW);
        byte[] bytes = dsn.build(alice, ARRIVAL, List.of(bob, carol), Optional.of(UNTIL), stream(ORIGINAL));
        assertCrlfOnly(bytes);
        MimeMessage m = parse(bytes);
        assertEquals("Delayed Mail (still being retried)", m.getSubject());
        MimeMultipart mp = (MimeMultipart) m.getContent();
        String human = (String) mp.getBodyPart(0).getContent();
        assertTrue(human.contains("keep trying until\r\nThu, 6 Mar 2025 10:00:00 +0000"), human);
        assertFalse(human.contains("permanent"), human);
        List<Map<String, String>> status = deliveryStatus(mp.getBodyPart(1));
        for (var r : status.subList(1, 3)) {
            assertEquals("delayed", r.get("Action"));
            assertEquals("Thu, 6 Mar 2025 10:00:00 +0000", r.get("Will-Retry-Until"));
        }
        assertEquals("4.3.0", status.get(1).get("Status"));
        assertEquals("4.4.1", status.get(2).get("Status"));
    }

    @Test void failedAndDelayedTogetherIsAFailureNotice() throws Exception {
        var bob = RecipientReport.withoutReply(MailAddress.parse("bob@a.example"), Action.FAILED, "5.4.7", "expired", NOW);
        var carol = RecipientReport.withoutReply(MailAddress.parse("carol@b.example"), Action.DELAYED, "4.4.1", "timeout", NOW);
        MimeMessage m = parse(dsn.build(alice, ARRIVAL, List.of(bob, carol), Optional.of(UNTIL), stream(ORIGINAL)));
        assertEquals("Undelivered Mail Returned to Sender", m.getSubject());
        String human = (String) ((MimeMultipart) m.getContent()).getBodyPart(0).getContent();
        assertTrue(human.contains("permanent") && human.contains("keep trying"), human);
    }

    @Test void aHugeOriginalContributesOnlyItsHeader() throws Exception {
        long bodySize = 50L << 20;
        var counting = new CountingStream(new SequenceInputStream(stream(ORIGINAL_HEADER + "\r\n"), new Zeros(bodySize)));
        var bob = RecipientReport.withoutReply(MailAddress.parse("bob@a.example"), Action.FAILED, "5.0.0", "no", NOW);
        byte[] bytes = dsn.build(alice, ARRIVAL, List.of(bob), Optional.empty(), counting);
        assertTrue(bytes.length < 8192, "notice size " + bytes.length);
        assertTrue(counting.count < 64 * 1024, "read " + counting.count + " octets of the original");
        MimeMultipart mp = (MimeMultipart) parse(bytes).getContent();
        assertEquals(ORIGINAL_HEADER, new String(mp.getBodyPart(2).getInputStream().readAllBytes(), UTF_8));
    }

    @Test void aHugeHeaderSectionIsCutAtALineBoundary() throws Exception {
        StringBuilder h = new StringBuilder();
        for (int i = 0; h.length() < 200_000; i++) h.append("X-Filler-").append(i).append(": ").append("y".repeat(60)).append("\r\n");
        var bob = RecipientReport.withoutReply(MailAddress.parse("bob@a.example"), Action.FAILED, "5.0.0", "no", NOW);
        byte[] bytes = dsn.build(alice, ARRIVAL, List.of(bob), Optional.empty(), stream(h + "\r\nbody\r\n"));
        MimeMultipart mp = (MimeMultipart) parse(bytes).getContent();
        String returned = new String(mp.getBodyPart(2).getInputStream().readAllBytes(), UTF_8);
        assertTrue(returned.length() <= DeliveryReport.MAX_ORIGINAL_HEADER && returned.length() > 60_000, "" + returned.length());
        assertTrue(returned.endsWith("\r\n"));
        assertTrue(h.toString().startsWith(returned));
    }

    @Test void bareLineFeedsInTheOriginalBecomeCrlf() throws Exception {
        var bob = RecipientReport.withoutReply(MailAddress.parse("bob@a.example"), Action.FAILED, "5.0.0", "no", NOW);
        byte[] bytes = dsn.build(alice, ARRIVAL, List.of(bob), Optional.empty(), stream("Subject: a\nFrom: b@c\n\nbody\n"));
        assertCrlfOnly(bytes);
        MimeMultipart mp = (MimeMultipart) parse(bytes).getContent();
        assertEquals("Subject: a\r\nFrom: b@c\r\n", new String(mp.getBodyPart(2).getInputStream().readAllBytes(), UTF_8));
    }

    @Test void nonAsciiAddressesAndDiagnostics() throws Exception {
        MailAddress jorg = MailAddress.parse("jörg+x@bücher.example");
        var r = RecipientReport.fromReply(jorg, Action.FAILED, "mx.xn--bcher-kva.example", 550,
                List.of("5.1.1 Benutzer „jörg“ unbekannt"), NOW);
        MailAddress sender = MailAddress.parse("zoë@example.org");
        String original = "From: zoë@example.org\r\nTo: jörg+x@bücher.example\r\nSubject: Grüße\r\n\r\nHallo\r\n";
        byte[] bytes = dsn.build(sender, ARRIVAL, List.of(r), Optional.empty(), new ByteArrayInputStream(original.getBytes(UTF_8)));
        assertCrlfOnly(bytes);

        MimeMessage m = parse(bytes);
        assertEquals("<zoë@example.org>", m.getHeader("To", null));
        MimeMultipart mp = (MimeMultipart) m.getContent();
        String human = (String) mp.getBodyPart(0).getContent();
        assertTrue(human.contains("<jörg+x@bücher.example>"), human);
        assertTrue(human.contains("Benutzer „jörg“ unbekannt"), human);

        byte[] statusBytes = mp.getBodyPart(1).getInputStream().readAllBytes();
        for (byte b : statusBytes) assertTrue(b >= 0, "delivery-status must be US-ASCII");
        assertTrue(mp.getBodyPart(1).getHeader("Content-Transfer-Encoding")[0].equalsIgnoreCase("7bit"));
        Map<String, String> block = deliveryStatus(mp.getBodyPart(1)).get(1);
        // RFC 6533 §3: utf-8 address type, with "+" and non-ASCII characters as \x{HEX}
        assertEquals("utf-8; j\\x{F6}rg\\x{2B}x@b\\x{FC}cher.example", block.get("Final-Recipient"));
        assertEquals("smtp; 550 5.1.1 Benutzer ?j?rg? unbekannt", block.get("Diagnostic-Code"));
        assertEquals("5.1.1", block.get("Status"));

        assertEquals("utf-8", new ContentType(mp.getBodyPart(2).getContentType()).getParameter("charset"));
        assertEquals("UTF-8", new ContentType(mp.getBodyPart(0).getContentType()).getParameter("charset"));
        String headers = new String(mp.getBodyPart(2).getInputStream().readAllBytes(), UTF_8);
        assertEquals(original.substring(0, original.indexOf("\r\n\r\n") + 2), headers);
    }

    @Test void longDiagnosticsAreFolded() throws Exception {
        String longText = "5.7.1 " + "blocked because of reasons ".repeat(30);
        var r = RecipientReport.fromReply(MailAddress.parse("bob@a.example"), Action.FAILED, "mx.a.example", 554, List.of(longText), NOW);
        byte[] bytes = dsn.build(alice, ARRIVAL, List.of(r), Optional.empty(), stream(ORIGINAL));
        MimeMultipart mp = (MimeMultipart) parse(bytes).getContent();
        String raw = new String(mp.getBodyPart(1).getInputStream().readAllBytes(), US_ASCII);
        for (String line : raw.split("\r\n")) assertTrue(line.length() <= 78, line);
        assertEquals("smtp; 554 " + longText.strip(), deliveryStatus(mp.getBodyPart(1)).get(1).get("Diagnostic-Code"));
    }

    @Test void statusFromReply() {
        assertEquals("5.1.1", RecipientReport.statusOf(550, "5.1.1 no such user", Action.FAILED));
        assertEquals("5.0.0", RecipientReport.statusOf(550, "no such user", Action.FAILED));
        assertEquals("5.0.0", RecipientReport.statusOf(550, "4.1.1 class does not match", Action.FAILED));
        assertEquals("5.0.0", RecipientReport.statusOf(550, "5.1.1x not a status", Action.FAILED));
        assertEquals("4.4.1", RecipientReport.statusOf(421, "4.4.1", Action.DELAYED));
        assertEquals("4.0.0", RecipientReport.statusOf(452, "", Action.DELAYED));
        assertEquals("5.0.0", RecipientReport.statusOf(250, "2.0.0 ok?", Action.FAILED));
    }

    @Test void invalidInputIsRefused() {
        var bob = RecipientReport.withoutReply(MailAddress.parse("bob@a.example"), Action.DELAYED, "4.4.1", "t", NOW);
        assertThrows(IllegalArgumentException.class, () -> dsn.build(alice, ARRIVAL, List.of(bob), Optional.empty(), stream(ORIGINAL)));
        assertThrows(IllegalArgumentException.class, () -> dsn.build(alice, ARRIVAL, List.of(), Optional.empty(), stream(ORIGINAL)));
        assertThrows(IllegalArgumentException.class,
                () -> RecipientReport.withoutReply(MailAddress.parse("b@a.example"), Action.FAILED, "550", "x", NOW));
    }

    // --- helpers

    static InputStream stream(String s) { return new ByteArrayInputStream(s.getBytes(UTF_8)); }

    static MimeMessage parse(byte[] bytes) throws Exception {
        Properties p = new Properties();
        p.setProperty("mail.mime.allowutf8", "true");
        return new MimeMessage(Session.getInstance(p), new ByteArrayInputStream(bytes));
    }

    static void assertCrlfOnly(byte[] b) {
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n') assertTrue(i > 0 && b[i - 1] == '\r', "bare LF at " + i);
            if (b[i] == '\r') assertTrue(i + 1 < b.length && b[i + 1] == '\n', "bare CR at " + i);
        }
    }

    /** The RFC 3464 field groups of a message/delivery-status part, unfolded, in order. */
    static List<Map<String, String>> deliveryStatus(BodyPart part) throws Exception {
        assertTrue(part.isMimeType("message/delivery-status"), part.getContentType());
        String text = new String(part.getInputStream().readAllBytes(), US_ASCII);
        assertTrue(text.endsWith("\r\n"));
        List<Map<String, String>> groups = new ArrayList<>();
        for (String group : text.split("\r\n\r\n")) {
            Map<String, String> fields = new LinkedHashMap<>();
            for (String field : group.replaceAll("\r\n[ \t]+", " ").split("\r\n")) {
                if (field.isEmpty()) continue;
                int colon = field.indexOf(':');
                assertNull(fields.put(field.substring(0, colon), field.substring(colon + 1).strip()), "duplicate " + field);
            }
            groups.add(fields);
        }
        return groups;
    }

    /** An endless run of "0" lines, of a given size, made on the fly. */
    static final class Zeros extends InputStream {
        private long left;
        Zeros(long size) { left = size; }
        @Override public int read() {
            if (left <= 0) return -1;
            return left-- % 80 == 0 ? '\n' : '0';
        }
    }

    static final class CountingStream extends InputStream {
        private final InputStream in;
        long count;
        CountingStream(InputStream in) { this.in = in; }
        @Override public int read() throws IOException { int c = in.read(); if (c >= 0) count++; return c; }
        @Override public int read(byte[] b, int off, int len) throws IOException {
            int n = in.read(b, off, len);
            if (n > 0) count += n;
            return n;
        }
    }
}
