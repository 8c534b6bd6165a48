package pigeon.imap.decode;

import pigeon.imap.command.ImapCommand;

/** What {@link ImapReader#next()} read: a command, a syntax error, or the end of the input. */
public sealed interface ReadResult permits ReadResult.Parsed, ParseError, ReadResult.EndOfInput {
    record Parsed(ImapCommand command) implements ReadResult {}

    /** The client closed the connection (a partial command is dropped). */
    record EndOfInput() implements ReadResult {}
}
