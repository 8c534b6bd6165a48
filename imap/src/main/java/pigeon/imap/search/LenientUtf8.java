package pigeon.imap.search;

import java.io.IOException;
import java.io.InputStream;

/**
 * Decodes octets as UTF-8 where they are well-formed UTF-8 and as ISO-8859-1 where they are not, one
 * sequence at a time, into a {@link Needle.Scan}. Used for text labelled UTF-8 or US-ASCII, unlabelled, or
 * labelled with a charset Java doesn't know: 8-bit text in such parts is common in old mail, and is most
 * often Latin-1.
 */
final class LenientUtf8 {
    private static final int CHUNK = 8192;

    private LenientUtf8() {}

    static void feed(InputStream in, Needle.Scan scan) throws IOException {
        byte[] buf = new byte[CHUNK + 3]; // room for an incomplete sequence carried over
        int len = 0;
        while (!scan.found()) {
            int n = in.read(buf, len, CHUNK);
            boolean eof = n < 0;
            if (!eof) len += n;
            int i = 0;
            while (i < len && !scan.found()) {
                int b = buf[i] & 0xff;
                int need = b < 0x80 ? 0 : b >= 0xC2 && b <= 0xDF ? 1 : b >= 0xE0 && b <= 0xEF ? 2 : b >= 0xF0 && b <= 0xF4 ? 3 : -1;
                if (need > 0 && i + need >= len && !eof) break; // finish the sequence after the next read
                if (need > 0 && wellFormed(buf, i, need, len)) {
                    int cp = b & (0x3f >> need);
                    for (int k = 1; k <= need; k++) cp = cp << 6 | (buf[i + k] & 0x3f);
                    if (cp > 0xffff) {
                        scan.feed(Character.highSurrogate(cp));
                        scan.feed(Character.lowSurrogate(cp));
                    } else {
                        scan.feed((char) cp);
                    }
                    i += need + 1;
                } else {
                    scan.feed((char) b); // ASCII, or an octet that is not UTF-8 here: Latin-1
                    i++;
                }
            }
            System.arraycopy(buf, i, buf, 0, len - i);
            len -= i;
            if (eof) break;
        }
    }

    /** RFC 3629 §4: the continuation octets, with the narrower second-octet ranges that rule out overlongs and surrogates. */
    private static boolean wellFormed(byte[] buf, int i, int need, int len) {
        if (i + need >= len) return false;
        int lead = buf[i] & 0xff, second = buf[i + 1] & 0xff;
        int lo = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
        int hi = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
        if (second < lo || second > hi) return false;
        for (int k = 2; k <= need; k++) {
            int c = buf[i + k] & 0xff;
            if (c < 0x80 || c > 0xBF) return false;
        }
        return true;
    }
}
