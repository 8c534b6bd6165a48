package pigeon.store;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A message's bytes held between reception and commit: in memory while small, in a temporary file
 * beyond {@link #MEMORY_LIMIT}, so that a slow client never holds a database connection and a large
 * message never sits on the heap.
 */
final class Spool implements AutoCloseable {
    static final int MEMORY_LIMIT = 256 * 1024;

    private final byte[] bytes;  // the whole message, when small
    private final Path file;     // otherwise
    private final long size;

    private Spool(byte[] bytes, Path file, long size) {
        this.bytes = bytes;
        this.file = file;
        this.size = size;
    }

    /** Reads {@code in} to its end. An exception from {@code in} leaves no file behind. */
    static Spool read(InputStream in) throws IOException {
        ByteArrayOutputStream memory = new ByteArrayOutputStream(8192);
        byte[] buf = new byte[8192];
        int n;
        while ((n = in.read(buf)) > 0) {
            memory.write(buf, 0, n);
            if (memory.size() > MEMORY_LIMIT) return toFile(memory, in, buf);
        }
        return new Spool(memory.toByteArray(), null, memory.size());
    }

    private static Spool toFile(ByteArrayOutputStream head, InputStream rest, byte[] buf) throws IOException {
        Path file = Files.createTempFile("pigeon-spool-", ".eml");
        try (OutputStream out = Files.newOutputStream(file)) {
            head.writeTo(out);
            long size = head.size();
            int n;
            while ((n = rest.read(buf)) > 0) {
                out.write(buf, 0, n);
                size += n;
            }
            return new Spool(null, file, size);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    static Spool of(byte[] bytes) { return new Spool(bytes, null, bytes.length); }

    long size() { return size; }

    InputStream open() throws IOException {
        return bytes != null ? new ByteArrayInputStream(bytes) : Files.newInputStream(file);
    }

    @Override public void close() {
        if (file != null) {
            try { Files.deleteIfExists(file); } catch (IOException ignored) { /* temp dir is cleaned eventually */ }
        }
    }
}
