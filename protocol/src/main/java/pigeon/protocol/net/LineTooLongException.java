package pigeon.protocol.net;

import java.io.IOException;

/** A line exceeded the limit; the rest of it has been read and discarded. */
public final class LineTooLongException extends IOException {
    private final int limit;

    public LineTooLongException(int limit) {
        super("line longer than " + limit + " octets");
        this.limit = limit;
    }

    public int limit() { return limit; }
}
