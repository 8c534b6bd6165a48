package pigeon.imap.command;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.LongStream;

/**
 * A set of message sequence numbers or UIDs as the client wrote it (RFC 9051 §9 {@code sequence-set}):
 * numbers and ranges, where {@code *} stands for the largest number in use, or {@code $}, the saved
 * result of the last {@code SEARCH RETURN (SAVE)} (RFC 5182, part of RFC 9051).
 *
 * <p>{@code *} is stored as {@link #STAR} and resolved against the mailbox's largest number by the
 * methods that take {@code max}. A range's ends may come in either order ({@code 5:3} is {@code 3:5}),
 * and {@code n:*} always contains the largest number even when {@code n} is larger (RFC 9051 §6.4.8).
 * {@code $} has no numbers of its own: the session replaces it ({@link #isSaved()}) before asking.
 */
public final class SequenceSet {
    /** The value that stands for {@code *}. */
    public static final long STAR = -1;
    /** The largest seq-number or UID (RFC 9051 §9 {@code nz-number}: an unsigned 32-bit value). */
    public static final long MAX_NUMBER = 0xFFFF_FFFFL;
    /** {@code $}: the saved search result (RFC 5182). */
    public static final SequenceSet SAVED = new SequenceSet(List.of(), true);

    /** One number ({@code first == last}) or a range; either end may be {@link #STAR}. */
    public record Range(long first, long last) {
        public Range {
            if (!valid(first) || !valid(last)) throw new IllegalArgumentException("not a sequence number: " + (valid(first) ? last : first));
        }
        private static boolean valid(long n) { return n == STAR || (n >= 1 && n <= MAX_NUMBER); }
        long low(long max) { return Math.min(resolve(first, max), resolve(last, max)); }
        long high(long max) { return Math.max(resolve(first, max), resolve(last, max)); }
        @Override public String toString() { return first == last ? text(first) : text(first) + ":" + text(last); }
    }

    private final List<Range> ranges;
    private final boolean saved;

    private SequenceSet(List<Range> ranges, boolean saved) {
        this.ranges = List.copyOf(ranges);
        this.saved = saved;
    }

    public static SequenceSet of(List<Range> ranges) {
        if (ranges.isEmpty()) throw new IllegalArgumentException("empty sequence set");
        return new SequenceSet(ranges, false);
    }

    public static SequenceSet of(long first, long last) { return of(List.of(new Range(first, last))); }

    public static SequenceSet single(long n) { return of(n, n); }

    /**
     * Parses RFC 9051's {@code sequence-set} (e.g. {@code 1,3:5,7:*} or {@code $}).
     *
     * @throws IllegalArgumentException if the text is not one
     */
    public static SequenceSet parse(String text) {
        if (text.equals("$")) return SAVED;
        List<Range> ranges = new ArrayList<>();
        for (String part : text.split(",", -1)) {
            int colon = part.indexOf(':');
            if (colon < 0) {
                long n = number(part);
                ranges.add(new Range(n, n));
            } else {
                ranges.add(new Range(number(part.substring(0, colon)), number(part.substring(colon + 1))));
            }
        }
        return of(ranges);
    }

    private static long number(String s) {
        if (s.equals("*")) return STAR;
        if (s.isEmpty() || s.length() > 10 || s.charAt(0) == '0' || !s.chars().allMatch(c -> c >= '0' && c <= '9'))
            throw new IllegalArgumentException("not a sequence number: " + s);
        long n = Long.parseLong(s);
        if (n > MAX_NUMBER) throw new IllegalArgumentException("sequence number too large: " + s);
        return n;
    }

    /** Whether this is {@code $}, which the session must replace by the saved result before use. */
    public boolean isSaved() { return saved; }

    /** The ranges as written (empty for {@code $}). */
    public List<Range> ranges() { return ranges; }

    /** Whether {@code *} occurs anywhere. */
    public boolean usesStar() { return ranges.stream().anyMatch(r -> r.first == STAR || r.last == STAR); }

    /** Whether {@code n} is in the set when the largest number in use is {@code max}. */
    public boolean contains(long n, long max) {
        requireNumbers();
        for (Range r : ranges) if (n >= r.low(max) && n <= r.high(max)) return true;
        return false;
    }

    /**
     * The set with {@code *} replaced by {@code max}, ranges ordered low to high, sorted, and overlapping
     * or adjacent ranges merged: {@code 5:3,1,2,9:*} with max 7 becomes {@code 1:5,7:9}. Numbers above
     * {@code max} are kept.
     */
    public List<Range> normalize(long max) {
        requireNumbers();
        List<Range> sorted = new ArrayList<>();
        for (Range r : ranges) {
            long lo = r.low(max), hi = r.high(max);
            if (hi >= 1) sorted.add(new Range(Math.max(lo, 1), hi));  // "*" in an empty mailbox names nothing
        }
        sorted.sort(Comparator.comparingLong(Range::first));
        List<Range> merged = new ArrayList<>();
        for (Range r : sorted) {
            Range last = merged.isEmpty() ? null : merged.getLast();
            if (last != null && r.first <= last.last + 1) merged.set(merged.size() - 1, new Range(last.first, Math.max(last.last, r.last)));
            else merged.add(r);
        }
        return List.copyOf(merged);
    }

    /**
     * Every number of the set that can exist when the largest is {@code max} (1 to {@code max}), ascending,
     * each once: {@code 10:*} with max 7 is just 7. (A number above {@code max} names no message; to
     * tell the client so, compare with {@link #normalize}.)
     */
    public LongStream stream(long max) {
        return normalize(max).stream().filter(r -> r.first <= max).flatMapToLong(r -> LongStream.rangeClosed(r.first, Math.min(r.last, max)));
    }

    private void requireNumbers() {
        if (saved) throw new IllegalStateException("$ must be replaced by the saved search result first");
    }

    private static long resolve(long n, long max) { return n == STAR ? max : n; }

    private static String text(long n) { return n == STAR ? "*" : Long.toString(n); }

    @Override public boolean equals(Object o) {
        return o instanceof SequenceSet s && s.saved == saved && s.ranges.equals(ranges);
    }

    @Override public int hashCode() { return ranges.hashCode() * 31 + (saved ? 1 : 0); }

    /** The set in IMAP syntax, as written. */
    @Override public String toString() {
        if (saved) return "$";
        StringBuilder b = new StringBuilder();
        for (Range r : ranges) b.append(b.isEmpty() ? "" : ",").append(r);
        return b.toString();
    }
}
