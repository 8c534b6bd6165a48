package pigeon.smtp.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.ByteArrayInputStream;

/**
 * One message as it will be sent: header fields to put first (a DKIM signature), then the stored
 * message, read afresh from {@code source} for each transaction.
 *
 * @param size      octets of prefix and message together, for {@code SIZE=} (RFC 1870)
 * @param eightBit  whether any octet is above 127 (then {@code BODY=8BITMIME}, RFC 6152)
 */
record Payload(byte[] prefix, Signer.Source source, long size, boolean eightBit) {
    InputStream open() throws IOException {
        return new SequenceInputStream(new ByteArrayInputStream(prefix), source.open());
    }

    /** Reads the message once to learn its size and whether it is 8-bit. */
    static Payload scan(byte[] prefix, Signer.Source source) throws IOException {
        long size = prefix.length;
        boolean eightBit = false;
        for (byte b : prefix) eightBit |= b < 0;
        byte[] buf = new byte[16384];
        try (InputStream in = source.open()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                size += n;
                if (!eightBit) for (int i = 0; i < n; i++) if (buf[i] < 0) { eightBit = true; break; }
            }
        }
        return new Payload(prefix, source, size, eightBit);
    }
}
