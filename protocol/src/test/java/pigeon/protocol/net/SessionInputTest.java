package pigeon.protocol.net;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

class SessionInputTest {
    /** Hands out at most 3 octets per read, like a socket delivering small segments. */
    private static InputStream trickle(byte[] data) {
        return new ByteArrayInputStream(data) {
            @Override public synchronized int read(byte[] b, int off, int len) { return super.read(b, off, Math.min(len, 3)); }
        };
    }

    @Test void mixesSingleAndBulkReadsWithoutLosingOrReorderingOctets() throws IOException {
        byte[] data = new byte[1000];
        for (int i = 0; i < data.length; i++) data[i] = (byte) i;
        SessionInput in = new SessionInput(trickle(data), 8);
        byte[] got = new byte[1000];
        int n = 0;
        while (n < got.length) {
            if (n % 2 == 0) got[n++] = (byte) in.read();
            else {
                int r = in.read(got, n, Math.min(got.length - n, n % 17 + 1));
                assertTrue(r > 0);
                n += r;
            }
        }
        assertArrayEquals(data, got);
        assertEquals(-1, in.read());
        assertEquals(-1, in.read(new byte[4], 0, 4));
        assertEquals(0, in.read(new byte[4], 0, 0));
    }

    @Test void largeReadsBypassTheBufferAndAvailableCountsBoth() throws IOException {
        byte[] data = new byte[100];
        SessionInput in = new SessionInput(new ByteArrayInputStream(data), 16);
        assertEquals(0, in.read());
        assertEquals(15 + 84, in.available());  // 15 buffered, 84 still in the source
        assertEquals(15, in.read(new byte[64], 0, 64), "the buffered rest first");
        assertEquals(64, in.read(new byte[64], 0, 64), "then straight from the source");
    }

    /** A source that never says anything is ready, as an idle socket between commands. */
    private static InputStream quiet(byte[] data) {
        return new ByteArrayInputStream(data) {
            @Override public synchronized int available() { return 0; }
        };
    }

    @Test void waitingForInputHoldsOnlyTheSmallBuffer() throws IOException {
        SessionInput in = new SessionInput(quiet("a1 IDLE\r\n".getBytes()), 16 * 1024);
        byte[] line = new byte[9];
        int n = 0;
        while (n < line.length) n += in.read(line, n, line.length - n);
        assertEquals("a1 IDLE\r\n", new String(line));
        assertFalse(in.holdsBuffer(), "nothing was ready: read with the small buffer");
        assertEquals(-1, in.read());

        SessionInput busy = new SessionInput(new ByteArrayInputStream(new byte[20_000]), 16 * 1024);
        assertEquals(0, busy.read());
        assertTrue(busy.holdsBuffer(), "more was ready: the large buffer");
    }
}
