package pigeon.smtp.relay;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import org.xbill.DNS.Name;
import org.xbill.DNS.Record;

/**
 * DNS answers kept for their TTL, least recently used dropped first beyond a bound. Negative
 * answers (no such name, no such record) are kept for the SOA's negative TTL (RFC 2308 §5) when the
 * server sends a SOA; failures (SERVFAIL, timeouts) are never kept.
 */
final class DnsCache {
    /** One answer: the response code and the records of the asked type (empty for a negative answer). */
    record Answer(int rcode, List<Record> records) {}

    private record Key(Name name, int type) {}

    private record Cached(Answer answer, Instant expires) {}

    private final Clock clock;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<Key, Cached> entries;

    DnsCache(Clock clock, int maxEntries) {
        this.clock = clock;
        this.entries = new LinkedHashMap<>(64, 0.75f, true) {
            @Override protected boolean removeEldestEntry(Map.Entry<Key, Cached> eldest) { return size() > maxEntries; }
        };
    }

    Optional<Answer> get(Name name, int type) {
        lock.lock();
        try {
            Key key = new Key(name, type);
            Cached e = entries.get(key);
            if (e == null) return Optional.empty();
            if (!clock.instant().isBefore(e.expires())) {
                entries.remove(key);
                return Optional.empty();
            }
            return Optional.of(e.answer());
        } finally {
            lock.unlock();
        }
    }

    void put(Name name, int type, Answer answer, long ttlSeconds) {
        if (ttlSeconds <= 0) return;
        lock.lock();
        try {
            entries.put(new Key(name, type), new Cached(answer, clock.instant().plusSeconds(ttlSeconds)));
        } finally {
            lock.unlock();
        }
    }

    int size() {
        lock.lock();
        try {
            return entries.size();
        } finally {
            lock.unlock();
        }
    }
}
