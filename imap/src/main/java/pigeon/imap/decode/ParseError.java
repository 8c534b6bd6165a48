package pigeon.imap.decode;

import java.util.Optional;

/**
 * A command the parser rejected. The reader has already skipped the rest of it, so the session only
 * sends {@link #response()} (one line, CRLF to be added) and reads the next command; unless
 * {@link #fatal()}, then it sends {@code * BYE} and closes the connection.
 *
 * @param tag    the command's tag, if one could be read
 * @param status BAD for syntax and limits, NO for a message over the size limit (RFC 7889)
 * @param code   a response code such as TOOBIG (RFC 9051 §7.1)
 * @param text   human-readable; never echoes more than a command name from the client
 * @param fatal  the input can't be brought back in step with the client (a huge non-synchronising literal)
 */
public record ParseError(Optional<String> tag, Status status, Optional<String> code, String text, boolean fatal) implements ReadResult {
    public enum Status { BAD, NO }

    /** E.g. {@code a1 BAD [TOOBIG] Literal too large} or {@code * BAD Invalid tag}. */
    public String response() {
        return tag.orElse("*") + " " + status + " " + code.map(c -> "[" + c + "] ").orElse("") + text;
    }
}
