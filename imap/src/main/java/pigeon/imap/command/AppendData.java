package pigeon.imap.command;

import java.io.IOException;
import java.util.Optional;

/**
 * What one message of an APPEND is made of (RFC 3502 {@code append-data}): a message literal, or RFC
 * 4469's CATENATE list of parts. Either is still on the wire when the command is handed over.
 */
public sealed interface AppendData permits MessageLiteral, Catenation {
    /**
     * RFC 3502 MULTIAPPEND: once this message was read to its end, the next message of the same APPEND
     * ({@code SP [flag-list SP] [date-time SP] append-data}), parsed from what follows on the wire; empty
     * when the command ended there. Its data is the next on the wire, under the same contract.
     *
     * @throws MessageLiteralException when what follows breaks the grammar or a limit (the reader skips
     *     the rest of the command)
     * @throws IllegalStateException before this message was read to its end
     */
    Optional<ImapCommand.AppendMessage> next() throws IOException;
}
