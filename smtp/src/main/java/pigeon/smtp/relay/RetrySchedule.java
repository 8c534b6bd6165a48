package pigeon.smtp.relay;

import java.time.Duration;
import java.util.Objects;

/**
 * Exponential back-off between attempts: {@code first}, then doubling, never more than {@code cap}
 * (the default: 5 min, 10, 20, 40, 80, 160, then 4 h).
 */
public record RetrySchedule(Duration first, Duration cap) {
    public static final RetrySchedule DEFAULT = new RetrySchedule(Duration.ofMinutes(5), Duration.ofHours(4));

    public RetrySchedule {
        Objects.requireNonNull(first);
        Objects.requireNonNull(cap);
        if (first.isNegative() || first.isZero()) throw new IllegalArgumentException("first retry delay must be positive");
        if (cap.compareTo(first) < 0) throw new IllegalArgumentException("retry cap below the first delay");
    }

    /** The wait after the attempt that made {@code attempts} attempts in all (1 after the first attempt). */
    public Duration delayAfter(int attempts) {
        Duration d = first;
        for (int i = 1; i < attempts && d.compareTo(cap) < 0; i++) d = d.multipliedBy(2);
        return d.compareTo(cap) > 0 ? cap : d;
    }

    /**
     * The attempt count (attempts made before it) of the first attempt that, on this schedule, falls
     * at or after {@code age} from the first one. Delays are minimums, so that attempt is really at
     * least that late (unless someone forced a retry).
     */
    public int firstAttemptAtOrAfter(Duration age) {
        Duration t = Duration.ZERO;
        int n = 0;
        while (t.compareTo(age) < 0) t = t.plus(delayAfter(++n));
        return n;
    }
}
