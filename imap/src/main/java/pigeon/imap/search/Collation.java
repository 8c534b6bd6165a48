package pigeon.imap.search;

import java.nio.charset.StandardCharsets;

/**
 * The "i;ascii-casemap" collation (RFC 4790 §9.2), which RFC 5256 prescribes for SORT and THREAD: strings
 * compare as their UTF-8 octets with a–z mapped to A–Z.
 */
final class Collation {
    private Collation() {}

    /** The octets to compare (or to use as a map key, via {@link #keyString}). */
    static byte[] key(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < b.length; i++) if (b[i] >= 'a' && b[i] <= 'z') b[i] -= 'a' - 'A';
        return b;
    }

    static int compare(byte[] a, byte[] b) {
        return java.util.Arrays.compareUnsigned(a, b);
    }

    /** Equal for strings that the collation finds equal. */
    static String keyString(String s) {
        return new String(key(s), StandardCharsets.UTF_8);
    }
}
