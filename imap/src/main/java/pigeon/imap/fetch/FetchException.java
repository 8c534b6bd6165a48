package pigeon.imap.fetch;

import java.util.Optional;

/**
 * A FETCH item that cannot be answered for a message. Thrown before anything of the message's
 * response is written, so the session can end the command with a tagged {@code NO}.
 */
public final class FetchException extends Exception {
    @java.io.Serial
    private static final long serialVersionUID = 1L;

    public enum Kind {
        /**
         * BINARY or BINARY.SIZE of a part whose Content-Transfer-Encoding the server cannot undo:
         * {@code NO [UNKNOWN-CTE]} (RFC 3516 §4.3, RFC 9051 §7.1).
         */
        UNKNOWN_CTE
    }

    private final Kind kind;

    FetchException(Kind kind, String message) {
        super(message);
        this.kind = kind;
    }

    public Kind kind() {
        return kind;
    }

    /** The response code for the tagged NO, e.g. {@code UNKNOWN-CTE}; empty when there is none. */
    public Optional<String> responseCode() {
        return kind == Kind.UNKNOWN_CTE ? Optional.of("UNKNOWN-CTE") : Optional.empty();
    }
}
