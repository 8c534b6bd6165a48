package pigeon.webmail;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed logins per client address and per user name within a sliding window; past the
 * limit, either one refuses further attempts until old failures leave the window. Counting per
 * user too stops one password being tried from many addresses; per address, many users from one.
 * Each key's failures change only inside {@link ConcurrentHashMap#compute}, atomically per key.
 */
final class LoginThrottle {
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    LoginThrottle(int limit, Duration window, Clock clock) {
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    boolean blocked(String ip, String user) { return count("ip:" + ip) >= limit || count("user:" + key(user)) >= limit; }

    void failed(String ip, String user) {
        add("ip:" + ip);
        add("user:" + key(user));
    }

    /** A successful login forgets that user's failures (not the address's: another user may be guessed there). */
    void succeeded(String user) { failures.remove("user:" + key(user)); }

    private static String key(String user) { return user.trim().toLowerCase(Locale.ROOT); }

    private void add(String key) {
        Instant now = clock.instant();
        failures.compute(key, (k, d) -> {
            Deque<Instant> q = d == null ? new ArrayDeque<>() : d;
            prune(q, now);
            q.addLast(now);
            return q;
        });
    }

    private int count(String key) {
        Instant now = clock.instant();
        int[] n = {0};
        failures.computeIfPresent(key, (k, d) -> {
            prune(d, now);
            n[0] = d.size();
            return d.isEmpty() ? null : d;  // an empty entry is dropped, so the map holds only recent failures
        });
        return n[0];
    }

    private void prune(Deque<Instant> d, Instant now) {
        Instant oldest = now.minus(window);
        while (!d.isEmpty() && d.peekFirst().isBefore(oldest)) d.removeFirst();
    }
}
