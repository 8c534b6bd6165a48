package pigeon.imap.decode;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import pigeon.imap.command.ImapCommand;

/** Shortcuts: bytes in, results out. */
final class Parse {
    private Parse() {}

    static ImapReader reader(Wire wire) { return new ImapReader(wire, wire.continuation(), ImapLimits.DEFAULTS); }

    static ImapReader reader(Wire wire, ImapLimits limits) { return new ImapReader(wire, wire.continuation(), limits); }

    /** Parses one line (CRLF added) that must be a valid command. */
    static ImapCommand command(String line) {
        ReadResult r = next(reader(new Wire(line + "\r\n")));
        if (r instanceof ParseError e) fail("expected a command, got: " + e.response());
        return assertInstanceOf(ReadResult.Parsed.class, r).command();
    }

    static <T extends ImapCommand> T command(String line, Class<T> type) { return assertInstanceOf(type, command(line)); }

    /** Parses one line (CRLF added) that must be rejected; returns the response line. */
    static String error(String line) { return parseError(line).response(); }

    static ParseError parseError(String line) {
        ReadResult r = next(reader(new Wire(line + "\r\n")));
        return assertInstanceOf(ParseError.class, r, () -> "expected an error for: " + line);
    }

    static ReadResult next(ImapReader reader) {
        try {
            return reader.next();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImapCommand nextCommand(ImapReader reader) {
        ReadResult r = next(reader);
        if (r instanceof ParseError e) fail("expected a command, got: " + e.response());
        return assertInstanceOf(ReadResult.Parsed.class, r).command();
    }
}
