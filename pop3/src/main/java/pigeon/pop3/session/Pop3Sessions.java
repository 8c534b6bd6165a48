package pigeon.pop3.session;

import java.io.IOException;
import java.util.Objects;
import pigeon.pop3.Maildrop;
import pigeon.pop3.Pop3Config;
import pigeon.protocol.net.Connection;

/**
 * Runs POP3 sessions and owns what they share: the maildrop port and the per-account locks.
 * Public only so that {@link pigeon.pop3.Pop3Server} can reach it; not part of the module's API.
 */
public final class Pop3Sessions {
    private final Pop3Config config;
    private final Maildrop maildrop;
    private final MaildropLocks locks = new MaildropLocks();

    public Pop3Sessions(Pop3Config config, Maildrop maildrop) {
        this.config = Objects.requireNonNull(config);
        this.maildrop = Objects.requireNonNull(maildrop);
    }

    public void serve(Connection connection) throws IOException {
        new Pop3Session(config, maildrop, locks, connection).run();
    }

    /** The listener's per-address limit refused the connection (RFC 2449 §8.1.2 response code). */
    public void refuse(Connection connection) throws IOException {
        connection.write("-ERR [SYS/TEMP] " + config.hostname() + " has too many connections, try again later\r\n");
        connection.flush();
    }
}
