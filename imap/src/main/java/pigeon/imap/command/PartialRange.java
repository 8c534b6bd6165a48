package pigeon.imap.command;

import java.util.List;

/**
 * RFC 9394 §3.1 {@code partial-range}: which results of a SEARCH or SORT to return, by position in the result
 * (1 is the first: the lowest number for SEARCH, the first in sort order for SORT). Negative positions count
 * from the end: {@code -1:-100} is the last hundred. Held with the smaller magnitude first ({@code 4:2} is
 * {@code 2:4}), as the response echoes it.
 */
public record PartialRange(long first, long last) {
    public PartialRange {
        if (first == 0 || last == 0 || (first < 0) != (last < 0)) throw new IllegalArgumentException("both ends non-zero, of one sign");
        if (Math.abs(first) > Math.abs(last)) {
            long t = first;
            first = last;
            last = t;
        }
    }

    /** The results in the range, in their order; fewer (or none) when the range reaches past the end. */
    public <T> List<T> select(List<T> results) {
        int n = results.size();
        long from, to;  // 0-based, inclusive
        if (first > 0) {
            from = first - 1;
            to = Math.min(last - 1, n - 1L);
        } else {
            from = Math.max(n + last, 0);
            to = n + first;
        }
        if (from > to || from >= n || to < 0) return List.of();
        return results.subList((int) from, (int) to + 1);
    }

    /** {@code 2:4}, {@code -1:-100}. */
    @Override public String toString() { return first + ":" + last; }
}
