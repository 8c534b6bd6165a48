package pigeon.imap.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Set;
import pigeon.imap.ImapConfig;
import pigeon.protocol.delivery.MailAddress;
import pigeon.store.Account;
import pigeon.store.Flag;
import pigeon.store.MailStore;
import pigeon.store.MailboxInfo;
import pigeon.store.Mailboxes;
import pigeon.store.StoreConfig;

/** A real store in memory (no analyzer: descriptions are computed on demand), with one account. */
public final class TestStore implements AutoCloseable {
    public final MailStore store = MailStore.open(StoreConfig.h2Memory("imap" + System.nanoTime()));
    public final Services services;
    public final Account alice;

    public TestStore() {
        MailboxEvents events = new MailboxEvents();
        store.mailboxes().subscribe(events);
        services = new Services(ImapConfig.defaults("imap.test").withFailedLoginDelay(java.time.Duration.ZERO),
                store.directory(), store.mailboxes(), events, new RecentRegistry());
        store.directory().addDomain("example.test");
        alice = store.directory().addAccount(new MailAddress("alice", "example.test"), "secret");
    }

    public Mailboxes mailboxes() { return store.mailboxes(); }

    public MailboxInfo inbox() { return store.mailboxes().find(alice.id(), "INBOX").orElseThrow(); }

    public static String message(int i) { return "Subject: message " + i + "\r\nFrom: a@b.test\r\n\r\nbody " + i + "\r\n"; }

    /** Appends message i to INBOX with these flags; returns its UID. */
    public long append(int i, Flag... flags) {
        try {
            return store.mailboxes().append(inbox().id(), new ByteArrayInputStream(message(i).getBytes(StandardCharsets.US_ASCII)),
                    Set.of(flags), Set.of(), Instant.now());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override public void close() { store.close(); }
}
