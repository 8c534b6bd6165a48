package pigeon.imap;

import java.io.IOException;
import pigeon.imap.process.Dispatcher;
import pigeon.imap.session.ImapSession;
import pigeon.imap.session.MailboxEvents;
import pigeon.imap.session.RecentRegistry;
import pigeon.imap.session.Services;
import pigeon.protocol.net.Connection;
import pigeon.protocol.net.ConnectionHandler;
import pigeon.store.Directory;
import pigeon.store.Mailboxes;

/**
 * The IMAP server (IMAP4rev2 RFC 9051, IMAP4rev1 RFC 3501, and the extensions it advertises), to run
 * under a {@link pigeon.protocol.net.Listener}:
 * {@code Listener.start(listenerConfig, new ImapServer(config, directory, mailboxes))}.
 *
 * <p>One instance holds what sessions share: one subscription to the store's change events, routed
 * to the sessions that have a mailbox selected, and the per-mailbox \Recent registry (RFC 3501
 * §2.3.2: only one session sees a message as recent). Use one instance per process for all IMAP
 * listeners (say, ports 143 and 993).
 */
public final class ImapServer implements ConnectionHandler {
    private final Services services;
    private final Dispatcher dispatcher = new Dispatcher();

    public ImapServer(ImapConfig config, Directory directory, Mailboxes mailboxes) {
        MailboxEvents events = new MailboxEvents();
        mailboxes.subscribe(events);  // for the server's lifetime, which is the store's
        this.services = new Services(config, directory, mailboxes, events, new RecentRegistry());
    }

    @Override public void serve(Connection connection) throws IOException {
        new ImapSession(services, dispatcher, connection).run();
    }

    /** RFC 9051 §7.1.5: a BYE greeting refuses the connection. */
    @Override public void refuse(Connection connection) throws IOException {
        connection.write("* BYE Too many connections\r\n");
        connection.flush();
    }
}
