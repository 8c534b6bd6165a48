package pigeon.imap.command;

import java.io.IOException;

/**
 * A command whose message literal is being read turned out to be malformed (RFC 9051 §4.3: NUL in a
 * literal; anything but CRLF after APPEND's message). The message must not be stored; the session
 * answers {@code tag BAD} with {@link #getMessage()}. The reader has already skipped the rest of the
 * command, so the connection stays usable.
 */
public final class MessageLiteralException extends IOException {
    public MessageLiteralException(String message) { super(message); }
}
