package pigeon.imap.search;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import pigeon.imap.message.MessageView;
import pigeon.imap.mime.MessageDescription;

/** A MessageView over an in-memory message that records which byte ranges were opened. */
final class TestMessage implements MessageView {
    private final int seq;
    private final long uid;
    private final long modSeq;
    private final Set<String> flags;
    private final java.time.OffsetDateTime internalDate;
    private final byte[] bytes;
    private final MessageDescription description;
    final List<long[]> opened = new ArrayList<>();

    private TestMessage(int seq, long uid, long modSeq, Set<String> flags, java.time.OffsetDateTime internalDate, byte[] bytes) {
        this.seq = seq;
        this.uid = uid;
        this.modSeq = modSeq;
        this.flags = Set.copyOf(flags);
        this.internalDate = internalDate;
        this.bytes = bytes;
        try {
            this.description = MessageDescription.parse(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message from text with LF line ends (made CRLF), encoded in UTF-8. */
    static Builder of(int seq, long uid, String text) {
        return new Builder(seq, uid, crlf(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A message from text encoded in the given charset (for 8-bit bodies in legacy charsets). */
    static Builder of(int seq, long uid, String text, Charset charset) {
        return new Builder(seq, uid, crlf(text.getBytes(charset)));
    }

    static final class Builder {
        private final int seq;
        private final long uid;
        private final byte[] bytes;
        private long modSeq = 1;
        private Set<String> flags = Set.of();
        private java.time.OffsetDateTime internal = java.time.OffsetDateTime.parse("2024-01-10T12:00:00Z");

        private Builder(int seq, long uid, byte[] bytes) {
            this.seq = seq;
            this.uid = uid;
            this.bytes = bytes;
        }

        Builder modSeq(long n) { modSeq = n; return this; }
        Builder flags(String... f) { flags = Set.of(f); return this; }
        /** ISO date-time with offset ({@code Z} for UTC): the internal date and its zone. */
        Builder internal(String isoDateTime) { internal = java.time.OffsetDateTime.parse(isoDateTime); return this; }
        TestMessage build() { return new TestMessage(seq, uid, modSeq, flags, internal, bytes); }
    }

    static byte[] crlf(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + b.length / 20);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' && (i == 0 || b[i - 1] != '\r')) out.write('\r');
            out.write(b[i]);
        }
        return out.toByteArray();
    }

    /** Whether anything beyond {@code [0, headerEnd)} was read. */
    boolean openedBeyond(long headerEnd) {
        return opened.stream().anyMatch(r -> r[0] + r[1] > headerEnd);
    }

    long headerLength() {
        return description.body().span().headerLength();
    }

    @Override public int seq() { return seq; }
    @Override public long uid() { return uid; }
    @Override public long modSeq() { return modSeq; }
    @Override public Set<String> flags() { return flags; }
    @Override public java.time.OffsetDateTime internalDate() { return internalDate; }
    @Override public long size() { return bytes.length; }
    @Override public MessageDescription description() { return description; }

    @Override
    public InputStream open(long offset, long length) {
        opened.add(new long[] {offset, length});
        return new ByteArrayInputStream(bytes, (int) offset, (int) Math.min(length, bytes.length - offset));
    }

    @Override public String toString() { return "#" + seq; }
}
