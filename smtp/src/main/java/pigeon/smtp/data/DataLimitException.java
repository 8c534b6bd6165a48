package pigeon.smtp.data;

import java.io.IOException;

/** Message data went over a limit; the stream that threw keeps throwing it. */
public final class DataLimitException extends IOException {
    public enum Limit { MESSAGE_SIZE, LINE_LENGTH }

    private final Limit limit;

    public DataLimitException(Limit limit, long value) {
        super((limit == Limit.MESSAGE_SIZE ? "message larger than " : "line longer than ") + value + " octets");
        this.limit = limit;
    }

    public Limit limit() { return limit; }
}
