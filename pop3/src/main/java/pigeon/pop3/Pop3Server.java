package pigeon.pop3;

import java.io.IOException;
import pigeon.pop3.session.Pop3Sessions;
import pigeon.protocol.net.Connection;
import pigeon.protocol.net.ConnectionHandler;

/**
 * The POP3 server (RFC 1939, with CAPA and response codes of RFC 2449 and SASL PLAIN of RFC 5034),
 * to run under a {@link pigeon.protocol.net.Listener}:
 * {@code Listener.start(listenerConfig, new Pop3Server(config, new StoreMaildrops(directory, mailboxes)))}.
 *
 * <p>One instance holds the in-process maildrop locks (RFC 1939 §8): use one instance per
 * process for all POP3 listeners (say, ports 110 and 995) so that they exclude each other.
 */
public final class Pop3Server implements ConnectionHandler {
    private final Pop3Sessions sessions;

    public Pop3Server(Pop3Config config, Maildrop maildrop) {
        this.sessions = new Pop3Sessions(config, maildrop);
    }

    @Override public void serve(Connection connection) throws IOException {
        sessions.serve(connection);
    }

    @Override public void refuse(Connection connection) throws IOException {
        sessions.refuse(connection);
    }
}
