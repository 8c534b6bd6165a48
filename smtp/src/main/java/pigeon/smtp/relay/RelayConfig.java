package pigeon.smtp.relay;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The relay's settings. Start from {@link #defaults(String)} and change what differs with the
 * {@code with…} methods.
 *
 * @param hostname         our name in EHLO/HELO (should be the public name whose A record is our address)
 * @param dnsServer        the DNS server to ask (UDP, TCP when truncated); empty: the system's resolvers
 * @param remotePort       the port of remote SMTP servers: 25 (other values for tests)
 * @param workers          how many deliveries run at once (default 4)
 * @param timeouts         connect and command timeouts (default RFC 5321 §4.5.3.2)
 * @param retry            back-off after a temporary failure (default 5 min doubling, at most 4 h)
 * @param maxAge           how long a message may stay queued before it bounces (default 5 days)
 * @param delayNoticeAfter when to tell the sender that a message is still queued (default 4 h); empty: never
 * @param pollInterval     how often idle workers look for due entries (default 30 s; new mail wakes them at once)
 * @param lease            how long a claimed entry stays with its worker (default 15 min); must exceed one
 *                         attempt's duration, or another worker may take the entry while it is being sent
 * @param idleConnection   how long an open connection waits for another message to the same host (default 5 s)
 * @param dnsTimeout       per DNS query (default 10 s)
 */
public record RelayConfig(String hostname, Optional<InetSocketAddress> dnsServer, int remotePort, int workers,
                          SmtpTimeouts timeouts, RetrySchedule retry, Duration maxAge, Optional<Duration> delayNoticeAfter,
                          Duration pollInterval, Duration lease, Duration idleConnection, Duration dnsTimeout) {
    public RelayConfig {
        Objects.requireNonNull(hostname);
        if (hostname.isBlank() || hostname.chars().anyMatch(c -> c <= ' ')) throw new IllegalArgumentException("bad hostname");
        Objects.requireNonNull(dnsServer);
        if (remotePort < 1 || remotePort > 65535) throw new IllegalArgumentException("bad remote port " + remotePort);
        if (workers < 1) throw new IllegalArgumentException("workers must be at least 1");
        Objects.requireNonNull(timeouts);
        Objects.requireNonNull(retry);
        Objects.requireNonNull(delayNoticeAfter);
        positive(maxAge, "maxAge");
        delayNoticeAfter.ifPresent(d -> positive(d, "delayNoticeAfter"));
        positive(pollInterval, "pollInterval");
        positive(lease, "lease");
        Objects.requireNonNull(idleConnection);
        if (idleConnection.isNegative()) throw new IllegalArgumentException("idleConnection must not be negative");
        positive(dnsTimeout, "dnsTimeout");
    }

    private static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) throw new IllegalArgumentException(name + " must be positive");
    }

    public static RelayConfig defaults(String hostname) {
        return new RelayConfig(hostname, Optional.empty(), 25, 4, SmtpTimeouts.RFC_5321, RetrySchedule.DEFAULT,
                Duration.ofDays(5), Optional.of(Duration.ofHours(4)), Duration.ofSeconds(30), Duration.ofMinutes(15),
                Duration.ofSeconds(5), Duration.ofSeconds(10));
    }

    public RelayConfig withDnsServer(Optional<InetSocketAddress> v) { return new RelayConfig(hostname, v, remotePort, workers, timeouts, retry, maxAge, delayNoticeAfter, pollInterval, lease, idleConnection, dnsTimeout); }
    public RelayConfig withRemotePort(int v) { return new RelayConfig(hostname, dnsServer, v, workers, timeouts, retry, maxAge, delayNoticeAfter, pollInterval, lease, idleConnection, dnsTimeout); }
    public RelayConfig withWorkers(int v) { return new RelayConfig(hostname, dnsServer, remotePort, v, timeouts, retry, maxAge, delayNoticeAfter, pollInterval, lease, idleConnection, dnsTimeout); }
    public RelayConfig withTimeouts(SmtpTimeouts v) { return new RelayConfig(hostname, dnsServer, remotePort, workers, v, retry, maxAge, delayNoticeAfter, pollInterval, lease, idleConnection, dnsTimeout); }
    public RelayConfig withRetry(RetrySchedule v) { return new RelayConfig(hostname, dnsServer, remotePort, workers, timeouts, v, maxAge, delayNoticeAfter, pollInterval, lease, idleConnection, dnsTimeout); }
    public RelayConfig withMaxAge(Duration v) { return new RelayConfig(hostname, dnsServer, remotePort, workers, timeouts, retry, v, delayNoticeAfter, pollInterval, lease, idleConnection, dnsTimeout); }
    public RelayConfig withDelayNoticeAfter(Optional<Duration> v) { return new RelayConfig(hostname, dnsServer, remotePort, workers, timeouts, retry, maxAge, v, pollInterval, lease, idleConnection, dnsTimeout); }
    public RelayConfig withPollInterval(Duration v) { return new RelayConfig(hostname, dnsServer, remotePort, workers, timeouts, retry, maxAge, delayNoticeAfter, v, lease, idleConnection, dnsTimeout); }
    public RelayConfig withLease(Duration v) { return new RelayConfig(hostname, dnsServer, remotePort, workers, timeouts, retry, maxAge, delayNoticeAfter, pollInterval, v, idleConnection, dnsTimeout); }
    public RelayConfig withIdleConnection(Duration v) { return new RelayConfig(hostname, dnsServer, remotePort, workers, timeouts, retry, maxAge, delayNoticeAfter, pollInterval, lease, v, dnsTimeout); }
    public RelayConfig withDnsTimeout(Duration v) { return new RelayConfig(hostname, dnsServer, remotePort, workers, timeouts, retry, maxAge, delayNoticeAfter, pollInterval, lease, idleConnection, v); }
}
