package pigeon.protocol.net;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SessionOutputTest {
    /** Records the size of every write that reaches the "socket". */
    static final class Recording extends OutputStream {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final List<Integer> writes = new ArrayList<>();
        int flushes;

        @Override public void write(int b) { writes.add(1); bytes.write(b); }
        @Override public void write(byte[] b, int off, int len) { writes.add(len); bytes.write(b, off, len); }
        @Override public void flush() { flushes++; }
    }

    @Test void aReplyGoesOutInOneWriteAndTheBufferIsLetGoAtFlush() throws IOException {
        Recording socket = new Recording();
        SessionOutput out = new SessionOutput(socket, 64);
        assertFalse(out.holdsBuffer());
        out.write("* 1 EXISTS\r\n".getBytes());
        out.write('a');
        out.write("1 OK done\r\n".getBytes());
        assertTrue(out.holdsBuffer());
        assertEquals(List.of(), socket.writes, "nothing before the flush");
        out.flush();
        assertEquals(List.of(24), socket.writes);
        assertEquals(1, socket.flushes);
        assertFalse(out.holdsBuffer(), "no buffer kept between replies");
        assertEquals("* 1 EXISTS\r\na1 OK done\r\n", socket.bytes.toString());
    }

    @Test void fullBuffersDrainAndLargeWritesGoStraightThroughInOrder() throws IOException {
        Recording socket = new Recording();
        SessionOutput out = new SessionOutput(socket, 8);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        byte[] big = new byte[20];
        for (int i = 0; i < big.length; i++) big[i] = (byte) ('A' + i);
        for (int round = 0; round < 3; round++) {
            out.write("12345".getBytes());
            expected.write("12345".getBytes());
            out.write(big);
            expected.write(big);
            for (int i = 0; i < 11; i++) {
                out.write('0' + i % 10);
                expected.write('0' + i % 10);
            }
        }
        out.flush();
        assertEquals(expected.toString(), socket.bytes.toString());
        assertTrue(socket.writes.contains(20), "a large write bypasses the buffer: " + socket.writes);
        assertTrue(socket.writes.stream().allMatch(n -> n <= 20));
    }
}
