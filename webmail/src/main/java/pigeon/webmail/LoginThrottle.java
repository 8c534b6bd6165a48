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
        Deque<Instant> d = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (d) { d.addLast(clock.instant()); }  // never held across anything that blocks
        prune(key);
    }

    private int count(String key) {
        prune(key);
        Deque<Instant> d = failures.get(key);
        if (d == null) return 0;
        synchronized (d) { return d.size(); }
    }

    private void prune(String key) {
        Deque<Instant> d = failures.get(key);
        if (d == null) return;
        Instant limitTime = clock.instant().minus(window);
        synchronized (d) {
            while (!d.isEmpty() && d.peekFirst().isBefore(limitTime)) d.removeFirst();
            if (d.isEmpty()) failures.remove(key, d);
        }
    }
}
