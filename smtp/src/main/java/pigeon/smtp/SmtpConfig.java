package pigeon.smtp;

import java.time.Duration;
import java.util.regex.Pattern;

/**
 * How the SMTP server behaves; immutable, checked when built.
 *
 * @param hostname             this server's name, in the greeting, the EHLO reply and the Received
 *                             header; bare {@code RCPT TO:<Postmaster>} goes to {@code postmaster@hostname}
 * @param maxMessageSize       the largest message accepted, in octets as received (CRLF line endings,
 *                             dot-stuffing removed, before our trace headers); advertised as SIZE (RFC 1870)
 * @param maxRecipients        accepted recipients per transaction; more get 452 4.5.3. RFC 5321
 *                             §4.5.3.1.8 asks for at least 100 (smaller values are allowed, for tests)
 * @param maxCommandLineLength octets of a command line, CRLF included. RFC 5321 §4.5.3.1.4 says 512, but
 *                             extensions lengthen it (SIZE, BODY and SMTPUTF8 parameters, UTF-8 addresses
 *                             that take up to four octets per character, AUTH= later): 2048 by default
 * @param maxTextLineLength    octets of one line of message data, CRLF included. RFC 5321 §4.5.3.1.6 says
 *                             1000 (and RFC 5322 §2.1.1 the same), but badly made HTML mail routinely exceeds
 *                             it; 10000 by default keeps such mail coming while still refusing a "message"
 *                             that is one endless line. A longer line: the message is read to its end,
 *                             discarded, and answered {@code 500 5.6.0} (RFC 5321 §4.5.3.1.10)
 * @param maxErrors            failed commands (5xx replies) a session may collect before it gets
 *                             {@code 421 4.7.0 Too many errors} and is closed
 * @param authRequired         a submission listener (RFC 6409 §4.3): MAIL before a successful AUTH gets
 *                             {@code 530 5.7.0}. False for the MX listener, which still accepts AUTH so
 *                             that one port can serve a person typing by hand
 * @param failedAuthDelay      pause before answering a failed AUTH, to slow down password guessing
 *                             (the POP3 server's failed-login delay alike); zero for none, at most a minute
 */
public record SmtpConfig(String hostname, long maxMessageSize, int maxRecipients, int maxCommandLineLength,
                         int maxTextLineLength, int maxErrors, boolean authRequired, Duration failedAuthDelay) {
    public static final long DEFAULT_MAX_MESSAGE_SIZE = 25L * 1024 * 1024;
    public static final int DEFAULT_MAX_RECIPIENTS = 100;
    public static final int DEFAULT_MAX_COMMAND_LINE_LENGTH = 2048;
    public static final int DEFAULT_MAX_TEXT_LINE_LENGTH = 10_000;
    public static final int DEFAULT_MAX_ERRORS = 20;
    public static final Duration DEFAULT_FAILED_AUTH_DELAY = Duration.ofSeconds(1);

    private static final Pattern HOSTNAME =
            Pattern.compile("(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*");

    public SmtpConfig {
        if (hostname == null || !HOSTNAME.matcher(hostname).matches())
            throw new IllegalArgumentException("smtp: hostname must be a domain name, got " + hostname);
        if (maxMessageSize < 1) throw new IllegalArgumentException("smtp: max message size must be positive");
        if (maxRecipients < 1) throw new IllegalArgumentException("smtp: max recipients must be at least 1 (RFC 5321 asks for 100)");
        // RFC 5321 §4.5.3.1: the minimum lengths every implementation must accept.
        if (maxCommandLineLength < 512) throw new IllegalArgumentException("smtp: max command line length must be at least 512 (RFC 5321 §4.5.3.1.4)");
        if (maxTextLineLength < 1000) throw new IllegalArgumentException("smtp: max text line length must be at least 1000 (RFC 5321 §4.5.3.1.6)");
        if (maxErrors < 1) throw new IllegalArgumentException("smtp: max errors must be at least 1");
        if (failedAuthDelay == null || failedAuthDelay.isNegative() || failedAuthDelay.compareTo(Duration.ofMinutes(1)) > 0)
            throw new IllegalArgumentException("smtp: failed AUTH delay must be between 0 and 1 minute");
    }

    /** An MX listener's settings: AUTH accepted but not required, the default failed-AUTH delay. */
    public SmtpConfig(String hostname, long maxMessageSize, int maxRecipients, int maxCommandLineLength,
                      int maxTextLineLength, int maxErrors) {
        this(hostname, maxMessageSize, maxRecipients, maxCommandLineLength, maxTextLineLength, maxErrors,
                false, DEFAULT_FAILED_AUTH_DELAY);
    }

    /** The defaults above, for {@code hostname}: an MX listener. */
    public SmtpConfig(String hostname) {
        this(hostname, DEFAULT_MAX_MESSAGE_SIZE, DEFAULT_MAX_RECIPIENTS, DEFAULT_MAX_COMMAND_LINE_LENGTH,
                DEFAULT_MAX_TEXT_LINE_LENGTH, DEFAULT_MAX_ERRORS);
    }

    public SmtpConfig withMaxMessageSize(long size) {
        return new SmtpConfig(hostname, size, maxRecipients, maxCommandLineLength, maxTextLineLength, maxErrors,
                authRequired, failedAuthDelay);
    }

    public SmtpConfig withMaxRecipients(int n) {
        return new SmtpConfig(hostname, maxMessageSize, n, maxCommandLineLength, maxTextLineLength, maxErrors,
                authRequired, failedAuthDelay);
    }

    /** The same settings for a submission listener (true) or an MX listener (false). */
    public SmtpConfig withAuthRequired(boolean required) {
        return new SmtpConfig(hostname, maxMessageSize, maxRecipients, maxCommandLineLength, maxTextLineLength, maxErrors,
                required, failedAuthDelay);
    }

    public SmtpConfig withFailedAuthDelay(Duration delay) {
        return new SmtpConfig(hostname, maxMessageSize, maxRecipients, maxCommandLineLength, maxTextLineLength, maxErrors,
                authRequired, delay);
    }
}
