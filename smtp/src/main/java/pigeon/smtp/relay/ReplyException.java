package pigeon.smtp.relay;

import java.io.IOException;

/** The server refused a step that the connection cannot go on without (greeting, HELO, RSET). */
final class ReplyException extends IOException {
    private final SmtpReply reply;

    ReplyException(String step, SmtpReply reply) {
        super(step + ": " + reply);
        this.reply = reply;
    }

    SmtpReply reply() { return reply; }
}
