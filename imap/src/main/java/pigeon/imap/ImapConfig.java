package pigeon.imap;

import java.time.Duration;
import java.util.Objects;
import pigeon.imap.decode.ImapLimits;

/**
 * Settings of the IMAP server, validated when built. The autologout timer (RFC 9051 §5.4: at least
 * 30 minutes) is the listener's read timeout, set where the listener is configured.
 *
 * @param hostname         this server's name, for logs and greetings
 * @param limits           the parser's bounds; {@link ImapLimits#maxMessageSize()} is APPEND's limit
 * @param maxFailedLogins  failed LOGIN/AUTHENTICATE attempts after which the connection is closed
 * @param failedLoginDelay pause before a failed login is answered, to slow down password guessing
 * @param maxErrors        BAD replies in one session after which it is ended with {@code * BYE}
 * @param maxSearchContexts RFC 5267 contexts (SEARCH/SORT RETURN (UPDATE)) one session may keep; more get
 *                         {@code NO [NOUPDATE]}
 */
public record ImapConfig(String hostname, ImapLimits limits, int maxFailedLogins, Duration failedLoginDelay, int maxErrors,
                         int maxSearchContexts) {
    public static final int DEFAULT_MAX_FAILED_LOGINS = 3;
    public static final int DEFAULT_MAX_ERRORS = 20;
    public static final int DEFAULT_MAX_SEARCH_CONTEXTS = 10;
    public static final Duration DEFAULT_FAILED_LOGIN_DELAY = Duration.ofSeconds(2);
    /** RFC 9051 §5.4: the inactivity autologout timer must be at least 30 minutes. */
    public static final Duration MIN_AUTOLOGOUT = Duration.ofMinutes(30);

    public ImapConfig {
        if (hostname == null || hostname.isBlank() || hostname.chars().anyMatch(c -> c <= ' ' || c == 127))
            throw new IllegalArgumentException("imap: hostname must be a non-empty name without spaces or control characters");
        Objects.requireNonNull(limits, "imap: limits");
        if (maxFailedLogins < 1) throw new IllegalArgumentException("imap: max failed logins must be at least 1");
        if (failedLoginDelay == null || failedLoginDelay.isNegative() || failedLoginDelay.compareTo(Duration.ofMinutes(1)) > 0)
            throw new IllegalArgumentException("imap: failed login delay must be between 0 and 1 minute");
        if (maxErrors < 1) throw new IllegalArgumentException("imap: max errors must be at least 1");
        if (maxSearchContexts < 0) throw new IllegalArgumentException("imap: max search contexts must not be negative");
    }

    public ImapConfig(String hostname, ImapLimits limits, int maxFailedLogins, Duration failedLoginDelay) {
        this(hostname, limits, maxFailedLogins, failedLoginDelay, DEFAULT_MAX_ERRORS, DEFAULT_MAX_SEARCH_CONTEXTS);
    }

    /** Default limits (25 MiB messages), 3 failed logins, 2 s delay after each. */
    public static ImapConfig defaults(String hostname) {
        return new ImapConfig(hostname, ImapLimits.DEFAULTS, DEFAULT_MAX_FAILED_LOGINS, DEFAULT_FAILED_LOGIN_DELAY);
    }

    /** The largest message APPEND accepts, in octets ({@code NO [TOOBIG]} above it). */
    public long maxMessageSize() { return limits.maxMessageSize(); }

    public ImapConfig withMaxMessageSize(long size) {
        return new ImapConfig(hostname, limits.withMaxMessageSize(size), maxFailedLogins, failedLoginDelay, maxErrors, maxSearchContexts);
    }

    public ImapConfig withMaxFailedLogins(int n) {
        return new ImapConfig(hostname, limits, n, failedLoginDelay, maxErrors, maxSearchContexts);
    }

    public ImapConfig withFailedLoginDelay(Duration d) {
        return new ImapConfig(hostname, limits, maxFailedLogins, d, maxErrors, maxSearchContexts);
    }

    public ImapConfig withMaxErrors(int n) { return new ImapConfig(hostname, limits, maxFailedLogins, failedLoginDelay, n, maxSearchContexts); }

    public ImapConfig withMaxSearchContexts(int n) {
        return new ImapConfig(hostname, limits, maxFailedLogins, failedLoginDelay, maxErrors, n);
    }

    /** @throws IllegalArgumentException if {@code timeout} is shorter than RFC 9051 §5.4 allows */
    public static Duration checkAutologout(Duration timeout) {
        if (timeout.compareTo(MIN_AUTOLOGOUT) < 0)
            throw new IllegalArgumentException("imap: the autologout timeout must be at least 30 minutes (RFC 9051 §5.4)");
        return timeout;
    }
}
