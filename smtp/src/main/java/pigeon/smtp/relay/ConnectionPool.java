package pigeon.smtp.relay;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Open connections waiting for another message to the same host, so that a burst of mail to one
 * domain goes over one connection (RFC 5321 §4.1.1.5: RSET between transactions). An idle
 * connection is closed with QUIT after {@code idle}. Up to one per worker is kept per host: each
 * worker holds one connection at a time, so with fewer, busy workers to one host would keep
 * closing and reopening connections (the relay benchmark saw 14,000 connections for 35,000
 * messages with a limit of 2 and 8 workers).
 */
final class ConnectionPool implements AutoCloseable {

    private record Idle(SmtpClient client, Instant since) {}

    private final Duration idle;
    private final int maxIdlePerHost;
    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Deque<Idle>> byHost = new HashMap<>();
    private boolean closed;

    ConnectionPool(Duration idle, int maxIdlePerHost, Clock clock) {
        this.idle = idle;
        this.maxIdlePerHost = maxIdlePerHost;
        this.clock = clock;
    }

    /** An idle connection to {@code host}, the most recently used first; the caller checks it with RSET. */
    Optional<SmtpClient> take(String host) {
        lock.lock();
        try {
            Deque<Idle> q = byHost.get(host);
            if (q == null || q.isEmpty()) return Optional.empty();
            SmtpClient c = q.pollFirst().client();
            if (q.isEmpty()) byHost.remove(host);
            return Optional.of(c);
        } finally {
            lock.unlock();
        }
    }

    /** Keeps a connection that is between transactions, or closes it if there is no room. */
    void release(SmtpClient client) {
        if (!client.isOpen()) return;
        SmtpClient surplus = client;
        lock.lock();
        try {
            if (!closed && !idle.isZero()) {
                Deque<Idle> q = byHost.computeIfAbsent(client.host(), h -> new ArrayDeque<>());
                if (q.size() < maxIdlePerHost) {
                    q.addFirst(new Idle(client, clock.instant()));
                    surplus = null;
                }
            }
        } finally {
            lock.unlock();
        }
        if (surplus != null) surplus.quit();  // never on the network while holding the lock
    }

    /** Closes the connections idle for longer than the limit; called now and then. */
    void expire() {
        List<SmtpClient> stale = new ArrayList<>();
        Instant cutoff = clock.instant().minus(idle);
        lock.lock();
        try {
            for (Iterator<Deque<Idle>> it = byHost.values().iterator(); it.hasNext(); ) {
                Deque<Idle> q = it.next();
                q.removeIf(i -> !i.since().isAfter(cutoff) && stale.add(i.client()));
                if (q.isEmpty()) it.remove();
            }
        } finally {
            lock.unlock();
        }
        stale.forEach(SmtpClient::quit);
    }

    int idleCount() {
        lock.lock();
        try {
            return byHost.values().stream().mapToInt(Deque::size).sum();
        } finally {
            lock.unlock();
        }
    }

    @Override public void close() {
        List<SmtpClient> all = new ArrayList<>();
        lock.lock();
        try {
            closed = true;
            byHost.values().forEach(q -> q.forEach(i -> all.add(i.client())));
            byHost.clear();
        } finally {
            lock.unlock();
        }
        all.forEach(SmtpClient::quit);
    }
}
