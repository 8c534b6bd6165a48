package pigeon.imap.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pigeon.imap.fetch.Fetch.latin1;
import static pigeon.imap.fetch.Fetch.literal;

import java.util.List;
import org.junit.jupiter.api.Test;
import pigeon.imap.mime.Range;

/** BODY[section]<partial>, BODY.PEEK and the RFC822 forms (RFC 9051 §6.4.5, §7.5.2; RFC 3501 §6.4.5). */
class BodySectionTest {
    private static final String PLAIN_HEADER = """
            Return-Path: <foobar@Blurdybloop.example>\r
            Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r
            From: Fred Foobar <foobar@Blurdybloop.example>\r
            Subject: afternoon\r
             meeting\r
            To: mooch@owatagu.siam.edu.example\r
            Message-Id: <B27397-0100000@Blurdybloop.example>\r
            MIME-Version: 1.0\r
            Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r
            \r
            """;
    private static final String PLAIN_TEXT = "Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n";

    private static final String THUNDERBIRD_FIELDS = "(From To Cc Bcc Subject Date Message-ID Priority X-Priority References"
            + " Newsgroups In-Reply-To Content-Type Reply-To)";

    @Test
    void thunderbirdHeaderFetch() throws Exception {
        TestView m = TestView.resource("plain.eml").flags("\\Seen");
        m.uid = 17;
        String fields = """
                Date: Mon, 7 Feb 1994 21:52:25 -0800 (PST)\r
                From: Fred Foobar <foobar@Blurdybloop.example>\r
                Subject: afternoon\r
                 meeting\r
                To: mooch@owatagu.siam.edu.example\r
                Message-Id: <B27397-0100000@Blurdybloop.example>\r
                Content-Type: TEXT/PLAIN; CHARSET=US-ASCII\r
                \r
                """;
        assertEquals("* 1 FETCH (UID 17 RFC822.SIZE " + m.bytes.length + " FLAGS (\\Seen) BODY[HEADER.FIELDS "
                        + THUNDERBIRD_FIELDS + "] " + literal(fields) + ")\r\n",
                latin1(m, "(UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS " + THUNDERBIRD_FIELDS + "])",
                        FetchOptions.REV1.withUid(true)));
        assertEquals(List.of(m.description.header().orElseThrow()), m.opened, "only the header is read");
    }

    @Test
    void thunderbirdBodyFetchSendsExactlyTheStoredOctets() throws Exception {
        TestView m = TestView.resource("alternative.eml");
        String response = latin1(m, "(UID RFC822.SIZE BODY.PEEK[])", FetchOptions.REV1.withUid(true));
        assertEquals("* 1 FETCH (UID 101 RFC822.SIZE " + m.bytes.length + " BODY[] {" + m.bytes.length + "}\r\n"
                + m.text() + ")\r\n", response);
        assertTrue(m.text().endsWith("Epilogue text.\r\n"), "the final CRLF is part of the message");
    }

    @Test
    void bodyWithoutPeekHasTheSameLabel() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (BODY[] " + literal(m.text()) + ")\r\n", latin1(m, "BODY[]"));
    }

    @Test
    void messageWithoutFinalLineBreakIsSentAsStored() throws Exception {
        TestView m = TestView.of("Subject: x\n\nno newline at the end");
        assertEquals("* 1 FETCH (BODY[] " + literal("Subject: x\r\n\r\nno newline at the end") + ")\r\n", latin1(m, "BODY[]"));
    }

    @Test
    void headerAndText() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (BODY[HEADER] " + literal(PLAIN_HEADER) + ")\r\n", latin1(m, "BODY.PEEK[HEADER]"));
        assertEquals("* 1 FETCH (BODY[TEXT] " + literal(PLAIN_TEXT) + ")\r\n", latin1(m, "BODY.PEEK[TEXT]"));
    }

    @Test
    void rfc822FormsHaveTheirOwnLabels() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (RFC822 " + literal(m.text()) + ")\r\n", latin1(m, "RFC822"));
        assertEquals("* 1 FETCH (RFC822.HEADER " + literal(PLAIN_HEADER) + ")\r\n", latin1(m, "RFC822.HEADER"));
        assertEquals("* 1 FETCH (RFC822.TEXT " + literal(PLAIN_TEXT) + ")\r\n", latin1(m, "RFC822.TEXT"));
        assertEquals(latin1(m, "RFC822"), latin1(m, "RFC822", FetchOptions.REV2), "still answered in IMAP4rev2");
    }

    @Test
    void headerFieldsAreMatchedCaseInsensitivelyAndEchoedAsRequested() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (BODY[HEADER.FIELDS (subject MESSAGE-ID \"x y\")] "
                        + literal("Subject: afternoon\r\n meeting\r\nMessage-Id: <B27397-0100000@Blurdybloop.example>\r\n\r\n")
                        + ")\r\n",
                latin1(m, "BODY.PEEK[HEADER.FIELDS (subject MESSAGE-ID \"x y\")]"));
    }

    @Test
    void headerFieldsKeepMessageOrderAndRepeatedFields() throws Exception {
        TestView m = TestView.of("Received: a\n\tb\nTo: t@example.com\nReceived: c\nSubject: s\n\nbody\n");
        assertEquals("* 1 FETCH (BODY[HEADER.FIELDS (Subject Received)] "
                + literal("Received: a\r\n\tb\r\nReceived: c\r\nSubject: s\r\n\r\n") + ")\r\n",
                latin1(m, "BODY.PEEK[HEADER.FIELDS (Subject Received)]"));
    }

    @Test
    void headerFieldsWithNoMatchIsJustTheBlankLine() throws Exception {
        assertEquals("* 1 FETCH (BODY[HEADER.FIELDS (X-Nothing)] {2}\r\n\r\n)\r\n",
                latin1(TestView.resource("plain.eml"), "BODY.PEEK[HEADER.FIELDS (X-Nothing)]"));
    }

    @Test
    void headerFieldsNot() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (BODY[HEADER.FIELDS.NOT (Return-Path Subject Date From MIME-Version Content-Type)] "
                        + literal("To: mooch@owatagu.siam.edu.example\r\nMessage-Id: <B27397-0100000@Blurdybloop.example>\r\n\r\n")
                        + ")\r\n",
                latin1(m, "BODY.PEEK[HEADER.FIELDS.NOT (Return-Path Subject Date From MIME-Version Content-Type)]"));
    }

    @Test
    void headerFieldsOfAMessageWithoutBlankLineHaveNone() throws Exception {
        // RFC 9051 §7.5.2: the blank line is included "except in the case of a message that has no body and no blank line"
        TestView m = TestView.of("Subject: only a header\nFrom: a@example.com\n");
        assertEquals("* 1 FETCH (BODY[HEADER.FIELDS (From)] " + literal("From: a@example.com\r\n") + ")\r\n",
                latin1(m, "BODY.PEEK[HEADER.FIELDS (From)]"));
        assertEquals("* 1 FETCH (BODY[TEXT] \"\")\r\n", latin1(m, "BODY.PEEK[TEXT]"));
    }

    @Test
    void partialFromTheStart() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (BODY[]<0> " + literal("Return-Pa") + ")\r\n", latin1(m, "BODY.PEEK[]<0.9>"));
        assertEquals(List.of(new Range(0, 9)), m.opened, "only the octets sent are read");
    }

    @Test
    void partialInTheMiddleOfASection() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (BODY[TEXT]<6> " + literal("Joe") + ")\r\n", latin1(m, "BODY.PEEK[TEXT]<6.3>"));
    }

    @Test
    void partialClippedAtTheEndStillShowsItsOrigin() throws Exception {
        TestView m = TestView.resource("plain.eml");
        int size = m.bytes.length;
        assertEquals("* 1 FETCH (BODY[]<0> " + literal(m.text()) + ")\r\n", latin1(m, "BODY.PEEK[]<0.100000>"));
        assertEquals("* 1 FETCH (BODY[]<" + (size - 3) + "> " + literal("?\r\n") + ")\r\n",
                latin1(m, "BODY.PEEK[]<" + (size - 3) + ".10>"));
    }

    @Test
    void partialBeyondTheEndIsEmpty() throws Exception {
        TestView m = TestView.resource("plain.eml");
        int size = m.bytes.length;
        assertEquals("* 1 FETCH (BODY[]<" + size + "> \"\")\r\n", latin1(m, "BODY.PEEK[]<" + size + ".10>"));
        assertEquals("* 1 FETCH (BODY[TEXT]<100000> \"\")\r\n", latin1(m, "BODY.PEEK[TEXT]<100000.1>"));
        assertEquals("* 1 FETCH (BODY[]<9223372036854775806> \"\")\r\n",
                latin1(m, "BODY.PEEK[]<9223372036854775806.9223372036854775807>"));
        assertEquals(List.of(), m.opened);
    }

    @Test
    void partialOfHeaderFieldsIsTakenAfterSubsetting() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (BODY[HEADER.FIELDS (To)]<4> " + literal("mooch") + ")\r\n",
                latin1(m, "BODY.PEEK[HEADER.FIELDS (To)]<4.5>"));
    }

    @Test
    void partOneOfANonMultipartMessageIsItsBody() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (BODY[1] " + literal(PLAIN_TEXT) + ")\r\n", latin1(m, "BODY.PEEK[1]"));
    }

    @Test
    void mimeHeaderOfPartOneOfANonMultipartMessageIsTheMessageHeader() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (BODY[1.MIME] " + literal(PLAIN_HEADER) + ")\r\n", latin1(m, "BODY.PEEK[1.MIME]"));
    }

    @Test
    void nonexistentSectionsAreEmptyStrings() throws Exception {
        TestView plain = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (BODY[2] \"\" BODY[1.1] \"\" BODY[1.HEADER] \"\" BODY[1.TEXT] \"\")\r\n",
                latin1(plain, "(BODY.PEEK[2] BODY.PEEK[1.1] BODY.PEEK[1.HEADER] BODY.PEEK[1.TEXT])"));
        TestView alt = TestView.resource("alternative.eml");
        assertEquals("* 1 FETCH (BODY[3] \"\" BODY[3.MIME] \"\" BODY[1.HEADER.FIELDS (From)] \"\")\r\n",
                latin1(alt, "(BODY.PEEK[3] BODY.PEEK[3.MIME] BODY.PEEK[1.HEADER.FIELDS (From)])"));
    }

    @Test
    void multipartPartsAndTheirMimeHeaders() throws Exception {
        TestView m = TestView.resource("alternative.eml");
        assertEquals("* 1 FETCH (BODY[1] " + literal("Shall we have lunch at noon?\r\n\r\nAlice")
                        + " BODY[1.MIME] " + literal("Content-Type: text/plain; charset=utf-8; format=flowed\r\n"
                                + "Content-Transfer-Encoding: 7bit\r\n\r\n")
                        + " BODY[2] " + literal("<p>Shall we have lunch at noon?</p>=0A<p>Alice</p>") + ")\r\n",
                latin1(m, "(BODY.PEEK[1] BODY.PEEK[1.MIME] BODY.PEEK[2])"));
    }

    @Test
    void nestedParts() throws Exception {
        TestView m = TestView.resource("related.eml");
        assertEquals("* 1 FETCH (BODY[2.2] " + literal("iVBORw0KGgo=") + " BODY[2.2.MIME] "
                        + literal("Content-Type: image/png\r\nContent-Transfer-Encoding: base64\r\nContent-ID: <logo@shop>\r\n"
                                + "Content-Disposition: inline\r\n\r\n") + ")\r\n",
                latin1(m, "(BODY.PEEK[2.2] BODY.PEEK[2.2.MIME])"));
        String related = latin1(m, "BODY.PEEK[2]");
        assertTrue(related.startsWith("* 1 FETCH (BODY[2] {") && related.contains("}\r\n--inner\r\n")
                && related.endsWith("--inner--\r\n)\r\n"), related);
    }

    @Test
    void encapsulatedMessageHeaderTextAndParts() throws Exception {
        TestView m = TestView.resource("forward.eml");
        String header = """
                From: "Alice Example" <alice@example.com>\r
                To: Bob <bob@example.net>\r
                Subject: Lunch?\r
                Date: Tue, 1 Apr 2025 12:00:00 +0200\r
                Message-ID: <alt-1@example.com>\r
                MIME-Version: 1.0\r
                Content-Type: multipart/alternative; boundary="alt"\r
                \r
                """;
        String text = """
                --alt\r
                Content-Type: text/plain; charset=us-ascii\r
                \r
                Lunch at noon?\r
                --alt\r
                Content-Type: text/html; charset=us-ascii\r
                \r
                <p>Lunch at noon?</p>\r
                --alt--\r
                """;
        assertEquals("* 1 FETCH (BODY[2.HEADER] " + literal(header) + " BODY[2.TEXT] " + literal(text)
                        + " BODY[2] " + literal(header + text) + ")\r\n",
                latin1(m, "(BODY.PEEK[2.HEADER] BODY.PEEK[2.TEXT] BODY.PEEK[2])"));
        assertEquals("* 1 FETCH (BODY[2.MIME] " + literal("Content-Type: message/rfc822\r\n"
                        + "Content-Disposition: attachment; filename=\"Lunch.eml\"\r\n\r\n")
                        + " BODY[2.2] " + literal("<p>Lunch at noon?</p>")
                        + " BODY[2.2.MIME] " + literal("Content-Type: text/html; charset=us-ascii\r\n\r\n")
                        + " BODY[2.HEADER.FIELDS (Subject)] " + literal("Subject: Lunch?\r\n\r\n") + ")\r\n",
                latin1(m, "(BODY.PEEK[2.MIME] BODY.PEEK[2.2] BODY.PEEK[2.2.MIME] BODY.PEEK[2.HEADER.FIELDS (Subject)])"));
    }

    @Test
    void encapsulatedSinglePartMessageHasAPartOne() throws Exception {
        TestView m = TestView.resource("digest.eml"); // multipart/digest: part 1 is message/rfc822 by default
        assertEquals("* 1 FETCH (BODY[1.1] " + literal("first") + " BODY[1.HEADER] "
                        + literal("From: a@example.org\r\nSubject: one\r\n\r\n") + " BODY[1.MIME] {2}\r\n\r\n)\r\n",
                latin1(m, "(BODY.PEEK[1.1] BODY.PEEK[1.HEADER] BODY.PEEK[1.MIME])"));
    }

    @Test
    void emptyBodyIsAnEmptyString() throws Exception {
        TestView m = TestView.of("Subject: empty\n\n");
        assertEquals("* 1 FETCH (BODY[TEXT] \"\" BODY[1] \"\")\r\n", latin1(m, "(BODY.PEEK[TEXT] BODY.PEEK[1])"));
    }

    @Test
    void largeMessageIsStreamedIntact() throws Exception {
        StringBuilder b = new StringBuilder("Subject: big\n\n");
        String line = "0123456789".repeat(7) + "\n";
        while (b.length() < 3_000_000) b.append(line);
        TestView m = TestView.of(b.toString());
        String response = latin1(m, "(RFC822.SIZE BODY.PEEK[])");
        assertEquals("* 1 FETCH (RFC822.SIZE " + m.bytes.length + " BODY[] " + literal(m.text()) + ")\r\n", response);
    }

    @Test
    void storeFailureIsAnIOException() {
        TestView m = TestView.resource("plain.eml");
        m.failure = new java.io.IOException("disk on fire");
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> FetchResponder.write(out, m, Fetch.items("BODY.PEEK[HEADER.FIELDS (From)]"), FetchOptions.REV1));
        assertEquals("disk on fire", e.getMessage());
        assertEquals(0, out.size(), "header subsets are read before anything is written");
    }
}
