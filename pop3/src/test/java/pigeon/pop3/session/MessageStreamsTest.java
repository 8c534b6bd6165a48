package pigeon.pop3.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class MessageStreamsTest {

    private static String stuffed(String message) throws IOException { return stuffed(in(message)); }

    private static String stuffed(InputStream in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        MessageStreams.writeDotStuffed(in, out);
        return out.toString(StandardCharsets.ISO_8859_1);
    }

    private static InputStream in(String s) { return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)); }

    /** Delivers one byte per read, to cross every buffer boundary. */
    private static InputStream trickle(String s) {
        InputStream in = in(s);
        return new InputStream() {
            @Override public int read() throws IOException { return in.read(); }
            @Override public int read(byte[] b, int off, int len) throws IOException { return len == 0 ? 0 : in.read(b, off, 1); }
        };
    }

    @Test void dotStuffing() throws IOException {
        assertEquals("a\r\n..b\r\n...\r\n..\r\nc.d\r\n", stuffed("a\r\n.b\r\n..\r\n.\r\nc.d\r\n"));
        assertEquals("..first\r\n", stuffed(".first\r\n"), "the first line too");
        assertEquals("..first\r\n..x\r\n", stuffed(trickle(".first\r\n.x\r\n")));
        assertEquals("a\n..b\r\n", stuffed("a\n.b"), "after a bare LF as well");
    }

    @Test void finalCrlf() throws IOException {
        assertEquals("", stuffed(""), "an empty message stays empty");
        assertEquals("a\r\n", stuffed("a\r\n"));
        assertEquals("a\r\n", stuffed("a"));
        assertEquals("a\r\n", stuffed("a\r"));
        assertEquals("a\n\r\n", stuffed("a\n"));
        assertEquals("a\r\n", stuffed(trickle("a")));
        assertEquals("\u00ff\r\n", stuffed("\u00ff"), "a last byte of 0xFF is not end of stream");
    }

    @Test void top() throws IOException {
        String m = "A: 1\r\nB: 2\r\n\r\nl1\r\nl2\r\nl3\r\n";
        assertEquals("A: 1\r\nB: 2\r\n\r\n", stuffed(MessageStreams.top(in(m), 0)));
        assertEquals("A: 1\r\nB: 2\r\n\r\nl1\r\n", stuffed(MessageStreams.top(in(m), 1)));
        assertEquals(m, stuffed(MessageStreams.top(in(m), 3)));
        assertEquals(m, stuffed(MessageStreams.top(in(m), 100)));
        assertEquals("A: 1\r\n\r\n..x\r\n", stuffed(MessageStreams.top(in("A: 1\r\n\r\n.x\r\n.y\r\n"), 1)));
        assertEquals("A: 1\r\nB: 2\r\n", stuffed(MessageStreams.top(in("A: 1\r\nB: 2"), 0)), "no body: the header, whole");
        assertEquals("A: 1\n\nl1\n\r\n", stuffed(MessageStreams.top(in("A: 1\n\nl1\nl2\n"), 1)), "bare LF endings count, CRLF still added");
        assertEquals("\r\nl1\r\n", stuffed(MessageStreams.top(in("\r\nl1\r\nl2\r\n"), 1)), "empty header");
    }
}
