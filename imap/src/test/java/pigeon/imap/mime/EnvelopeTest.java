package pigeon.imap.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

/** ENVELOPE per RFC 9051 §7.5.2; expected strings written by hand. */
class EnvelopeTest {
    private static String env(String name, boolean utf8) {
        return ImapRenderer.envelope(TestMessages.describe(TestMessages.load(name)).envelope(), utf8);
    }

    @Test
    void rfcAppendExampleWithFoldedSubject() {
        String fred = "((\"Fred Foobar\" NIL \"foobar\" \"Blurdybloop.example\"))";
        assertEquals("(\"Mon, 7 Feb 1994 21:52:25 -0800 (PST)\" \"afternoon meeting\" " + fred + " " + fred + " " + fred
                + " ((NIL NIL \"mooch\" \"owatagu.siam.edu.example\")) NIL NIL NIL"
                + " \"<B27397-0100000@Blurdybloop.example>\")", env("plain.eml", false));
    }

    @Test
    void quotedDisplayNameWithCommaAndInReplyTo() {
        String alice = "((\"Alice Example\" NIL \"alice\" \"example.com\"))";
        assertEquals("(\"Tue, 1 Apr 2025 12:00:00 +0200\" \"Lunch?\" " + alice + " " + alice + " " + alice
                + " ((\"Bob\" NIL \"bob\" \"example.net\")(NIL NIL \"carol\" \"example.org\"))"
                + " ((\"Doe, John\" NIL \"john.doe\" \"example.com\")) NIL \"<orig-1@example.net>\" \"<alt-1@example.com>\")",
                env("alternative.eml", false));
    }

    @Test
    void groupsRoutesCommentsAndOddAddresses() {
        assertEquals("(\"Sun, 6 Apr 2025 00:00:00 +0000\" \"groups\""
                + " ((\"Joe Q. Public\" NIL \"joe\" \"example.com\"))"
                + " ((NIL \"@relay.example,@gw.example\" \"joe\" \"example.com\"))"
                + " ((\"Joe Q. Public\" NIL \"joe.public\" \"example.com\"))"
                + " ((NIL NIL \"undisclosed-recipients\" NIL)(NIL NIL NIL NIL))"
                + " ((NIL NIL \"Team\" NIL)(\"Ann \\\"A\\\" Smith\" NIL \"ann\" \"example.com\")(NIL NIL \"bob\" \"example.com\")"
                + "(NIL NIL NIL NIL)(\"Solo\" NIL \"solo\" \"[192.0.2.1]\"))"
                + " ((NIL NIL \"quoted local\" \"example.com\")(NIL NIL \"justaname\" \"\")) NIL NIL)",
                env("groups.eml", false));
    }

    @Test
    void missingFieldsAreNilAndEmptySubjectIsEmptyString() {
        assertEquals("(NIL \"\" NIL NIL NIL NIL NIL NIL NIL NIL)", env("missing.eml", false));
    }

    @Test
    void encodedWordsAreNotDecoded() {
        String andre = "((\"=?ISO-8859-1?Q?Andr=E9?= Pirard\" NIL \"PIRARD\" \"vm1.ulg.ac.be\"))";
        assertEquals("(\"Mon, 7 Apr 2025 00:00:00 +0000\" \"=?UTF-8?B?SGVsbG8gV29ybGQ=?= =?UTF-8?Q?_again?=\" "
                + andre + " " + andre + " " + andre + " ((\"=?US-ASCII?Q?Keith_Moore?=\" NIL \"moore\" \"cs.utk.edu\"))"
                + " NIL NIL NIL NIL)", env("encoded.eml", false));
    }

    @Test
    void eightBitHeadersAreLiteralsForRev1AndQuotedForUtf8() {
        String j1 = "(({7}\r\nJürgen NIL {7}\r\njürgen {15}\r\nbücher.example))";
        assertEquals("(\"Mon, 7 Apr 2025 00:00:00 +0000\" {19}\r\nGrüße \"aus\" Köln " + j1 + " " + j1 + " " + j1
                + " ((NIL NIL \"ann\" \"example.com\")) NIL NIL NIL NIL)", env("utf8-header.eml", false));
        String j2 = "((\"Jürgen\" NIL \"jürgen\" \"bücher.example\"))";
        assertEquals("(\"Mon, 7 Apr 2025 00:00:00 +0000\" \"Grüße \\\"aus\\\" Köln\" " + j2 + " " + j2 + " " + j2
                + " ((NIL NIL \"ann\" \"example.com\")) NIL NIL NIL NIL)", env("utf8-header.eml", true));
    }

    @Test
    void latin1HeaderOctetsBecomeCharactersNotGarbage() {
        byte[] m = "Subject: caf\u00e9\r\n\r\nx".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        assertEquals("caf\u00e9", TestMessages.describe(m).envelope().subject());
    }

    /** A ';' outside any group is skipped like other junk (it once stopped the parser for ever: MimeFuzzTest). */
    @Test
    void strayGroupEndOutsideAGroupIsSkipped() {
        List<Address> to = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> AddressParser.parse("a@b.test; c@d.test, ;"));
        assertEquals(List.of(new Address(null, null, "a", "b.test")), to);
    }
}
