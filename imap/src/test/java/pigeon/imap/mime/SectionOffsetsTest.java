package pigeon.imap.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** BODY[section] ranges, checked by cutting them out of the stored octets (RFC 9051 §6.4.5). */
class SectionOffsetsTest {
    private static String cut(byte[] m, Optional<Range> r) {
        return TestMessages.extract(m, r.orElseThrow());
    }

    @Test
    void singlePartMessage() {
        byte[] m = TestMessages.load("plain.eml");
        MessageDescription d = TestMessages.describe(m);
        assertEquals(m.length, d.size());
        String header = cut(m, d.header());
        assertTrue(header.startsWith("Return-Path: <foobar@Blurdybloop.example>\r\n"));
        assertTrue(header.endsWith("CHARSET=US-ASCII\r\n\r\n"), "the blank line belongs to the header");
        assertEquals("Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n", cut(m, d.text()));
        assertEquals(cut(m, d.text()), cut(m, d.section(1)), "a non-multipart message has a part 1: its body");
        assertEquals(TestMessages.text(m), cut(m, d.section()));
        assertEquals(Optional.empty(), d.section(2));
        assertEquals(Optional.empty(), d.section(1, 1));
    }

    @Test
    void multipartParts() {
        byte[] m = TestMessages.load("alternative.eml");
        MessageDescription d = TestMessages.describe(m);
        assertEquals("Shall we have lunch at noon?\r\n\r\nAlice", cut(m, d.section(1)));
        assertEquals("Content-Type: text/plain; charset=utf-8; format=flowed\r\nContent-Transfer-Encoding: 7bit\r\n\r\n",
                cut(m, d.mime(1)));
        assertEquals("<p>Shall we have lunch at noon?</p>=0A<p>Alice</p>", cut(m, d.section(2)));
        assertTrue(cut(m, d.text()).startsWith("This is a multi-part message in MIME format.\r\n"));
        assertTrue(cut(m, d.text()).endsWith("--=_alt_42--\r\nEpilogue text.\r\n"));
        assertEquals(Optional.empty(), d.section(3));
        assertEquals(Optional.empty(), d.header(1), "HEADER needs a MESSAGE/RFC822 part");
    }

    @Test
    void nestedMultipart() {
        byte[] m = TestMessages.load("related.eml");
        MessageDescription d = TestMessages.describe(m);
        assertEquals("Plain version.", cut(m, d.section(1)));
        assertEquals("<html><body><img src=\"cid:logo@shop\"></body></html>", cut(m, d.section(2, 1)));
        assertEquals("iVBORw0KGgo=", cut(m, d.section(2, 2)));
        assertTrue(cut(m, d.mime(2, 2)).startsWith("Content-Type: image/png\r\n"));
        String related = cut(m, d.section(2));
        assertTrue(related.startsWith("--inner\r\n") && related.endsWith("--inner--\r\n"), related);
        assertEquals("PNG", ((SinglePart) d.part(2, 2).orElseThrow()).subtype());
    }

    @Test
    void encapsulatedMessageHeaderTextAndParts() {
        byte[] m = TestMessages.load("forward.eml");
        MessageDescription d = TestMessages.describe(m);
        String whole = cut(m, d.section(2));
        assertTrue(whole.startsWith("From: \"Alice Example\" <alice@example.com>\r\n"));
        assertTrue(whole.endsWith("<p>Lunch at noon?</p>\r\n--alt--\r\n"));
        assertEquals("Content-Type: message/rfc822\r\nContent-Disposition: attachment; filename=\"Lunch.eml\"\r\n\r\n",
                cut(m, d.mime(2)));
        String header = cut(m, d.header(2));
        assertTrue(header.startsWith("From: ") && header.endsWith("boundary=\"alt\"\r\n\r\n"));
        assertEquals(whole, header + cut(m, d.text(2)));
        assertEquals("Lunch at noon?", cut(m, d.section(2, 1)));
        assertEquals("<p>Lunch at noon?</p>", cut(m, d.section(2, 2)));
        assertEquals("Content-Type: text/html; charset=us-ascii\r\n\r\n", cut(m, d.mime(2, 2)));
        assertEquals(Optional.empty(), d.section(2, 3));
        assertEquals(Optional.empty(), d.header(1));
    }

    @Test
    void encapsulatedSinglePartMessageHasAPartOne() {
        byte[] m = TestMessages.load("digest.eml");
        MessageDescription d = TestMessages.describe(m);
        assertEquals("\r\n", cut(m, d.mime(1)), "an empty MIME header is just its blank line");
        assertEquals("From: a@example.org\r\nSubject: one\r\n\r\n", cut(m, d.header(1)));
        assertEquals("first", cut(m, d.text(1)));
        assertEquals("first", cut(m, d.section(1, 1)));
        assertEquals("not a message", cut(m, d.section(2)));
    }

    @Test
    void bounceParts() {
        byte[] m = TestMessages.load("bounce.eml");
        MessageDescription d = TestMessages.describe(m);
        assertEquals("I'm sorry to have to inform you that your message could not\r\n"
                + "be delivered to one or more recipients.\r\n", cut(m, d.section(1)));
        assertEquals("Reporting-MTA: dns; mx.example.com\r\n\r\nFinal-Recipient: rfc822; nobody@example.net\r\n"
                + "Action: failed\r\nStatus: 5.1.1\r\n", cut(m, d.section(2)));
        assertEquals("From: alice@example.com\r\nTo: nobody@example.net\r\nSubject: hello\r\n", cut(m, d.section(3)));
    }

    @Test
    void everyPartLiesInsideItsParent() {
        for (String name : new String[] {"plain.eml", "alternative.eml", "attachment.eml", "related.eml", "forward.eml",
                "bounce.eml", "missing.eml", "groups.eml", "encoded.eml", "utf8-header.eml", "digest.eml", "dovecot.eml"}) {
            MessageDescription d = TestMessages.describe(TestMessages.load(name));
            assertEquals(new Span(0, d.body().span().headerLength(), d.size() - d.body().span().headerLength()),
                    d.body().span(), name);
            checkNested(d.body(), name);
        }
    }

    private static void checkNested(MimePart p, String name) {
        if (p instanceof MultiPart mp) {
            long previousEnd = p.span().bodyStart();
            for (MimePart c : mp.parts()) {
                assertTrue(c.span().start() >= previousEnd && c.span().end() <= p.span().end(), name + " " + c);
                previousEnd = c.span().end();
                checkNested(c, name);
            }
        } else if (p instanceof SinglePart sp && sp.message() != null) {
            assertEquals(sp.span().body(), sp.message().body().span().whole(), name);
            checkNested(sp.message().body(), name);
        }
    }
}
