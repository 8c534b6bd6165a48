package pigeon.imap.decode;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client sends, in chunks: chunk {@code i > 0} only becomes readable after the reader has sent
 * {@code i} continuations, the way a client waits for {@code +} before a synchronising literal's
 * octets. Reading further without one fails the test instead of blocking.
 */
final class Wire extends InputStream {
    private final List<byte[]> chunks = new ArrayList<>();
    private int chunk, pos;
    int continuations;

    /** The first chunk is sent at once; each further one waits for a continuation. */
    Wire(String... parts) {
        for (String p : parts) chunks.add(p.getBytes(StandardCharsets.UTF_8));
    }

    static Wire bytes(byte[] data) {
        Wire w = new Wire();
        w.chunks.add(data);
        return w;
    }

    Continuation continuation() { return () -> continuations++; }

    /** Octets not yet read. */
    int unread() {
        int n = 0;
        for (int i = chunk; i < chunks.size(); i++) n += chunks.get(i).length - (i == chunk ? pos : 0);
        return n;
    }

    @Override public int read() {
        while (chunk < chunks.size() && pos == chunks.get(chunk).length) {
            if (chunk + 1 < chunks.size() && continuations < chunk + 1)
                throw new AssertionError("read past a synchronising literal before the continuation was sent");
            chunk++;
            pos = 0;
        }
        if (chunk == chunks.size()) return -1;
        return chunks.get(chunk)[pos++] & 0xff;
    }

    @Override public int read(byte[] b, int off, int len) {
        if (len == 0) return 0;
        int first = read();
        if (first < 0) return -1;
        b[off] = (byte) first;
        int n = 1;
        while (n < len && chunk < chunks.size() && pos < chunks.get(chunk).length) b[off + n++] = chunks.get(chunk)[pos++];
        return n;
    }
}
