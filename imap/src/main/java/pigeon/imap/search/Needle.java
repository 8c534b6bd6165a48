package pigeon.imap.search;

/**
 * A search string compiled for case-insensitive substring matching (RFC 9051 §6.4.4: "case-insensitive
 * substring"). Case is folded one code point at a time with {@code toLowerCase(toUpperCase(cp))}, which is
 * locale-independent (as {@code Locale.ROOT}) and Unicode-aware (Σσς, Ǆǅǆ, Straße/STRASSE aside: full case
 * foldings that change length are not applied). Matching is Knuth–Morris–Pratt, so haystacks can be streamed
 * through a {@link Scan} without buffering.
 */
final class Needle {
    private final int[] pattern;
    private final int[] failure;

    private Needle(int[] pattern) {
        this.pattern = pattern;
        this.failure = new int[pattern.length];
        for (int i = 1, k = 0; i < pattern.length; i++) {
            while (k > 0 && pattern[i] != pattern[k]) k = failure[k - 1];
            if (pattern[i] == pattern[k]) k++;
            failure[i] = k;
        }
    }

    static Needle of(String text) {
        return new Needle(text.codePoints().map(Needle::fold).toArray());
    }

    static int fold(int cp) {
        return Character.toLowerCase(Character.toUpperCase(cp));
    }

    /** The empty string, which every text contains. */
    boolean isEmpty() {
        return pattern.length == 0;
    }

    /** Whether {@code haystack} contains this string; false for null. */
    boolean in(String haystack) {
        if (haystack == null) return false;
        Scan s = scan();
        s.feed(haystack);
        return s.found();
    }

    Scan scan() {
        return new Scan();
    }

    /** A streaming match: feed text in pieces; {@link #found()} stays true once the string was seen. */
    final class Scan {
        private int matched;
        private boolean found = pattern.length == 0;
        private char highSurrogate;

        void feed(CharSequence text) {
            for (int i = 0; i < text.length() && !found; i++) feed(text.charAt(i));
        }

        void feed(char[] buf, int off, int len) {
            for (int i = off; i < off + len && !found; i++) feed(buf[i]);
        }

        /** Feeds one UTF-16 unit; a surrogate pair is folded as the code point it makes. */
        void feed(char c) {
            if (Character.isHighSurrogate(c)) {
                if (highSurrogate != 0) codePoint(highSurrogate);
                highSurrogate = c;
                return;
            }
            if (highSurrogate != 0) {
                char high = highSurrogate;
                highSurrogate = 0;
                if (Character.isLowSurrogate(c)) {
                    codePoint(Character.toCodePoint(high, c));
                    return;
                }
                codePoint(high);
            }
            codePoint(c);
        }

        /** A boundary that no match may span (between header fields, between parts). */
        void separate() {
            highSurrogate = 0;
            matched = 0;
        }

        private void codePoint(int cp) {
            if (found) return;
            int f = fold(cp);
            while (matched > 0 && pattern[matched] != f) matched = failure[matched - 1];
            if (pattern[matched] == f) matched++;
            if (matched == pattern.length) found = true;
        }

        boolean found() {
            return found;
        }
    }
}
