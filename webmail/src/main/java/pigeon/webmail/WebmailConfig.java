package pigeon.webmail;

import java.util.Optional;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The webmail's settings, validated when built.
 *
 * @param address          where the HTTP server listens (port 0: any free port)
 * @param hostname         the server's name, for Message-IDs of mail written here
 * @param maxMessageSize   largest message (with its attachments, as encoded) that may be sent or saved
 * @param sessionTimeout   a login ends after this long without a request
 * @param maxFailedLogins  failed logins counted for the address (or the user name), over every protocol, past which
 *                         the login page refuses (429) until they are forgotten ({@code auth.failures-forgotten-after})
 * @param failedLoginDelay pause before a failed login is answered
 * @param pageSize         messages per page of a folder's list
 * @param httpsAddress     where HTTPS listens, if at all; then plain HTTP serves only autoconfig and
 *                         sends every other request to HTTPS
 */
public record WebmailConfig(InetSocketAddress address, String hostname, long maxMessageSize, Duration sessionTimeout,
                            int maxFailedLogins, Duration failedLoginDelay, int pageSize, Optional<InetSocketAddress> httpsAddress) {
    public static final int DEFAULT_PORT = 8080, DEFAULT_MAX_FAILED_LOGINS = 5, DEFAULT_PAGE_SIZE = 50;
    public static final Duration DEFAULT_SESSION_TIMEOUT = Duration.ofHours(8), DEFAULT_FAILED_LOGIN_DELAY = Duration.ofSeconds(1);

    public WebmailConfig {
        if (maxMessageSize < 1024) throw new IllegalArgumentException("webmail: the message size limit must be at least 1K");
        if (sessionTimeout.toSeconds() < 60) throw new IllegalArgumentException("webmail.session-timeout: at least 1m");
        if (maxFailedLogins < 1) throw new IllegalArgumentException("webmail.max-failed-logins: at least 1");
        if (failedLoginDelay.isNegative()) throw new IllegalArgumentException("webmail.failed-login-delay: not negative");
        if (pageSize < 1 || pageSize > 1000) throw new IllegalArgumentException("webmail.page-size: 1 to 1000");
    }

    /** HTTP only. */
    public WebmailConfig(InetSocketAddress address, String hostname, long maxMessageSize, Duration sessionTimeout,
                         int maxFailedLogins, Duration failedLoginDelay, int pageSize) {
        this(address, hostname, maxMessageSize, sessionTimeout, maxFailedLogins, failedLoginDelay, pageSize, Optional.empty());
    }
}
