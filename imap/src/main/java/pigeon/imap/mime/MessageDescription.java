package pigeon.imap.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/**
 * What IMAP needs to know about a stored message, computed once at delivery: its size, its
 * ENVELOPE, its MIME structure (for BODY and BODYSTRUCTURE), and where each section lies in
 * the stored octets (for BODY[section] and BINARY[section]). Serialise it with
 * {@link #encode()} / {@link #decode(byte[])}; render it with {@link ImapRenderer}.
 *
 * <p>Part paths are IMAP part numbers (RFC 9051 §6.4.5): {@code section(1, 2)} is
 * {@code BODY[1.2]}; an empty path is the whole message.
 */
public record MessageDescription(long size, Envelope envelope, MimePart body) {

    /**
     * Reads a message once, start to end, and describes it. The stream should hold exactly the
     * octets that are stored (offsets refer to them); CRLF is expected, bare LF is tolerated.
     * Memory use does not grow with the message size. The stream is not closed.
     */
    public static MessageDescription parse(InputStream message) throws IOException {
        return MimeScanner.scan(message);
    }

    /** The compact serialised form, see {@link DescriptionCodec}. */
    public byte[] encode() {
        return DescriptionCodec.encode(this);
    }

    public static MessageDescription decode(byte[] encoded) {
        return DescriptionCodec.decode(encoded);
    }

    /**
     * The part with this IMAP part number. A message that is not multipart has only a part 1
     * (its body); inside a MESSAGE/RFC822 part, numbers continue into the encapsulated message.
     */
    public Optional<MimePart> part(int... path) {
        MimePart current = body;
        boolean messageLevel = true; // current is the body of a message, not a numbered part yet
        for (int n : path) {
            if (n < 1) return Optional.empty();
            if (!messageLevel && current instanceof SinglePart s && s.message() != null) {
                current = s.message().body();
                messageLevel = true;
            }
            if (current instanceof MultiPart m) {
                if (n > m.parts().size()) return Optional.empty();
                current = m.parts().get(n - 1);
            } else if (!messageLevel || n != 1) {
                return Optional.empty();
            }
            messageLevel = false;
        }
        return Optional.of(current);
    }

    /** BODY[section]: the whole message for an empty path, else the part's body. */
    public Optional<Range> section(int... path) {
        if (path.length == 0) return Optional.of(new Range(0, size));
        return part(path).map(p -> p.span().body());
    }

    /** BODY[section.MIME]: the part's MIME header, blank line included (RFC 9051 §6.4.5). */
    public Optional<Range> mime(int... path) {
        if (path.length == 0) return Optional.empty();
        return part(path).map(p -> p.span().header());
    }

    /** BODY[HEADER] or BODY[section.HEADER] of a MESSAGE/RFC822 part. */
    public Optional<Range> header(int... path) {
        return message(path).map(m -> m.span().header());
    }

    /** BODY[TEXT] or BODY[section.TEXT] of a MESSAGE/RFC822 part. */
    public Optional<Range> text(int... path) {
        return message(path).map(m -> m.span().body());
    }

    /** The top-level body of the message at {@code path}: the whole message, or an encapsulated one. */
    private Optional<MimePart> message(int... path) {
        if (path.length == 0) return Optional.of(body);
        return part(path).flatMap(p -> p instanceof SinglePart s && s.message() != null
                ? Optional.of(s.message().body()) : Optional.empty());
    }
}
