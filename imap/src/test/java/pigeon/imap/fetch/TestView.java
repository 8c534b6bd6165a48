package pigeon.imap.fetch;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import pigeon.imap.message.MessageView;
import pigeon.imap.mime.MessageDescription;
import pigeon.imap.mime.Range;

/** A message in memory, described by {@link MessageDescription#parse}; records the ranges read. */
final class TestView implements MessageView {
    final byte[] bytes;
    final MessageDescription description;
    final List<Range> opened = new ArrayList<>();
    int seq = 1;
    long uid = 101;
    long modSeq = 7;
    Set<String> flags = new LinkedHashSet<>();
    Instant internalDate = Instant.parse("1996-07-17T09:44:25Z");
    /** When set, {@link #open} fails with this. */
    IOException failure;

    TestView(byte[] bytes) {
        this.bytes = bytes;
        try {
            this.description = MessageDescription.parse(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A message from a string, LF made CRLF. */
    static TestView of(String text) {
        return new TestView(crlf(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** A message from src/test/resources/mime, LF made CRLF. */
    static TestView resource(String name) {
        try (InputStream in = TestView.class.getResourceAsStream("/mime/" + name)) {
            if (in == null) throw new IllegalArgumentException("no resource " + name);
            return new TestView(crlf(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] crlf(byte[] b) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(b.length + b.length / 20);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' && (i == 0 || b[i - 1] != '\r')) out.write('\r');
            out.write(b[i]);
        }
        return out.toByteArray();
    }

    TestView flags(String... names) {
        flags = new LinkedHashSet<>(List.of(names));
        return this;
    }

    /** The stored octets of a range, as ISO-8859-1 text (one char per octet). */
    String text(Range r) {
        return new String(bytes, (int) r.offset(), (int) r.length(), StandardCharsets.ISO_8859_1);
    }

    String text() {
        return new String(bytes, StandardCharsets.ISO_8859_1);
    }

    @Override public int seq() { return seq; }
    @Override public long uid() { return uid; }
    @Override public long modSeq() { return modSeq; }
    @Override public Set<String> flags() { return flags; }
    @Override public java.time.OffsetDateTime internalDate() { return internalDate.atOffset(java.time.ZoneOffset.UTC); }
    @Override public long size() { return bytes.length; }
    @Override public MessageDescription description() { return description; }

    @Override
    public InputStream open(long offset, long length) throws IOException {
        if (failure != null) throw failure;
        if (offset < 0 || length < 0 || offset + length > bytes.length) {
            throw new IllegalArgumentException("range " + offset + "+" + length + " outside " + bytes.length);
        }
        opened.add(new Range(offset, length));
        return new ByteArrayInputStream(bytes, (int) offset, (int) length);
    }
}
