package pigeon.imap.decode;

import java.io.IOException;

/**
 * Sends a command continuation request ({@code + Ready for literal data}) and flushes: called before
 * the reader reads a synchronising literal (RFC 9051 §4.3, §7.5), never for one it refuses.
 */
@FunctionalInterface
public interface Continuation {
    void request() throws IOException;
}
