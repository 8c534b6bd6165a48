package pigeon.imap.process;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.function.UnaryOperator;
import pigeon.imap.ImapServer;
import pigeon.imap.session.TestStore;
import pigeon.protocol.net.Listener;
import pigeon.protocol.net.ListenerConfig;
import pigeon.store.Mailboxes;

/** An IMAP server on a free port over an in-memory store. */
final class ServerHarness implements AutoCloseable {
    final TestStore store = new TestStore();
    final Listener listener;
    final InetSocketAddress address;

    ServerHarness() throws IOException { this(InetAddress.getLoopbackAddress(), Duration.ofMinutes(30)); }

    ServerHarness(InetAddress bind, Duration timeout) throws IOException { this(bind, timeout, UnaryOperator.identity()); }

    /** The server sees the store through {@code view} (a test that has to act at a given moment of a command). */
    ServerHarness(UnaryOperator<Mailboxes> view) throws IOException {
        this(InetAddress.getLoopbackAddress(), Duration.ofMinutes(30), view);
    }

    private ServerHarness(InetAddress bind, Duration timeout, UnaryOperator<Mailboxes> view) throws IOException {
        listener = Listener.start(new ListenerConfig("imap", new InetSocketAddress(bind, 0), 5, timeout),
                new ImapServer(store.services.config(), store.store.directory(), view.apply(store.mailboxes())));
        address = new InetSocketAddress(bind, listener.port());
    }

    Client connect() throws IOException {
        Client c = new Client(address);
        c.line();  // greeting
        return c;
    }

    Client login() throws IOException {
        Client c = connect();
        c.command("l", "LOGIN alice@example.test secret");
        return c;
    }

    @Override public void close() {
        listener.close();
        store.close();
    }
}
