package pigeon.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.util.concurrent.atomic.AtomicLong;
import org.h2.store.fs.FileBase;
import org.h2.store.fs.FilePath;
import org.h2.store.fs.FilePathWrapper;

/**
 * An H2 file system ({@code jdbc:h2:synccount:/path}) that is the disk, with every
 * {@link FileChannel#force} counted: what is sure to survive a power loss is what an
 * fsync (force) covered, so counting forces is counting durability points. H2 makes one instance per
 * path by reflection (hence public, and the static counters).
 */
public final class SyncCountingFiles extends FilePathWrapper {
    static final String SCHEME = "synccount";
    /** Forces begun, numbered from 1 in the order they begin. */
    private static final AtomicLong begun = new AtomicLong();
    /** The highest number of a force that has finished. */
    private static final AtomicLong finished = new AtomicLong();

    static { FilePath.register(new SyncCountingFiles()); }

    /** A JDBC URL of {@link StoreConfig#h2File} with its files on this file system. */
    static StoreConfig h2File(java.nio.file.Path dir, String password) {
        StoreConfig c = StoreConfig.h2File(dir, password);
        String url = c.jdbcUrl().replaceFirst("^jdbc:h2:file:", "jdbc:h2:" + SCHEME + ":");
        return new StoreConfig(url, c.user(), c.password(), c.poolSize(), c.blobType(), c.varbinaryType(), c.flushSql());
    }

    /** How many forces have begun so far. */
    static long begun() { return begun.get(); }

    /** Whether a force that began after {@code mark} (a value of {@link #begun}) has finished. */
    static boolean finishedSince(long mark) { return finished.get() > mark; }

    @Override public String getScheme() { return SCHEME; }

    @Override public FileChannel open(String mode) throws IOException { return new Counting(getBase().open(mode)); }

    private static final class Counting extends FileBase {
        private final FileChannel channel;

        Counting(FileChannel channel) { this.channel = channel; }

        @Override public void force(boolean metaData) throws IOException {
            long n = begun.incrementAndGet();
            channel.force(metaData);
            finished.accumulateAndGet(n, Math::max);
        }

        @Override public long position() throws IOException { return channel.position(); }
        @Override public FileChannel position(long p) throws IOException { channel.position(p); return this; }
        @Override public long size() throws IOException { return channel.size(); }
        @Override public int read(ByteBuffer dst) throws IOException { return channel.read(dst); }
        @Override public int read(ByteBuffer dst, long position) throws IOException { return channel.read(dst, position); }
        @Override public int write(ByteBuffer src) throws IOException { return channel.write(src); }
        @Override public int write(ByteBuffer src, long position) throws IOException { return channel.write(src, position); }
        @Override public FileChannel truncate(long size) throws IOException { channel.truncate(size); return this; }
        @Override public FileLock tryLock(long position, long size, boolean shared) throws IOException { return channel.tryLock(position, size, shared); }
        @Override protected void implCloseChannel() throws IOException { channel.close(); }
    }
}
