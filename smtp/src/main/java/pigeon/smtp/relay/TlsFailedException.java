package pigeon.smtp.relay;

import java.io.IOException;

/** The TLS handshake after STARTTLS failed: the connection is gone; a new one without TLS may work. */
final class TlsFailedException extends IOException {
    TlsFailedException(Throwable cause) { super("TLS handshake failed: " + cause.getMessage(), cause); }
}
