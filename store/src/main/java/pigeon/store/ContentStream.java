package pigeon.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A stored message's bytes, or a range of them, read straight from the open result: the stream
 * holds a pooled connection until it is closed.
 */
final class ContentStream extends FilterInputStream {
    private final Connection connection;
    private long remaining;

    private ContentStream(InputStream in, long length, Connection connection) {
        super(in);
        this.remaining = length;
        this.connection = connection;
    }

    /**
     * Octets {@code offset} to {@code offset + length} of the message, cut at its end: an offset
     * at or beyond the end gives an empty stream (RFC 9051 §6.4.5: a partial fetch past the end
     * returns the empty string).
     */
    static InputStream open(Jdbc jdbc, long messageId, long offset, long length) {
        Connection c = null;
        try {
            c = jdbc.open();
            PreparedStatement s = c.prepareStatement("SELECT size, content FROM messages WHERE id = ?");
            s.setLong(1, messageId);
            ResultSet r = s.executeQuery();
            if (!r.next()) throw new StoreException("no message " + messageId, null);
            long size = r.getLong(1);
            long from = Math.min(offset, size);
            long n = Math.min(length, size - from);
            if (n == 0) {
                c.close();
                return InputStream.nullInputStream();
            }
            // Portable (PostgreSQL's BYTEA has no Blob); H2's own Blob.getBinaryStream(pos, length) skips the same way.
            InputStream in = r.getBinaryStream(2);
            in.skipNBytes(from);
            return new ContentStream(in, n, c);
        } catch (SQLException | IOException | RuntimeException e) {
            if (c != null) {
                try { c.close(); } catch (SQLException ignored) { /* returning it to the pool anyway */ }
            }
            if (e instanceof StoreException se) throw se;
            throw new StoreException("read message " + messageId + " failed", e);
        }
    }

    @Override public int read() throws IOException {
        if (remaining <= 0) return -1;
        int b = super.read();
        if (b >= 0) remaining--;
        return b;
    }

    @Override public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        if (remaining <= 0) return -1;
        int n = super.read(b, off, (int) Math.min(len, remaining));
        if (n > 0) remaining -= n;
        return n;
    }

    @Override public long skip(long n) throws IOException {
        long done = super.skip(Math.min(n, remaining));
        remaining -= done;
        return done;
    }

    @Override public int available() throws IOException { return (int) Math.min(super.available(), remaining); }

    @Override public boolean markSupported() { return false; }

    @Override public void close() throws IOException {
        try { super.close(); } finally {
            try { connection.close(); } catch (SQLException ignored) { /* returning it to the pool anyway */ }
        }
    }
}
