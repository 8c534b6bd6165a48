package pigeon.protocol.sasl;

import java.net.InetAddress;
import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * Slows password guessing down, across every protocol and connection: each failed login is
 * answered after a delay that doubles with the failures counted for the client's address and for
 * the user name tried (whichever has more), up to a cap. The name is counted as typed, whether or
 * not an account has it, so the delays say nothing about which accounts exist. Failures are
 * forgotten some time after the last one; a successful login clears the name's (not the
 * address's: another name may be being guessed from there).
 */
public final class LoginThrottle {
    /** Tracked names and addresses at most: a flood of made-up names must not fill the heap. */
    static final int MAX_TRACKED = 100_000;

    private record Failures(int count, long lastNanos) {}

    private final Duration max, forgetAfter;
    private final LongSupplier clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    /**
     * @param max         the longest delay, however many failures
     * @param forgetAfter failures are forgotten this long after the last one
     */
    public LoginThrottle(Duration max, Duration forgetAfter) { this(max, forgetAfter, System::nanoTime); }

    LoginThrottle(Duration max, Duration forgetAfter, LongSupplier clock) {
        if (max.isNegative() || forgetAfter.isNegative() || forgetAfter.isZero()) throw new IllegalArgumentException("bad login throttle durations");
        this.max = max;
        this.forgetAfter = forgetAfter;
        this.clock = clock;
    }

    public static LoginThrottle defaults() { return new LoginThrottle(Duration.ofSeconds(30), Duration.ofMinutes(15)); }

    /**
     * Counts a failed login and tells how long to wait before answering it: {@code base} for the
     * first failure, then twice as long for each further one, at most the cap. A zero base
     * (tests) gives no delay.
     */
    public Duration failed(InetAddress from, String user, Duration base) {
        long now = clock.getAsLong();
        if (failures.size() >= MAX_TRACKED) failures.values().removeIf(f -> expired(f, now));
        int n = Math.max(count(address(from), now), count(name(user), now));
        if (base.isZero()) return Duration.ZERO;
        Duration d = base.multipliedBy(1L << Math.min(n - 1, 20));
        return d.compareTo(max) > 0 ? max : d;
    }

    public void succeeded(String user) { failures.remove(name(user)); }

    /** The failures counted now for the address or for the name, whichever has more (nothing is counted). */
    public int failures(InetAddress from, String user) {
        long now = clock.getAsLong();
        return Math.max(current(address(from), now), current(name(user), now));
    }

    private int current(String key, long now) {
        Failures f = failures.get(key);
        return f == null || expired(f, now) ? 0 : f.count();
    }

    private int count(String key, long now) {
        if (failures.size() >= MAX_TRACKED && !failures.containsKey(key)) return 1;
        return failures.compute(key, (k, f) -> new Failures(f == null || expired(f, now) ? 1 : f.count() + 1, now)).count();
    }

    private boolean expired(Failures f, long now) { return now - f.lastNanos() > forgetAfter.toNanos(); }

    private static String address(InetAddress a) { return "ip " + a.getHostAddress(); }

    private static String name(String user) { return "user " + user.strip().toLowerCase(Locale.ROOT); }
}
