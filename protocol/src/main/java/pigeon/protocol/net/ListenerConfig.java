package pigeon.protocol.net;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Optional;
import pigeon.protocol.sasl.LoginThrottle;
import pigeon.protocol.tls.Tls;

/**
 * One listening port and the limits of its sessions.
 *
 * @param protocol            a short name for logs ("smtp", "pop3")
 * @param address             where to listen; port 0 picks a free port
 * @param maxConnections      sessions the listener holds open at once, from all clients together
 * @param maxConnectionsPerIp connections one client address may hold open at once
 * @param readTimeout         how long a session may wait for the client before it is dropped
 * @param writeTimeout        how long one write may wait for a client that does not read before the
 *                            connection is closed
 * @param tls                 the server's TLS, if configured: offered as STARTTLS/STLS, or (implicit) at once
 * @param implicitTls         whether every connection starts with the TLS handshake (RFC 8314 §3.3)
 * @param plaintextOnLoopback whether passwords may be sent in the clear from this machine (telnet,
 *                            nc); elsewhere they need TLS (RFC 8314 §3.3)
 * @param logins              failed-login counting, shared by every listener of a server
 * @param maxCommandsPerSecond commands one session may send per second (bursts of as many at once);
 *                            beyond it, the session reads its next command only when its turn comes
 */
public record ListenerConfig(String protocol, InetSocketAddress address, int maxConnections, int maxConnectionsPerIp,
                             Duration readTimeout, Duration writeTimeout, Optional<Tls> tls, boolean implicitTls,
                             boolean plaintextOnLoopback, LoginThrottle logins, int maxCommandsPerSecond) {
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;
    public static final int DEFAULT_MAX_COMMANDS_PER_SECOND = 1000;
    public static final Duration DEFAULT_WRITE_TIMEOUT = Duration.ofMinutes(1);

    public ListenerConfig {
        if (maxConnections < 1) throw new IllegalArgumentException(protocol + ": max connections must be at least 1");
        if (maxConnectionsPerIp < 1) throw new IllegalArgumentException(protocol + ": max connections per IP must be at least 1");
        positive(readTimeout, protocol + ": read timeout");
        positive(writeTimeout, protocol + ": write timeout");
        if (maxCommandsPerSecond < 1) throw new IllegalArgumentException(protocol + ": max commands per second must be at least 1");
        if (implicitTls && tls.isEmpty()) throw new IllegalArgumentException(protocol + ": implicit TLS needs a certificate");
    }

    /** Cleartext, no TLS, default total and write limits, cleartext passwords on loopback. */
    public ListenerConfig(String protocol, InetSocketAddress address, int maxConnectionsPerIp, Duration readTimeout) {
        this(protocol, address, DEFAULT_MAX_CONNECTIONS, maxConnectionsPerIp, readTimeout, DEFAULT_WRITE_TIMEOUT,
                Optional.empty(), false, true, LoginThrottle.defaults(), DEFAULT_MAX_COMMANDS_PER_SECOND);
    }

    /** STARTTLS offered with {@code tls} (or, if {@code implicit}, TLS from the first octet). */
    public ListenerConfig withTls(Tls tls, boolean implicit) {
        return new ListenerConfig(protocol, address, maxConnections, maxConnectionsPerIp, readTimeout, writeTimeout,
                Optional.of(tls), implicit, plaintextOnLoopback, logins, maxCommandsPerSecond);
    }

    private static void positive(Duration d, String what) {
        if (d.isNegative() || d.isZero()) throw new IllegalArgumentException(what + " must be positive");
    }
}
