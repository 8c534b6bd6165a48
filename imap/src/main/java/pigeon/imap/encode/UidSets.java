package pigeon.imap.encode;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Numbers written as an IMAP {@code sequence-set}: {@code 1:3,7,9:10}. */
public final class UidSets {
    private UidSets() {}

    /** The numbers, sorted and compressed into ranges; empty input gives "". */
    public static String format(Collection<Long> numbers) {
        List<Long> sorted = new ArrayList<>(numbers);
        sorted.sort(null);
        StringBuilder out = new StringBuilder();
        int i = 0;
        while (i < sorted.size()) {
            long first = sorted.get(i), last = first;
            while (i + 1 < sorted.size() && sorted.get(i + 1) <= last + 1) last = sorted.get(++i);
            i++;
            if (!out.isEmpty()) out.append(',');
            out.append(first);
            if (last != first) out.append(':').append(last);
        }
        return out.toString();
    }
}
