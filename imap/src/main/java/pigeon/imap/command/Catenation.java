package pigeon.imap.command;

import java.io.IOException;
import java.util.Optional;

/**
 * RFC 4469 CATENATE: {@code CATENATE SP "(" cat-part *(SP cat-part) ")"}, the parts handed out one at a
 * time, because each is parsed from what follows the one before it on the wire. A TEXT part's literal is
 * a {@link MessageLiteral} under that type's contract: the handler reads it to its end before it asks for
 * the next part, or stops (refuses the command) and never asks again; the reader skips the rest.
 */
public non-sealed interface Catenation extends AppendData {
    /** One {@code cat-part}. */
    sealed interface Part permits Text, Url {}

    /** {@code "TEXT" SP literal}: octets of the new message, on the wire. */
    record Text(MessageLiteral literal) implements Part {}

    /** {@code "URL" SP astring}: an IMAP URL (RFC 5092) of a message or part on this server, as sent. */
    record Url(String url) implements Part {}

    /**
     * The next part, or empty after the last one (then {@link #next()} may be called).
     *
     * @throws MessageLiteralException when what follows breaks the grammar (the reader skips the rest)
     * @throws IllegalStateException when the TEXT part before was opened and not read to its end
     */
    Optional<Part> nextPart() throws IOException;
}
