package pigeon.imap.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Malformed and unusual structures: the result must still be valid BODYSTRUCTURE syntax. */
class MimeEdgeCasesTest {
    private static MessageDescription d(String crlfMessage) {
        return TestMessages.describe(crlfMessage.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void multipartWithoutBoundaryIsTextPlain() {
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 3 1)",
                ImapRenderer.body(d("Content-Type: multipart/mixed\r\n\r\nabc").body(), false));
    }

    @Test
    void multipartWhoseBoundaryNeverComesGetsOneEmptyPart() {
        MessageDescription m = d("Content-Type: multipart/mixed; boundary=zz\r\n\r\npreamble only\r\n");
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0) \"MIXED\")",
                ImapRenderer.body(m.body(), false));
    }

    @Test
    void missingCloseDelimiterEndsAtTheEnd() {
        String msg = "Content-Type: multipart/mixed; boundary=zz\r\n\r\n--zz\r\n\r\nA\r\n--zz\r\n\r\nB\r\n";
        MessageDescription m = d(msg);
        assertEquals("B\r\n", TestMessages.extract(msg.getBytes(StandardCharsets.UTF_8), m.section(2).orElseThrow()));
        assertEquals("A", TestMessages.extract(msg.getBytes(StandardCharsets.UTF_8), m.section(1).orElseThrow()));
    }

    @Test
    void outerBoundaryClosesUnfinishedInnerParts() {
        String msg = "Content-Type: multipart/mixed; boundary=outer\r\n\r\n"
                + "--outer\r\nContent-Type: multipart/alternative; boundary=inner\r\n\r\n"
                + "--inner\r\n\r\nx\r\n"           // inner never closed
                + "--outer\r\n\r\ny\r\n--outer--\r\n";
        byte[] b = msg.getBytes(StandardCharsets.UTF_8);
        MessageDescription m = TestMessages.describe(b);
        assertEquals("x", TestMessages.extract(b, m.section(1, 1).orElseThrow()));
        assertEquals("y", TestMessages.extract(b, m.section(2).orElseThrow()));
    }

    @Test
    void boundaryWithTransportPaddingAndPrefixBoundaries() {
        String msg = "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n"
                + "--b \t\r\nContent-Type: multipart/mixed; boundary=\"b2\"\r\n\r\n"
                + "--b2\r\n\r\ninner\r\n--b2--\r\n--b--\r\n";
        byte[] b = msg.getBytes(StandardCharsets.UTF_8);
        MessageDescription m = TestMessages.describe(b);
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 5 1) \"MIXED\")",
                ImapRenderer.body(((MultiPart) m.body()).parts().get(0), false));
        assertEquals("inner", TestMessages.extract(b, m.section(1, 1).orElseThrow()));
    }

    @Test
    void base64MessageRfc822IsOpaque() {
        MessageDescription m = d("Content-Type: message/rfc822\r\nContent-Transfer-Encoding: base64\r\n\r\nRnJvbTogYQ==\r\n");
        assertEquals("(\"APPLICATION\" \"OCTET-STREAM\" NIL NIL NIL \"BASE64\" 14)", ImapRenderer.body(m.body(), false));
    }

    @Test
    void topLevelMessageRfc822AndEmptyEncapsulatedMessage() {
        MessageDescription m = d("Content-Type: message/rfc822\r\n\r\nSubject: in\r\n\r\nhi");
        assertEquals("(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 17 (NIL \"in\" NIL NIL NIL NIL NIL NIL NIL NIL)"
                + " (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 2 1) 3)", ImapRenderer.body(m.body(), false));
        MessageDescription empty = d("Content-Type: message/rfc822\r\n\r\n");
        assertEquals("(\"MESSAGE\" \"RFC822\" NIL NIL NIL \"7BIT\" 0 (NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)"
                + " (\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0) 0)", ImapRenderer.body(empty.body(), false));
    }

    @Test
    void multiLanguageAndCaseOfTokens() {
        MessageDescription m = d("content-type: Text/HTML; Charset=\"UTF-8\"\r\ncontent-transfer-encoding: Base64\r\n"
                + "Content-Language: de-CH\r\nContent-Disposition: Inline; FileName=a.html\r\n\r\nPGI+\r\n");
        assertEquals("(\"TEXT\" \"HTML\" (\"CHARSET\" \"UTF-8\") NIL NIL \"BASE64\" 6 1 NIL (\"INLINE\" (\"FILENAME\" \"a.html\"))"
                + " \"de-CH\" NIL)", ImapRenderer.bodyStructure(m.body(), false));
    }
}
