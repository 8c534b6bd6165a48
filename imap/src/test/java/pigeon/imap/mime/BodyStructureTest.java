package pigeon.imap.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/**
 * BODYSTRUCTURE and BODY of real-world shaped messages. Expected strings are written from
 * RFC 9051 §7.5.2 and §9 by hand (sizes and line counts counted on the CRLF form of each
 * file); dovecot.eml is Dovecot's own test message (src/lib-imap/test-imap-bodystructure.c),
 * whose expected sizes and line counts ours must equal.
 */
class BodyStructureTest {
    private static String bs(String name, boolean utf8) {
        return ImapRenderer.bodyStructure(TestMessages.describe(TestMessages.load(name)).body(), utf8);
    }

    private static String body(String name) {
        return ImapRenderer.body(TestMessages.describe(TestMessages.load(name)).body(), false);
    }

    @Test
    void plainText() {
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1 NIL NIL NIL NIL)",
                bs("plain.eml", false));
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 55 1)", body("plain.eml"));
    }

    @Test
    void alternative() {
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\" \"FORMAT\" \"flowed\") NIL NIL \"7BIT\" 37 3 NIL NIL NIL NIL)"
                + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 50 1 NIL NIL NIL NIL)"
                + " \"ALTERNATIVE\" (\"BOUNDARY\" \"=_alt_42\") NIL NIL NIL)", bs("alternative.eml", false));
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\" \"FORMAT\" \"flowed\") NIL NIL \"7BIT\" 37 3)"
                + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"utf-8\") NIL NIL \"QUOTED-PRINTABLE\" 50 1) \"ALTERNATIVE\")",
                body("alternative.eml"));
    }

    @Test
    void attachmentWithRfc2231NamesDecodedForUtf8Sessions() {
        String pdf = "(\"APPLICATION\" \"PDF\" (\"NAME*\" \"%s\") \"<part2.cv@example.fr>\" \"My CV\" \"BASE64\" 20 NIL"
                + " (\"ATTACHMENT\" (\"FILENAME*\" \"%s\" \"SIZE\" \"12\")) (\"fr\" \"en\") \"http://example.fr/cv.pdf\")";
        String text = "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"iso-8859-1\") NIL NIL \"QUOTED-PRINTABLE\" 13 1 NIL NIL NIL NIL)";
        String tail = " \"MIXED\" (\"BOUNDARY\" \"mixed-b\") NIL NIL NIL)";
        assertEquals("(" + text + pdf.formatted("Résumé.pdf", "Résumé.pdf") + tail, bs("attachment.eml", true));
        String encoded = "UTF-8''R%C3%A9sum%C3%A9.pdf";
        assertEquals("(" + text + pdf.formatted(encoded, encoded) + tail, bs("attachment.eml", false));
    }

    @Test
    void relatedInsideAlternative() {
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 14 1 NIL NIL NIL NIL)"
                + "((\"TEXT\" \"HTML\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 51 1 NIL NIL NIL NIL)"
                + "(\"IMAGE\" \"PNG\" NIL \"<logo@shop>\" NIL \"BASE64\" 12 NIL (\"INLINE\" NIL) NIL NIL)"
                + " \"RELATED\" (\"BOUNDARY\" \"inner\" \"TYPE\" \"text/html\") NIL NIL NIL)"
                + " \"ALTERNATIVE\" (\"BOUNDARY\" \"outer\") NIL NIL NIL)", bs("related.eml", false));
    }

    @Test
    void forwardedMessageWithItsOwnMultipart() {
        String env = "(\"Tue, 1 Apr 2025 12:00:00 +0200\" \"Lunch?\" ((\"Alice Example\" NIL \"alice\" \"example.com\"))"
                + " ((\"Alice Example\" NIL \"alice\" \"example.com\")) ((\"Alice Example\" NIL \"alice\" \"example.com\"))"
                + " ((\"Bob\" NIL \"bob\" \"example.net\")) NIL NIL NIL \"<alt-1@example.com>\")";
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 10 1 NIL NIL NIL NIL)"
                + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 385 " + env
                + " ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 14 1 NIL NIL NIL NIL)"
                + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 21 1 NIL NIL NIL NIL)"
                + " \"ALTERNATIVE\" (\"BOUNDARY\" \"alt\") NIL NIL NIL) 17"
                + " NIL (\"ATTACHMENT\" (\"FILENAME\" \"Lunch.eml\")) NIL NIL)"
                + " \"MIXED\" (\"BOUNDARY\" \"fwd\") NIL NIL NIL)", bs("forward.eml", false));
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 10 1)"
                + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 385 " + env
                + " ((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 14 1)"
                + "(\"TEXT\" \"HTML\" (\"CHARSET\" \"us-ascii\") NIL NIL \"7BIT\" 21 1) \"ALTERNATIVE\") 17) \"MIXED\")",
                body("forward.eml"));
    }

    @Test
    void bounce() {
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"us-ascii\") NIL \"Notification\" \"7BIT\" 102 2 NIL NIL NIL NIL)"
                + "(\"MESSAGE\" \"DELIVERY-STATUS\" NIL NIL \"Delivery report\" \"7BIT\" 114 NIL NIL NIL NIL)"
                + "(\"TEXT\" \"RFC822-HEADERS\" (\"CHARSET\" \"US-ASCII\") NIL \"Undelivered Message Headers\" \"7BIT\" 65 3"
                + " NIL NIL NIL NIL) \"REPORT\" (\"REPORT-TYPE\" \"delivery-status\" \"BOUNDARY\""
                + " \"ABC.1743850800/mx.example.com\") NIL NIL NIL)", bs("bounce.eml", false));
    }

    @Test
    void missingContentTypeDefaultsToTextPlainUsAscii() {
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 24 1 NIL NIL NIL NIL)",
                bs("missing.eml", false));
    }

    @Test
    void digestPartsDefaultToMessageRfc822() {
        assertEquals("((\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 42 (NIL \"one\" ((NIL NIL \"a\" \"example.org\"))"
                + " ((NIL NIL \"a\" \"example.org\")) ((NIL NIL \"a\" \"example.org\")) NIL NIL NIL NIL NIL)"
                + " (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 5 1 NIL NIL NIL NIL) 4 NIL NIL NIL NIL)"
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 13 1 NIL NIL NIL NIL)"
                + " \"DIGEST\" (\"BOUNDARY\" \"d\") NIL NIL NIL)", bs("digest.eml", false));
    }

    @Test
    void encodedWordsInParametersStayRaw() {
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"utf-8\" \"NAME\" \"=?UTF-8?B?w6k=?=\") NIL NIL \"8BIT\" 9 1"
                + " NIL NIL NIL NIL)", bs("encoded.eml", false));
    }

    @Test
    void sameSizesAndLinesAsDovecot() {
        // Dovecot's expected string with our upper-cased tokens; "?invalid" encoding shown as 7BIT by both.
        String env = "(\"Sun, 12 Aug 2012 12:34:56 +0300\" \"submsg\" ((NIL NIL \"sub\" \"domain.org\"))"
                + " ((NIL NIL \"sub\" \"domain.org\")) ((NIL NIL \"sub\" \"domain.org\"))"
                + " ((NIL NIL \"sub-to1\" \"domain.org\")(NIL NIL \"sub-to2\" \"domain.org\")) NIL NIL NIL NIL)";
        assertEquals("((\"TEXT\" \"X-MYOWN\" (\"CHARSET\" \"us-ascii\" \"FOO\" \"quoted\\\"string\") \"<foo@example.com>\""
                + " \"hellodescription\" \"7BIT\" 7 1 \"Q2hlY2sgSW50ZWdyaXR5IQ==\" (\"INLINE\" (\"FOO\" \"bar\"))"
                + " (\"en\" \"fi\" \"se\") \"http://example.com/test.txt\")"
                + "(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 412 " + env
                + " ((\"TEXT\" \"HTML\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"8BIT\" 20 1 NIL NIL NIL NIL)"
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 21 1 NIL NIL NIL NIL)"
                + " \"ALTERNATIVE\" (\"BOUNDARY\" \"sub1\") NIL NIL NIL) 21 NIL NIL NIL NIL)"
                + " \"MIXED\" (\"BOUNDARY\" \"foo bar\") NIL NIL NIL)", bs("dovecot.eml", false));
    }
}
