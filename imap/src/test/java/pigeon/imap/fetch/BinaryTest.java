package pigeon.imap.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static pigeon.imap.fetch.Fetch.latin1;
import static pigeon.imap.fetch.Fetch.literal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** BINARY[part]<partial>, BINARY.PEEK and BINARY.SIZE (RFC 3516, RFC 9051 §6.4.5 and §7.5.2). */
class BinaryTest {
    private static final String PNG = "\u0089PNG\r\n\u001a\n"; // iVBORw0KGgo= decoded, one char per octet

    private static TestView attachment(String type, String encoding, String body) {
        return TestView.of("From: a@example.com\nSubject: bin\nMIME-Version: 1.0\n"
                + "Content-Type: multipart/mixed; boundary=b\n\n--b\nContent-Type: text/plain\n\nsee attachment\n"
                + "--b\nContent-Type: " + type + "\nContent-Transfer-Encoding: " + encoding + "\n\n" + body + "\n--b--\n");
    }

    private static FetchException refused(TestView m, String items) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        FetchException e = assertThrows(FetchException.class,
                () -> FetchResponder.write(out, m, Fetch.items(items), FetchOptions.REV2));
        assertEquals(0, out.size(), "nothing is written for a refused fetch");
        return e;
    }

    @Test
    void base64IsDecoded() throws Exception {
        TestView m = TestView.resource("related.eml");
        assertEquals("* 1 FETCH (BINARY[2.2] " + literal(PNG) + ")\r\n", latin1(m, "BINARY.PEEK[2.2]"));
        assertEquals("* 1 FETCH (BINARY[2.2] " + literal(PNG) + ")\r\n", latin1(m, "BINARY[2.2]"));
    }

    @Test
    void binarySizeIsTheDecodedSize() throws Exception {
        TestView m = TestView.resource("related.eml");
        assertEquals("* 1 FETCH (BINARY.SIZE[2.2] 8 BINARY.SIZE[1] 14)\r\n", latin1(m, "(BINARY.SIZE[2.2] BINARY.SIZE[1])"));
    }

    @Test
    void nulMakesALiteral8() throws Exception {
        TestView m = attachment("application/octet-stream", "base64", "AAEC/w==");
        assertEquals("* 1 FETCH (BINARY[2] ~{4}\r\n\u0000\u0001\u0002\u00ff BINARY.SIZE[2] 4)\r\n",
                latin1(m, "(BINARY.PEEK[2] BINARY.SIZE[2])"));
    }

    @Test
    void nulOutsideThePartialIsNoReasonForALiteral8() throws Exception {
        TestView m = attachment("application/octet-stream", "base64", "AAECAw==");
        assertEquals("* 1 FETCH (BINARY[2]<1> {2}\r\n\u0001\u0002)\r\n", latin1(m, "BINARY.PEEK[2]<1.2>"));
        assertEquals("* 1 FETCH (BINARY[2]<0> ~{2}\r\n\u0000\u0001)\r\n", latin1(m, "BINARY.PEEK[2]<0.2>"));
    }

    @Test
    void quotedPrintableIsDecodedAndTextLineEndsAreCrlf() throws Exception {
        TestView m = TestView.resource("alternative.eml");
        String html = "<p>Shall we have lunch at noon?</p>\r\n<p>Alice</p>"; // =0A is a line break in text/html
        assertEquals("* 1 FETCH (BINARY[2] " + literal(html) + " BINARY.SIZE[2] " + html.length() + ")\r\n",
                latin1(m, "(BINARY.PEEK[2] BINARY.SIZE[2])"));
    }

    @Test
    void base64TextWithUnixLineEndsIsSentWithCrlf() throws Exception {
        TestView m = attachment("text/plain; charset=us-ascii", "base64", "aGVsbG8Kd29ybGQK"); // "hello\nworld\n"
        assertEquals("* 1 FETCH (BINARY[2] " + literal("hello\r\nworld\r\n") + " BINARY.SIZE[2] 14)\r\n",
                latin1(m, "(BINARY.PEEK[2] BINARY.SIZE[2])"));
    }

    @Test
    void eightBitAttachmentDecoded() throws Exception {
        TestView m = TestView.resource("attachment.eml");
        String pdf = "%PDF-1.4\n%\u00c7\u00ec\u008f\u00a2\n"; // not text: line ends left alone
        assertEquals("* 1 FETCH (BINARY[2] " + literal(pdf) + " BINARY[1] " + literal("Voici mon CV.") + ")\r\n",
                latin1(m, "(BINARY.PEEK[2] BINARY.PEEK[1])"));
    }

    @Test
    void identityEncodingsAreSentAsStored() throws Exception {
        TestView m = TestView.resource("alternative.eml");
        assertEquals("* 1 FETCH (BINARY[1] " + literal("Shall we have lunch at noon?\r\n\r\nAlice") + ")\r\n",
                latin1(m, "BINARY.PEEK[1]"));
        TestView plain = TestView.resource("plain.eml");
        assertEquals("* 1 FETCH (BINARY[1] " + literal("Hello Joe, do you think we can meet at 3:30 tomorrow?\r\n") + ")\r\n",
                latin1(plain, "BINARY.PEEK[1]"));
    }

    @Test
    void partialIsTakenFromTheDecodedData() throws Exception {
        TestView m = TestView.resource("related.eml");
        assertEquals("* 1 FETCH (BINARY[2.2]<1> " + literal("PNG") + ")\r\n", latin1(m, "BINARY.PEEK[2.2]<1.3>"));
        assertEquals("* 1 FETCH (BINARY[2.2]<6> " + literal("\u001a\n") + ")\r\n", latin1(m, "BINARY.PEEK[2.2]<6.100>"));
        assertEquals("* 1 FETCH (BINARY[2.2]<8> \"\")\r\n", latin1(m, "BINARY.PEEK[2.2]<8.1>"));
    }

    @Test
    void partInsideAnEncapsulatedMessage() throws Exception {
        TestView m = TestView.resource("forward.eml");
        assertEquals("* 1 FETCH (BINARY[2.1] " + literal("Lunch at noon?") + ")\r\n", latin1(m, "BINARY.PEEK[2.1]"));
    }

    @Test
    void nonexistentPartIsEmpty() throws Exception {
        TestView m = TestView.resource("alternative.eml");
        assertEquals("* 1 FETCH (BINARY[7] \"\" BINARY.SIZE[7] 0 BINARY[1.1] \"\")\r\n",
                latin1(m, "(BINARY.PEEK[7] BINARY.SIZE[7] BINARY.PEEK[1.1])"));
    }

    @Test
    void brokenBase64IsNil() throws Exception {
        TestView m = attachment("application/octet-stream", "base64", "QUJDR"); // a dangling sixth of an octet
        assertEquals("* 1 FETCH (BINARY[2] NIL BINARY.SIZE[2] 0)\r\n", latin1(m, "(BINARY.PEEK[2] BINARY.SIZE[2])"));
    }

    @Test
    void storeFailureIsAnIOExceptionNotNil() {
        TestView m = TestView.resource("related.eml");
        m.failure = new IOException("disk on fire");
        IOException e = assertThrows(IOException.class,
                () -> FetchResponder.write(new ByteArrayOutputStream(), m, Fetch.items("BINARY[2.2]"), FetchOptions.REV1));
        assertEquals("disk on fire", e.getMessage());
    }

    @Test
    void unknownTransferEncodingIsRefusedBeforeAnythingIsWritten() {
        TestView m = attachment("application/octet-stream", "x-uuencode", "begin 644 f\n`\nend");
        FetchException e = refused(m, "(UID FLAGS BINARY.PEEK[2])");
        assertEquals(FetchException.Kind.UNKNOWN_CTE, e.kind());
        assertEquals(Optional.of("UNKNOWN-CTE"), e.responseCode());
        assertEquals(FetchException.Kind.UNKNOWN_CTE, refused(m, "BINARY.SIZE[2]").kind());
        assertEquals(List.of(), m.opened);
    }

    @Test
    void bodyOfAPartWithUnknownEncodingIsFine() throws Exception {
        TestView m = attachment("application/octet-stream", "x-uuencode", "begin 644 f\n`\nend");
        assertEquals("* 1 FETCH (BODY[2] " + literal("begin 644 f\r\n`\r\nend") + ")\r\n", latin1(m, "BODY.PEEK[2]"));
    }

    @Test
    void multipartIsSentAsStored() throws Exception {
        TestView m = TestView.resource("related.eml");
        assertEquals(latin1(m, "BODY.PEEK[2]").replace("BODY[2]", "BINARY[2]"), latin1(m, "BINARY.PEEK[2]"));
        String body = latin1(m, "BODY.PEEK[2]");
        String size = body.substring(body.indexOf('{') + 1, body.indexOf('}'));
        assertEquals("* 1 FETCH (BINARY.SIZE[2] " + size + ")\r\n", latin1(m, "BINARY.SIZE[2]"));
    }

    @Test
    void wholeMessageAndItsTextAreSentAsStored() throws Exception {
        TestView m = TestView.resource("plain.eml");
        assertEquals(latin1(m, "BODY.PEEK[]").replace("BODY[]", "BINARY[]"), latin1(m, "BINARY.PEEK[]"));
        assertEquals(latin1(m, "BODY.PEEK[TEXT]<2.5>").replace("BODY[TEXT]", "BINARY[TEXT]"), latin1(m, "BINARY.PEEK[TEXT]<2.5>"));
        assertEquals("* 1 FETCH (BINARY.SIZE[] " + m.size() + ")\r\n", latin1(m, "BINARY.SIZE[]"));
    }

    @Test
    void encapsulatedMessageAndHeadersAreSentAsStored() throws Exception {
        TestView m = TestView.resource("forward.eml");
        assertEquals(latin1(m, "BODY.PEEK[2]").replace("BODY[2]", "BINARY[2]"), latin1(m, "BINARY.PEEK[2]"));
        assertEquals(latin1(m, "BODY.PEEK[2.MIME]").replace("BODY[2.MIME]", "BINARY[2.MIME]"), latin1(m, "BINARY.PEEK[2.MIME]"));
        assertEquals(latin1(m, "BODY.PEEK[2.HEADER.FIELDS (Subject)]").replace("BODY[", "BINARY["),
                latin1(m, "BINARY.PEEK[2.HEADER.FIELDS (Subject)]"));
    }

    @Test
    void nulInAMultipartMakesALiteral8() throws Exception {
        TestView m = TestView.of("Subject: nul\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
                + "Content-Transfer-Encoding: binary\r\n\r\na\u0000b\r\n--b--\r\n");
        String text = latin1(m, "BINARY.PEEK[TEXT]");
        assertEquals("* 1 FETCH (BINARY[TEXT] ~{", text.substring(0, 26));
        assertEquals("* 1 FETCH (BINARY[1] ~{3}\r\na\u0000b)\r\n", latin1(m, "BINARY.PEEK[1]"));
    }

    @Test
    void checkNeedsNoMessageOctets() throws Exception {
        TestView m = attachment("application/octet-stream", "x-uuencode", "x");
        assertThrows(FetchException.class, () -> FetchResponder.check(m.description, Fetch.items("(UID BINARY[2])")));
        FetchResponder.check(m.description, Fetch.items("(UID BINARY[1] BODY[2] BINARY[9])"));
        assertEquals(List.of(), m.opened);
    }
}
