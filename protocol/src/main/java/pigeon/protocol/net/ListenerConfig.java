package pigeon.protocol.net;

import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * @param protocol           a short name for logs ("smtp", "pop3")
 * @param address            where to listen; port 0 picks a free port
 * @param maxConnectionsPerIp connections one client address may hold open at once
 * @param readTimeout        how long a session may wait for the client before it is dropped
 */
public record ListenerConfig(String protocol, InetSocketAddress address, int maxConnectionsPerIp, Duration readTimeout) {
    public ListenerConfig {
        if (maxConnectionsPerIp < 1) throw new IllegalArgumentException(protocol + ": max connections per IP must be at least 1");
        if (readTimeout.isNegative() || readTimeout.isZero()) throw new IllegalArgumentException(protocol + ": read timeout must be positive");
    }
}
