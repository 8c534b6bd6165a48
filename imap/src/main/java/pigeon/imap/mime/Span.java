package pigeon.imap.mime;

/**
 * Where an entity (a message or a body part) lies in the stored message bytes: its header
 * starts at {@code start} and is {@code headerLength} octets long (the blank line that ends it
 * included, when there is one); the body follows immediately and is {@code bodyLength} octets.
 * For a part of a multipart, the CRLF before the next boundary belongs to the boundary
 * (RFC 2046 §5.1.1), not to the part.
 */
public record Span(long start, long headerLength, long bodyLength) {
    public Span {
        if (start < 0 || headerLength < 0 || bodyLength < 0) throw new IllegalArgumentException("negative span");
    }

    public long bodyStart() {
        return start + headerLength;
    }

    public long end() {
        return bodyStart() + bodyLength;
    }

    /** The header, as an octet range. */
    public Range header() {
        return new Range(start, headerLength);
    }

    /** The body, as an octet range. */
    public Range body() {
        return new Range(bodyStart(), bodyLength);
    }

    /** Header and body together. */
    public Range whole() {
        return new Range(start, headerLength + bodyLength);
    }
}
