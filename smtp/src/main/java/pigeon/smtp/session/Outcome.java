package pigeon.smtp.session;

import java.util.Optional;
import pigeon.smtp.reply.Reply;

/** What a command did: the state it leaves the session in, and the reply (none when the client is gone). */
record Outcome(SmtpState next, Optional<Reply> reply) {
    static Outcome reply(SmtpState next, Reply reply) { return new Outcome(next, Optional.of(reply)); }

    static Outcome silent(SmtpState next) { return new Outcome(next, Optional.empty()); }
}
