package pigeon.imap.mime;

/** A run of octets in the stored message: what a FETCH BODY[section] sends. */
public record Range(long offset, long length) {
    public Range {
        if (offset < 0 || length < 0) throw new IllegalArgumentException("negative range");
    }
}
