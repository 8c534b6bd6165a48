package pigeon.imap.session;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import pigeon.store.MailboxChange;

/**
 * Routes the store's change events to the sessions that have that mailbox selected. Called on the
 * committing thread: it only marks views dirty and wakes idlers, never blocks or writes.
 */
public final class MailboxEvents implements Consumer<MailboxChange> {
    private final ConcurrentHashMap<Long, Set<SelectedMailbox>> byMailbox = new ConcurrentHashMap<>();

    void register(SelectedMailbox m) {
        byMailbox.compute(m.mailboxId(), (id, set) -> {
            Set<SelectedMailbox> s = set != null ? set : ConcurrentHashMap.newKeySet();
            s.add(m);
            return s;
        });
    }

    void unregister(SelectedMailbox m) {
        byMailbox.computeIfPresent(m.mailboxId(), (id, set) -> {
            set.remove(m);
            return set.isEmpty() ? null : set;
        });
    }

    @Override public void accept(MailboxChange change) {
        Set<SelectedMailbox> set = byMailbox.get(change.mailboxId());
        if (set != null) for (SelectedMailbox m : set) m.changed(change);
    }
}
