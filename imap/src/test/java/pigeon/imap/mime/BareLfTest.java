package pigeon.imap.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Messages stored with bare LF line ends: sizes are octets as stored, lines end at LF. */
class BareLfTest {
    private static final String MESSAGE = """
            From: a@example.com
            Subject: lf
            Content-Type: multipart/mixed; boundary=b

            --b
            Content-Type: text/plain

            one
            two
            --b
            Content-Type: text/plain

            three
            --b--
            """;

    @Test
    void sizesLinesAndOffsets() {
        byte[] m = MESSAGE.getBytes(StandardCharsets.US_ASCII);
        MessageDescription d = TestMessages.describe(m);
        assertEquals(m.length, d.size());
        assertEquals("((\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 7 2)"
                + "(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 5 1) \"MIXED\")",
                ImapRenderer.body(d.body(), false));
        assertEquals("one\ntwo", TestMessages.extract(m, d.section(1).orElseThrow()));
        assertEquals("Content-Type: text/plain\n\n", TestMessages.extract(m, d.mime(2).orElseThrow()));
        assertEquals("three", TestMessages.extract(m, d.section(2).orElseThrow()));
        assertEquals("From: a@example.com\nSubject: lf\nContent-Type: multipart/mixed; boundary=b\n\n",
                TestMessages.extract(m, d.header().orElseThrow()));
    }

    @Test
    void mixedLineEndsAndNoFinalNewline() {
        byte[] m = "Subject: x\r\n\nline1\r\nline2\nlast".getBytes(StandardCharsets.US_ASCII);
        MessageDescription d = TestMessages.describe(m);
        SinglePart p = (SinglePart) d.body();
        assertEquals("line1\r\nline2\nlast", TestMessages.extract(m, d.text().orElseThrow()));
        assertEquals(17, p.size());
        assertEquals(3, p.lines(), "an unterminated last line is a line");
    }

    @Test
    void headerOnlyMessageWithoutBlankLine() {
        byte[] m = "Subject: only a header\r\nFrom: a@b".getBytes(StandardCharsets.US_ASCII);
        MessageDescription d = TestMessages.describe(m);
        assertEquals(new Range(0, m.length), d.header().orElseThrow());
        assertEquals(new Range(m.length, 0), d.text().orElseThrow());
        assertEquals("only a header", d.envelope().subject());
    }

    @Test
    void emptyMessage() {
        MessageDescription d = TestMessages.describe(new byte[0]);
        assertEquals(0, d.size());
        assertEquals("(\"TEXT\" \"PLAIN\" (\"CHARSET\" \"US-ASCII\") NIL NIL \"7BIT\" 0 0)", ImapRenderer.body(d.body(), false));
        assertEquals("(NIL NIL NIL NIL NIL NIL NIL NIL NIL NIL)", ImapRenderer.envelope(d.envelope(), false));
    }
}
