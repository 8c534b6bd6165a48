package pigeon.store;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A stored message's bytes, or a range of them, copied out of the database before the caller
 * sees the first octet (into memory while small, a temporary file beyond that: {@link Spool}).
 * The pooled connection is back in the pool before anything is written to a client, so that
 * clients that stop reading in the middle of a FETCH or RETR cannot hold every connection and
 * stall delivery for everyone.
 */
final class ContentStream extends FilterInputStream {
    private final Spool spool;

    private ContentStream(Spool spool) throws IOException {
        super(spool.open());
        this.spool = spool;
    }

    /**
     * Octets {@code offset} to {@code offset + length} of the message, cut at its end: an offset
     * at or beyond the end gives an empty stream (RFC 9051 §6.4.5: a partial fetch past the end
     * returns the empty string).
     */
    static InputStream open(Jdbc jdbc, long messageId, long offset, long length) {
        try (Connection c = jdbc.open();
             PreparedStatement s = c.prepareStatement("SELECT size, content FROM messages WHERE id = ?")) {
            s.setLong(1, messageId);
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) throw new MessageGoneException(messageId);
                long size = r.getLong(1);
                long from = Math.min(offset, size);
                long n = Math.min(length, size - from);
                if (n == 0) return InputStream.nullInputStream();
                // Portable (PostgreSQL's BYTEA has no Blob); H2's own Blob.getBinaryStream(pos, length) skips the same way.
                try (InputStream in = r.getBinaryStream(2)) {
                    in.skipNBytes(from);
                    return new ContentStream(Spool.read(new BoundedInputStream(in, n)));
                }
            }
        } catch (SQLException | IOException e) {
            throw new StoreException("read message " + messageId + " failed", e);
        }
    }

    @Override public boolean markSupported() { return false; }

    @Override public void close() throws IOException {
        try { super.close(); } finally { spool.close(); }
    }

    /** The first {@code limit} octets of a stream. */
    private static final class BoundedInputStream extends FilterInputStream {
        private long remaining;

        BoundedInputStream(InputStream in, long limit) {
            super(in);
            this.remaining = limit;
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
    }
}
