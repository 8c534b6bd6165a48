package pigeon.imap.decode;

import java.util.Optional;

/** A command broke the grammar or a limit. Package-private: the reader turns it into a {@link ParseError}. */
final class SyntaxException extends Exception {
    final ParseError.Status status;
    final Optional<String> code;
    /** Whether the text stands alone; otherwise the reader prefixes the command name. */
    final boolean general;

    private SyntaxException(String text, ParseError.Status status, Optional<String> code, boolean general) {
        super(text, null, false, false);
        this.status = status;
        this.code = code;
        this.general = general;
    }

    /** A grammar error within a command, e.g. "missing argument" (reported as "LOGIN: missing argument"). */
    static SyntaxException of(String text) { return new SyntaxException(text, ParseError.Status.BAD, Optional.empty(), false); }

    /** An error reported as it is, e.g. "Line too long". */
    static SyntaxException general(String text) { return new SyntaxException(text, ParseError.Status.BAD, Optional.empty(), true); }

    /** RFC 9051 §7.1 TOOBIG, with BAD (a literal argument) or NO (a message, RFC 7889). */
    static SyntaxException tooBig(String text, ParseError.Status status) {
        return new SyntaxException(text, status, Optional.of("TOOBIG"), true);
    }
}
