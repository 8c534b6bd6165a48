package pigeon.imap.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LenientUtf8Test {
    private static boolean contains(byte[] octets, String needle) throws IOException {
        Needle.Scan scan = Needle.of(needle).scan();
        LenientUtf8.feed(new ByteArrayInputStream(octets), scan);
        return scan.found();
    }

    private static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) out.writeBytes(p);
        return out.toByteArray();
    }

    @Test
    void utf8AndLatin1Mixed() throws IOException {
        byte[] text = concat("Grüße, ".getBytes(StandardCharsets.UTF_8), "café".getBytes(StandardCharsets.ISO_8859_1),
                " 😀 ".getBytes(StandardCharsets.UTF_8));
        assertTrue(contains(text, "GRÜSSE".replace("SS", "ß")));
        assertTrue(contains(text, "CAFÉ"));
        assertTrue(contains(text, "😀"));
        assertFalse(contains(text, "caf\uFFFD"));
    }

    @Test
    void sequenceSplitAcrossReads() throws IOException {
        // 8191 ASCII octets, then a 3-octet character across the 8192-octet read boundary
        byte[] text = concat("x".repeat(8191).getBytes(StandardCharsets.US_ASCII), "€uro".getBytes(StandardCharsets.UTF_8));
        InputStream trickle = new ByteArrayInputStream(text) {
            @Override public synchronized int read(byte[] b, int off, int len) { return super.read(b, off, Math.min(len, 8192)); }
        };
        Needle.Scan scan = Needle.of("x€uro").scan();
        LenientUtf8.feed(trickle, scan);
        assertTrue(scan.found());
    }

    @Test
    void truncatedAndOverlongSequencesReadAsLatin1() throws IOException {
        assertTrue(contains(new byte[] {'a', (byte) 0xC3}, "aÃ"));
        assertTrue(contains(new byte[] {(byte) 0xC0, (byte) 0xAF}, "À¯"));
        assertTrue(contains(new byte[] {(byte) 0xED, (byte) 0xA0, (byte) 0x80}, "í"));
    }
}
