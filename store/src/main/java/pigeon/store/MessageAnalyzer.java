package pigeon.store;

import java.io.IOException;
import java.io.InputStream;

/**
 * Computes, once at delivery, what readers will want of a message without parsing it again (for
 * IMAP: ENVELOPE, BODYSTRUCTURE, part offsets). The store keeps the result as opaque bytes.
 */
@FunctionalInterface
public interface MessageAnalyzer {
    MessageAnalyzer NONE = message -> new byte[0];

    /** Reads the whole message (CRLF line endings) and returns its description. */
    byte[] describe(InputStream message) throws IOException;
}
