package pigeon.imap.session;

import java.util.Optional;

/**
 * A command refused ({@code NO}) or malformed beyond what the parser can see ({@code BAD}); the state
 * stays as it was. The session turns it into the tagged reply, in one place.
 */
public final class ImapException extends Exception {
    private final Outcome.Status status;
    private final Optional<String> code;

    private ImapException(Outcome.Status status, Optional<String> code, String text) {
        super(text, null, false, false);
        this.status = status;
        this.code = code;
    }

    /** {@code NO [code] text}; code may be null. */
    public static ImapException no(String code, String text) { return new ImapException(Outcome.Status.NO, Optional.ofNullable(code), text); }

    public static ImapException bad(String text) { return new ImapException(Outcome.Status.BAD, Optional.empty(), text); }

    public Outcome.Status status() { return status; }

    public Optional<String> code() { return code; }

    Outcome outcome(ImapState state) { return new Outcome(state, status, code, getMessage()); }
}
