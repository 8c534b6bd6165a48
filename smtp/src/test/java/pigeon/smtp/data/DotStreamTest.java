package pigeon.smtp.data;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class DotStreamTest {
    private static final int LIMIT = 1000;

    /** The session's input after the DATA line: the data, then whatever the client sent next. */
    private static ByteArrayInputStream input(String s) { return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)); }

    private static String readAll(InputStream in) throws IOException { return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1); }

    private static String rest(ByteArrayInputStream in) { return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1); }

    /** Reads under the strict rule (DATA ended in CRLF); checks what follows the data is untouched. */
    private static String strict(String wire, String expectedRest) throws IOException {
        ByteArrayInputStream in = input(wire);
        DotStream dot = new DotStream(in, LIMIT);
        String body = readAll(dot);
        assertTrue(dot.ended());
        assertEquals(expectedRest, rest(in), "the stream must stop right after the end-of-data line");
        return body;
    }

    @Test void endsAtCrlfDotCrlfAndNotOneOctetLater() throws IOException {
        assertEquals("Subject: hi\r\n\r\nbody\r\n", strict("Subject: hi\r\n\r\nbody\r\n.\r\nQUIT\r\n", "QUIT\r\n"));
        assertEquals("", strict(".\r\nNOOP\r\n", "NOOP\r\n"));  // empty message: the dot at once
        assertEquals("a\r\n", strict("a\r\n.\r\n", ""));
    }

    @Test void removesDotStuffing() throws IOException {
        // RFC 5321 §4.5.2: the first of a line's leading periods is removed.
        assertEquals(".hidden\r\n..two\r\n.\r\nend\r\n", strict("..hidden\r\n...two\r\n..\r\nend\r\n.\r\n", ""));
        assertEquals("a.b\r\n", strict("a.b\r\n.\r\n", ""));           // a period inside a line stays
        assertEquals("x\r\n", strict(".x\r\n.\r\n", ""));              // an unstuffed ".x": the period goes
    }

    @Test void bareLfAndCrAreStoredAsCrlf() throws IOException {
        assertEquals("a\r\nb\r\nc\r\n", strict("a\nb\rc\r\n.\r\n", ""));
        assertEquals("a\r\n\r\nb\r\n", strict("a\r\r\nb\r\n.\r\n", ""));
    }

    // SMTP smuggling: with a CRLF DATA command, none of these end the data.
    @Test void lfDotLfIsContent() throws IOException {
        String body = strict("a\n.\nMAIL FROM:<evil@x>\r\n.\r\nNOOP\r\n", "NOOP\r\n");
        assertEquals("a\r\n.\r\nMAIL FROM:<evil@x>\r\n", body);
    }

    @Test void lfDotCrlfIsContent() throws IOException {
        assertEquals("a\r\n.\r\nevil\r\n", strict("a\n.\r\nevil\r\n.\r\n", ""));
    }

    @Test void crDotCrlfIsContent() throws IOException {
        assertEquals("a\r\n.\r\nevil\r\n", strict("a\r.\r\nevil\r\n.\r\n", ""));
    }

    @Test void crlfDotLfIsContent() throws IOException {
        // the period is a line's leading period (deleted), the bare LF a line break: not the end
        assertEquals("a\r\n\r\nevil\r\n", strict("a\r\n.\nevil\r\n.\r\n", ""));
    }

    @Test void crlfDotCrIsContent() throws IOException {
        assertEquals("a\r\n\r\nevil\r\n", strict("a\r\n.\revil\r\n.\r\n", ""));
        assertEquals("a\r\n\r\n.\r\n", strict("a\r\n.\r.\r\n.\r\n", ""));
    }

    /** RFC 5321 §4.1.1.4: a lone LF never ends the data, whatever the DATA line ended in (no nc exception). */
    @Test void bareLfNeverEndsTheData() throws IOException {
        ByteArrayInputStream in = input("Subject: typed\r\n\r\nhello\n.\nQUIT\r\n.\r\nNOOP\r\n");
        assertEquals("Subject: typed\r\n\r\nhello\r\n.\r\nQUIT\r\n", readAll(new DotStream(in, LIMIT)));
        assertEquals("NOOP\r\n", rest(in));
    }

    /** A bare CR or LF before the header section's end would become a header field of its own. */
    @Test void bareLineBreaksInTheHeaderAreMarked() throws IOException {
        for (String header : new String[] {"Subject: x\rBcc: victim@example.test\r\n\r\nbody\r\n.\r\n",
                "Subject: x\nBcc: victim@example.test\r\n\r\nbody\r\n.\r\n", "Subject: x\n\nbody\r\n.\r\n",
                "Subject: x\r\n\n\r\nbody\r\n.\r\n"}) {
            DotStream dot = new DotStream(input(header), LIMIT);
            readAll(dot);
            assertTrue(dot.bareLineBreakInHeader(), header);
        }
        for (String body : new String[] {"Subject: x\r\n\r\nbody\nmore\rend\r\n.\r\n", "\r\nno header\nx\r\n.\r\n",
                "Subject: x\r\n\r\n\nx\r\n.\r\n"}) {
            DotStream dot = new DotStream(input(body), LIMIT);
            readAll(dot);
            assertFalse(dot.bareLineBreakInHeader(), body);
        }
    }

    @Test void endOfInputBeforeTheDotIsAnError() throws IOException {
        DotStream dot = new DotStream(input("Subject: cut\r\n\r\npartial"), LIMIT);
        assertThrows(EOFException.class, () -> readAll(dot));
        assertTrue(dot.failed());
        assertThrows(EOFException.class, dot::read, "sticky");
        assertThrows(EOFException.class, dot::drain);
        // ending on a smuggled "end" is also an unfinished message
        assertThrows(EOFException.class, () -> readAll(new DotStream(input("a\n.\n"), LIMIT)));
    }

    @Test void overlongLineThrowsThenDrains() throws IOException {
        String line = "x".repeat(LIMIT - 2);  // the longest allowed line: 998 octets and CRLF
        assertEquals(line + "\r\n", strict(line + "\r\n.\r\n", ""));

        ByteArrayInputStream in = input("ok\r\n" + "y".repeat(LIMIT - 1) + "\r\nmore\r\n.\r\nNOOP\r\n");
        DotStream dot = new DotStream(in, LIMIT);
        DataLimitException e = assertThrows(DataLimitException.class, () -> readAll(dot));
        assertEquals(DataLimitException.Limit.LINE_LENGTH, e.limit());
        assertTrue(dot.lineTooLong());
        assertThrows(DataLimitException.class, dot::read, "sticky");
        assertTrue(dot.drain());
        assertTrue(dot.ended());
        assertEquals("NOOP\r\n", rest(in));
    }

    @Test void drainAfterANormalRead() throws IOException {
        ByteArrayInputStream in = input("a\r\nb\r\n.\r\nNOOP\r\n");
        DotStream dot = new DotStream(in, LIMIT);
        assertEquals('a', dot.read());
        assertTrue(dot.drain(), "something was left");
        assertEquals(-1, dot.read());
        assertFalse(dot.drain(), "nothing more");
        assertEquals("NOOP\r\n", rest(in));
    }

    @Test void sizeLimitThrowsAndTheRestCanBeDrained() throws IOException {
        ByteArrayInputStream in = input("0123456789\r\n0123456789\r\n.\r\nNOOP\r\n");
        DotStream dot = new DotStream(in, LIMIT);
        SizeLimitInputStream limited = new SizeLimitInputStream(dot, 15);
        DataLimitException e = assertThrows(DataLimitException.class, () -> limited.readAllBytes());
        assertEquals(DataLimitException.Limit.MESSAGE_SIZE, e.limit());
        assertTrue(limited.exceeded());
        assertThrows(DataLimitException.class, limited::read, "sticky");
        dot.drain();
        assertEquals("NOOP\r\n", rest(in));
    }

    @Test void sizeLimitAllowsExactlyTheLimit() throws IOException {
        SizeLimitInputStream limited = new SizeLimitInputStream(new DotStream(input("0123456789\r\n.\r\n"), LIMIT), 12);
        assertEquals(12, limited.readAllBytes().length);
        assertFalse(limited.exceeded());
        assertEquals(12, limited.count());
    }

    @Test void singleByteAndBulkReadsAgree() throws IOException {
        String wire = "..a\r\nb\nc\r.\r\n..\r\n.\r\n";
        DotStream one = new DotStream(input(wire), LIMIT);
        StringBuilder b = new StringBuilder();
        for (int c; (c = one.read()) >= 0; ) b.append((char) c);
        assertEquals(strict(wire, ""), b.toString());
    }
}
