package pigeon.pop3;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import pigeon.store.Directory;
import pigeon.store.MailboxInfo;
import pigeon.store.Mailboxes;
import pigeon.store.StoreException;

/**
 * The POP3 maildrop on the store: the maildrop is the account's INBOX, and a message's unique-id
 * is {@code <uidvalidity>.<uid>}, which stays the same across sessions as long as the INBOX's
 * UIDVALIDITY does.
 */
public final class StoreMaildrops implements Maildrop {
    private final Directory directory;
    private final Mailboxes mailboxes;

    public StoreMaildrops(Directory directory, Mailboxes mailboxes) {
        this.directory = Objects.requireNonNull(directory);
        this.mailboxes = Objects.requireNonNull(mailboxes);
    }

    @Override public Optional<Owner> authenticate(String username, String password) {
        return directory.authenticate(username, password).map(a -> new Owner(a.id(), a.address().toString()));
    }

    @Override public Snapshot snapshot(Owner owner) {
        MailboxInfo inbox = mailboxes.find(owner.id(), "INBOX")
                .orElseThrow(() -> new StoreException("account " + owner.name() + " has no INBOX", null));
        List<Message> messages = mailboxes.entries(inbox.id()).stream()
                .map(e -> new Message(e.uid(), e.messageId(), e.size(), inbox.uidValidity() + "." + e.uid()))
                .toList();
        return new Snapshot(inbox.id(), messages);
    }

    @Override public InputStream open(Message message) {
        return mailboxes.openContent(message.contentId());
    }

    @Override public int delete(Owner owner, Snapshot snapshot, Collection<Message> messages) {
        if (messages.isEmpty()) return 0;
        return mailboxes.expunge(snapshot.mailboxId(), messages.stream().map(Message::uid).toList()).size();
    }
}
