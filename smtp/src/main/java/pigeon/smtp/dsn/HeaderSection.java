package pigeon.smtp.dsn;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Reads the header section of a message (RFC 5322 §2.1: everything before the first empty line),
 * bounded, with CRLF line endings. The body is never read.
 */
final class HeaderSection {
    private HeaderSection() {}

    /**
     * The header lines, each ending in CRLF, at most {@code limit} octets; a section that does not
     * fit is cut after its last whole line that does.
     */
    static byte[] read(InputStream message, int limit) throws IOException {
        InputStream in = message instanceof BufferedInputStream ? message : new BufferedInputStream(message, 8192);
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        while (true) {
            line.reset();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (line.size() > limit) return out.toByteArray(); // one line longer than everything allowed
                line.write(c);
            }
            byte[] l = line.toByteArray();
            int len = l.length > 0 && l[l.length - 1] == '\r' ? l.length - 1 : l.length;
            if (len == 0) return out.toByteArray(); // the empty line that ends the header, or the end
            if (out.size() + len + 2 > limit) return out.toByteArray();
            out.write(l, 0, len);
            out.write('\r');
            out.write('\n');
            if (c < 0) return out.toByteArray(); // a message without a body or final line ending
        }
    }
}
