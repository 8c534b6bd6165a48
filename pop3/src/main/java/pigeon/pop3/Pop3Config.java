package pigeon.pop3;

import java.time.Duration;

/**
 * Settings of the POP3 server, validated when built.
 *
 * @param hostname         this server's name, shown when a session signs off or is refused
 * @param maxLineLength    longest command line accepted, in octets without the CRLF; RFC 2449 §4
 *                         allows commands of 255 octets, so anything below 255 would refuse legal
 *                         commands. SASL responses (AUTH continuations) have their own, larger bound.
 * @param maxFailedLogins  failed USER/PASS or AUTH attempts after which the connection is closed
 * @param failedLoginDelay pause before answering a failed login, to slow down password guessing
 * @param maxErrors        {@code -ERR} replies to bad or misplaced commands after which the session is closed
 */
public record Pop3Config(String hostname, int maxLineLength, int maxFailedLogins, Duration failedLoginDelay, int maxErrors) {
    public static final int DEFAULT_MAX_ERRORS = 20;
    public static final int DEFAULT_MAX_LINE_LENGTH = 255;
    public static final int DEFAULT_MAX_FAILED_LOGINS = 3;
    public static final Duration DEFAULT_FAILED_LOGIN_DELAY = Duration.ofSeconds(2);

    public Pop3Config {
        if (hostname == null || hostname.isBlank() || hostname.chars().anyMatch(c -> c <= ' ' || c == 127))
            throw new IllegalArgumentException("pop3: hostname must be a non-empty name without spaces or control characters");
        if (maxLineLength < 255 || maxLineLength > 64 * 1024)
            throw new IllegalArgumentException("pop3: max line length must be between 255 (RFC 2449 §4) and 65536 octets");
        if (maxFailedLogins < 1) throw new IllegalArgumentException("pop3: max failed logins must be at least 1");
        if (failedLoginDelay == null || failedLoginDelay.isNegative() || failedLoginDelay.compareTo(Duration.ofMinutes(1)) > 0)
            throw new IllegalArgumentException("pop3: failed login delay must be between 0 and 1 minute");
        if (maxErrors < 1) throw new IllegalArgumentException("pop3: max errors must be at least 1");
    }

    public Pop3Config(String hostname, int maxLineLength, int maxFailedLogins, Duration failedLoginDelay) {
        this(hostname, maxLineLength, maxFailedLogins, failedLoginDelay, DEFAULT_MAX_ERRORS);
    }

    /** The defaults: 255-octet lines, 3 failed logins, 2 s delay after each failure. */
    public static Pop3Config defaults(String hostname) {
        return new Pop3Config(hostname, DEFAULT_MAX_LINE_LENGTH, DEFAULT_MAX_FAILED_LOGINS, DEFAULT_FAILED_LOGIN_DELAY);
    }
}
