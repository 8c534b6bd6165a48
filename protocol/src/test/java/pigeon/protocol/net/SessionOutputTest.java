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
        SessionOutput out = new SessionOutput(socket, 16 * 1024);
        out.write("* 1 EXISTS\r\n".getBytes());
        out.write('a');
        out.write("1 OK done\r\n".getBytes());
        assertFalse(out.holdsBuffer(), "a short reply fits the small buffer");
        assertEquals(List.of(), socket.writes, "nothing before the flush");
        out.flush();
        assertEquals(List.of(24), socket.writes);
        assertEquals(1, socket.flushes);
        byte[] fetch = new byte[5000];
        out.write("* 1 FETCH (BODY[] {5000}\r\n".getBytes());
        out.write(fetch);
        out.write(")\r\na2 OK done\r\n".getBytes());
        assertTrue(out.holdsBuffer(), "a long reply outgrows it");
        out.flush();
        assertEquals(List.of(24, 26 + 5000 + 15), socket.writes, "still one write per reply");
        assertFalse(out.holdsBuffer(), "the large buffer is let go at the flush");
    }

    @Test void fullBuffersDrainAndLargeWritesGoStraightThroughInOrder() throws IOException {
        Recording socket = new Recording();
        SessionOutput out = new SessionOutput(socket, 8);  // at least SMALL: 1024
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        byte[] big = new byte[2000];
        for (int i = 0; i < big.length; i++) big[i] = (byte) ('A' + i % 26);
        for (int round = 0; round < 3; round++) {
            out.write("12345".getBytes());
            expected.write("12345".getBytes());
            out.write(big);
            expected.write(big);
            for (int i = 0; i < 1100; i++) {
                out.write('0' + i % 10);
                expected.write('0' + i % 10);
            }
        }
        out.flush();
        assertEquals(expected.toString(), socket.bytes.toString());
        assertTrue(socket.writes.contains(2000), "a large write bypasses the buffer: " + socket.writes);
        assertTrue(socket.writes.stream().allMatch(n -> n <= 2000));
    }
}
