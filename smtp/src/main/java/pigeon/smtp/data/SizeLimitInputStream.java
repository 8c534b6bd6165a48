package pigeon.smtp.data;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Passes at most {@code limit} octets; one more, and it throws {@link DataLimitException} from then on. */
public final class SizeLimitInputStream extends FilterInputStream {
    private final long limit;
    private long count;
    private boolean exceeded;

    public SizeLimitInputStream(InputStream in, long limit) {
        super(in);
        this.limit = limit;
    }

    @Override public int read() throws IOException {
        check();
        int b = in.read();
        if (b >= 0) count(1);
        return b;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        check();
        // Ask for one octet past the limit at most: enough to notice, never much more.
        int n = in.read(b, off, (int) Math.min(len, limit - count + 1));
        if (n > 0) count(n);
        return n;
    }

    @Override public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(n, 8192)];
        int r = read(buf, 0, buf.length);
        return Math.max(r, 0);
    }

    @Override public boolean markSupported() { return false; }

    /** Octets passed so far. */
    public long count() { return count; }

    public boolean exceeded() { return exceeded; }

    private void count(int n) throws DataLimitException {
        count += n;
        if (count > limit) {
            exceeded = true;
            check();
        }
    }

    private void check() throws DataLimitException {
        if (exceeded) throw new DataLimitException(DataLimitException.Limit.MESSAGE_SIZE, limit);
    }
}
