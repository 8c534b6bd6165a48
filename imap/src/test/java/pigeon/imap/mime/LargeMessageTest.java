package pigeon.imap.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** A 10 MB message is read as a stream, never held whole, in linear time. */
class LargeMessageTest {
    /** head, then {@code lines} generated base64 lines of 76 characters, then tail; made on the fly. */
    private static final class Generated extends InputStream {
        private final byte[] head;
        private final byte[] tail;
        private final long lines;
        private final byte[] line = ("QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVphYmNkZWZnaGlqa2xtbm9wcXJzdHV2d3h5ejAxMjM0NTY3\r\n")
                .substring(0, 76).concat("\r\n").getBytes(StandardCharsets.US_ASCII);
        private long pos;

        Generated(String head, long lines, String tail) {
            this.head = head.getBytes(StandardCharsets.US_ASCII);
            this.tail = tail.getBytes(StandardCharsets.US_ASCII);
            this.lines = lines;
        }

        long length() {
            return head.length + lines * line.length + tail.length;
        }

        @Override
        public int read() {
            long p = pos;
            if (p < head.length) return head[(int) pos++];
            p -= head.length;
            if (p < lines * line.length) {
                pos++;
                return line[(int) (p % line.length)];
            }
            p -= lines * line.length;
            if (p < tail.length) return tail[(int) pos++ - (int) (head.length + lines * line.length)];
            return -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            int n = 0;
            while (n < len) {
                int c = read();
                if (c < 0) break;
                b[off + n++] = (byte) c;
            }
            return n == 0 && len > 0 ? -1 : n;
        }
    }

    private static final String HEAD = "From: a@example.com\r\nSubject: big\r\n"
            + "Content-Type: multipart/mixed; boundary=\"big\"\r\n\r\n--big\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
            + "--big\r\nContent-Type: application/octet-stream\r\nContent-Transfer-Encoding: base64\r\n\r\n";
    private static final String TAIL = "--big--\r\n";

    @Test
    void tenMegabytesLinearAndExact() throws IOException {
        long lines = 10_000_000 / 78;
        Generated g = new Generated(HEAD, lines, TAIL);
        long t0 = System.nanoTime();
        MessageDescription d = MessageDescription.parse(g);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(g.length(), d.size());
        SinglePart attachment = (SinglePart) d.part(2).orElseThrow();
        assertEquals(lines * 78 - 2, attachment.size(), "the CRLF before the close delimiter is not the part's");
        assertEquals(lines, attachment.lines());
        assertEquals(HEAD.length(), attachment.span().bodyStart());
        assertTrue(ms < 5_000, "took " + ms + " ms");
    }

    @Test
    void oneHugeLineCostsNoMoreMemoryThanAShortOne() throws IOException {
        // a 10 MB line without any line break, as some broken senders write base64
        InputStream in = new InputStream() {
            long left = 10_000_000;
            final byte[] head = "Subject: one line\r\n\r\n".getBytes(StandardCharsets.US_ASCII);
            int h;

            @Override
            public int read() {
                if (h < head.length) return head[h++];
                return left-- > 0 ? 'A' : -1;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                if (h < head.length || left <= 0) {
                    int c = read();
                    if (c < 0) return -1;
                    b[off] = (byte) c;
                    return 1;
                }
                int n = (int) Math.min(len, left);
                java.util.Arrays.fill(b, off, off + n, (byte) 'A');
                left -= n;
                return n;
            }
        };
        MessageDescription d = MessageDescription.parse(in);
        SinglePart p = (SinglePart) d.body();
        assertEquals(10_000_000, p.size());
        assertEquals(1, p.lines());
    }
}
