package pigeon.imap.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pigeon.imap.fetch.Fetch.latin1;
import static pigeon.imap.fetch.Fetch.utf8;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.FetchItem;

/** The items that are not section data, alone and together (RFC 9051 §7.5.2, RFC 7162 §3.1.4). */
class SimpleItemsTest {
    private static final String PLAIN_ENVELOPE = "(\"Mon, 7 Feb 1994 21:52:25 -0800 (PST)\" \"afternoon meeting\""
            + " ((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\"))"
            + " ((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\"))"
            + " ((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\"))"
            + " ((NIL NIL \"mooch\" \"owatagu.siam.edu.example\")) NIL NIL NIL \"<B27397-0100000@Blurdybloop.example>\")";

    @Test
    void flags() throws Exception {
        TestView m = TestView.resource("plain.eml").flags("\\Seen");
        assertEquals("* 1 FETCH (FLAGS (\\Seen))\r\n", latin1(m, "FLAGS"));
    }

    @Test
    void flagsSystemFirstInFixedOrderThenKeywordsAsGiven() throws Exception {
        TestView m = TestView.resource("plain.eml").flags("$Forwarded", "\\Seen", "NonJunk", "\\Answered", "\\Recent");
        assertEquals("* 1 FETCH (FLAGS (\\Answered \\Seen \\Recent $Forwarded NonJunk))\r\n", latin1(m, "FLAGS"));
    }

    @Test
    void noFlagsIsAnEmptyList() throws Exception {
        assertEquals("* 1 FETCH (FLAGS ())\r\n", latin1(TestView.resource("plain.eml"), "FLAGS"));
    }

    @Test
    void uidAndSequenceNumber() throws Exception {
        TestView m = TestView.resource("plain.eml");
        m.seq = 42;
        m.uid = 4294967295L;
        assertEquals("* 42 FETCH (UID 4294967295)\r\n", latin1(m, "UID"));
    }

    @Test
    void internalDateIsAQuotedDateTimeInUtc() throws Exception {
        TestView m = TestView.resource("plain.eml");
        m.internalDate = Instant.parse("1996-07-17T09:44:25Z");
        assertEquals("* 1 FETCH (INTERNALDATE \"17-Jul-1996 09:44:25 +0000\")\r\n", latin1(m, "INTERNALDATE"));
        m.internalDate = Instant.parse("2025-02-07T00:00:05Z");
        assertEquals("* 1 FETCH (INTERNALDATE \"07-Feb-2025 00:00:05 +0000\")\r\n", latin1(m, "INTERNALDATE"));
    }

    @Test
    void rfc822SizeIsTheExactOctetCountOfTheWholeMessage() throws Exception {
        TestView m = TestView.resource("alternative.eml");
        assertEquals("* 1 FETCH (RFC822.SIZE " + m.bytes.length + ")\r\n", latin1(m, "RFC822.SIZE"));
    }

    @Test
    void envelope() throws Exception {
        assertEquals("* 1 FETCH (ENVELOPE " + PLAIN_ENVELOPE + ")\r\n", latin1(TestView.resource("plain.eml"), "ENVELOPE"));
    }

    @Test
    void envelopeWithUtf8IsALiteralUnlessUtf8IsAllowed() throws Exception {
        TestView m = TestView.resource("utf8-header.eml");
        String subject = "Grüße \"aus\" Köln";
        String rev1 = utf8(m, "ENVELOPE", FetchOptions.REV1);
        int octets = subject.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(rev1.startsWith("* 1 FETCH (ENVELOPE (\"Mon, 7 Apr 2025 00:00:00 +0000\" {" + octets + "}\r\n" + subject
                + " (({7}\r\nJürgen NIL {7}\r\njürgen {15}\r\nbücher.example))"), rev1);
        String accept = utf8(m, "ENVELOPE", FetchOptions.REV1.withUtf8(true));
        assertTrue(accept.startsWith("* 1 FETCH (ENVELOPE (\"Mon, 7 Apr 2025 00:00:00 +0000\" \"Grüße \\\"aus\\\" Köln\""
                + " ((\"Jürgen\" NIL \"jürgen\" \"bücher.example\"))"), accept);
        assertEquals(accept, utf8(m, "ENVELOPE", FetchOptions.REV2), "IMAP4rev2 allows UTF-8 in quoted strings");
    }

    @Test
    void bodyStructureAndBody() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (BODYSTRUCTURE (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1"
                + " NIL NIL NIL NIL))\r\n", latin1(m, "BODYSTRUCTURE"));
        assertEquals("* 1 FETCH (BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1))\r\n",
                latin1(m, "BODY"));
    }

    @Test
    void modSeq() throws Exception {
        TestView m = TestView.resource("plain.eml");
        m.modSeq = 12345;
        assertEquals("* 1 FETCH (MODSEQ (12345))\r\n", latin1(m, "MODSEQ"));
    }

    @Test
    void fullMacroInItsOrder() throws Exception {
        TestView m = TestView.resource("plain.eml").flags("\\Seen");
        assertEquals("* 1 FETCH (FLAGS (\\Seen) INTERNALDATE \"17-Jul-1996 09:44:25 +0000\" RFC822.SIZE " + m.bytes.length
                + " ENVELOPE " + PLAIN_ENVELOPE
                + " BODY (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1))\r\n", latin1(m, "FULL"));
    }

    @Test
    void itemsComeInTheRequestedOrder() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (RFC822.SIZE " + m.bytes.length + " FLAGS () UID 101)\r\n", latin1(m, "(RFC822.SIZE FLAGS UID)"));
    }

    @Test
    void uidFetchPutsUidFirstWhetherRequestedOrNot() throws Exception {
        TestView m = TestView.resource("plain.eml");
        FetchOptions uid = FetchOptions.REV1.withUid(true);
        assertEquals("* 1 FETCH (UID 101 FLAGS ())\r\n", latin1(m, "FLAGS", uid));
        assertEquals("* 1 FETCH (UID 101 FLAGS ())\r\n", latin1(m, "(FLAGS UID)", uid));
        assertEquals("* 1 FETCH (UID 101 FLAGS ())\r\n", latin1(m, "(UID FLAGS)", uid));
    }

    @Test
    void addedFlagsAndModSeqComeLastAndOnlyOnce() throws Exception {
        TestView m = TestView.resource("plain.eml").flags("\\Seen");
        m.modSeq = 9;
        FetchOptions o = FetchOptions.REV1.withFlags(true).withModSeq(true);
        assertEquals("* 1 FETCH (RFC822.SIZE " + m.bytes.length + " FLAGS (\\Seen) MODSEQ (9))\r\n", latin1(m, "RFC822.SIZE", o));
        assertEquals("* 1 FETCH (MODSEQ (9) FLAGS (\\Seen))\r\n", latin1(m, "(MODSEQ FLAGS)", o));
        assertEquals("* 1 FETCH (UID 101 MODSEQ (9))\r\n", latin1(m, "UID", FetchOptions.REV1.withUid(true).withModSeq(true)));
    }

    @Test
    void anItemRequestedTwiceIsAnsweredOnce() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (FLAGS () UID 101)\r\n", latin1(m, "(FLAGS UID FLAGS)"));
        String once = latin1(m, "BODY.PEEK[TEXT]");
        assertEquals(once, latin1(m, "(BODY.PEEK[TEXT] BODY[TEXT])"), "BODY[TEXT] and BODY.PEEK[TEXT] share a label");
    }

    @Test
    void responseItemsAndLabels() {
        List<FetchItem> items = Fetch.items("(BODY.PEEK[1.2.HEADER.FIELDS (From \"X-My Field\")]<10.20> BINARY.PEEK[1.2]<5.6>"
                + " BINARY.SIZE[3] RFC822.HEADER BODY[]<0.100>)");
        assertEquals(List.of("BODY[1.2.HEADER.FIELDS (From \"X-My Field\")]<10>", "BINARY[1.2]<5>", "BINARY.SIZE[3]",
                "RFC822.HEADER", "BODY[]<0>"), items.stream().map(FetchResponder::label).toList());
        assertEquals(List.of(FetchItem.UID, FetchItem.FLAGS, FetchItem.MODSEQ),
                FetchResponder.responseItems(List.of(FetchItem.FLAGS), new FetchOptions(false, true, true, false, true)));
    }

    @Test
    void whichItemsSetSeen() {
        assertTrue(FetchResponder.setsSeen(Fetch.items("(UID BODY[])")));
        assertTrue(FetchResponder.setsSeen(Fetch.items("RFC822")));
        assertTrue(FetchResponder.setsSeen(Fetch.items("RFC822.TEXT")));
        assertTrue(FetchResponder.setsSeen(Fetch.items("BINARY[1]")));
        assertTrue(FetchResponder.setsSeen(Fetch.items("BODY[HEADER.FIELDS (From)]")));
        assertFalse(FetchResponder.setsSeen(Fetch.items("(UID RFC822.SIZE FLAGS BODY.PEEK[] BINARY.PEEK[1] BINARY.SIZE[1])")));
        assertFalse(FetchResponder.setsSeen(Fetch.items("(RFC822.HEADER ENVELOPE BODYSTRUCTURE BODY INTERNALDATE MODSEQ)")));
    }
}
