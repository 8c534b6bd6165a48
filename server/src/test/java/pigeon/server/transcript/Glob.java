package pigeon.server.transcript;

import java.util.List;

/**
 * A line pattern: literal text in which {@code *} matches any run of characters (possibly
 * empty). The escapes are resolved by the parser; {@code parts} are the literal pieces
 * between the wildcards, so {@code "a*b"} is {@code ["a", "b"]} and {@code "*"} is
 * {@code ["", ""]}.
 *
 * @param source the pattern as written in the transcript, for messages
 * @param parts  literal pieces; a wildcard sits between each two
 */
record Glob(String source, List<String> parts) {

    Glob {
        if (parts.isEmpty()) {
            throw new IllegalArgumentException("a pattern has at least one part");
        }
        parts = List.copyOf(parts);
    }

    /** A pattern without wildcards. */
    static Glob literal(String text) {
        return new Glob(text, List.of(text));
    }

    /** Whether the whole of {@code line} matches. */
    boolean matches(String line) {
        String first = parts.getFirst();
        if (parts.size() == 1) {
            return line.equals(first);
        }
        String last = parts.getLast();
        if (line.length() < first.length() + last.length()
                || !line.startsWith(first) || !line.endsWith(last)) {
            return false;
        }
        // Greedy leftmost placement of the middle pieces is enough: stars absorb any gap.
        int from = first.length();
        int end = line.length() - last.length();
        for (String middle : parts.subList(1, parts.size() - 1)) {
            int at = line.indexOf(middle, from);
            if (at < 0 || at + middle.length() > end) {
                return false;
            }
            from = at + middle.length();
        }
        return true;
    }

    @Override
    public String toString() {
        return source;
    }
}
