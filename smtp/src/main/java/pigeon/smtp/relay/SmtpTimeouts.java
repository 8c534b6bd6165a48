package pigeon.smtp.relay;

import java.time.Duration;
import java.util.stream.Stream;

/**
 * How long the client waits, per RFC 5321 §4.5.3.2 (whose values are the defaults).
 *
 * @param connect         TCP connection set-up (not in the RFC; 30 s)
 * @param greeting        the 220 greeting (§4.5.3.2.1: 5 min)
 * @param command         MAIL, RCPT, and the other short commands: EHLO, STARTTLS, RSET, QUIT (§4.5.3.2.2–3: 5 min)
 * @param dataInit        the 354 after DATA (§4.5.3.2.4: 2 min)
 * @param dataBlock       each write of message data (§4.5.3.2.5: 3 min)
 * @param dataTermination the reply after the final "." (§4.5.3.2.6: 10 min)
 */
public record SmtpTimeouts(Duration connect, Duration greeting, Duration command, Duration dataInit, Duration dataBlock,
                           Duration dataTermination) {
    public static final SmtpTimeouts RFC_5321 = new SmtpTimeouts(Duration.ofSeconds(30), Duration.ofMinutes(5),
            Duration.ofMinutes(5), Duration.ofMinutes(2), Duration.ofMinutes(3), Duration.ofMinutes(10));

    public SmtpTimeouts {
        if (Stream.of(connect, greeting, command, dataInit, dataBlock, dataTermination)
                .anyMatch(d -> d == null || d.isNegative() || d.isZero() || d.toMillis() > Integer.MAX_VALUE))
            throw new IllegalArgumentException("timeouts must be positive and below 24 days");
    }

    /** The same wait everywhere (for tests). */
    public static SmtpTimeouts all(Duration d) { return new SmtpTimeouts(d, d, d, d, d, d); }
}
