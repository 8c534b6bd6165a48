package pigeon.imap.mime;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test messages from src/test/resources/mime, with their line ends made CRLF as stored by Pigeon. */
final class TestMessages {
    private TestMessages() {}

    static byte[] load(String name) {
        try (InputStream in = TestMessages.class.getResourceAsStream("/mime/" + name)) {
            if (in == null) throw new IllegalArgumentException("no resource " + name);
            return crlf(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** LF to CRLF, leaving existing CRLFs alone (so a checkout with either line end works). */
    static byte[] crlf(byte[] b) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream(b.length + b.length / 20);
        for (int i = 0; i < b.length; i++) {
            if (b[i] == '\n' && (i == 0 || b[i - 1] != '\r')) out.write('\r');
            out.write(b[i]);
        }
        return out.toByteArray();
    }

    static MessageDescription describe(byte[] message) {
        try {
            return MessageDescription.parse(new ByteArrayInputStream(message));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The octets of a range, as text (UTF-8). */
    static String extract(byte[] message, Range r) {
        return new String(message, (int) r.offset(), (int) r.length(), StandardCharsets.UTF_8);
    }

    static String text(byte[] message) {
        return new String(message, StandardCharsets.UTF_8);
    }
}
