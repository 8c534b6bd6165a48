package pigeon.imap.decode;

import java.io.IOException;

/**
 * An APPEND was refused in the middle of its command, and the client goes on sending a
 * non-synchronising literal ({@code {n+}}) larger than the reader may throw away
 * ({@link ImapLimits#maxDiscardSize()}): the input cannot be brought back in step with the client,
 * and the session must close the connection (as for a fatal {@link ParseError}).
 */
public final class InputOutOfStepException extends IOException {
    InputOutOfStepException() {
        super("client input out of step after APPEND: literal too large to skip");
    }
}
