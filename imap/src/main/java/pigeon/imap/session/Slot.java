package pigeon.imap.session;

import java.time.OffsetDateTime;
import java.util.Set;
import pigeon.imap.encode.Flags;
import pigeon.store.Flag;
import pigeon.store.MessageEntry;

/** One message of a {@link SelectedMailbox}'s view; mutable, guarded by the view's lock. */
final class Slot {
    final long uid, messageId, size;
    final OffsetDateTime internalDate;
    long modSeq;
    Set<Flag> flags = Set.of();
    Set<String> keywords = Set.of();
    /** \Recent in this session (IMAP4rev1). */
    boolean recent;
    /** Gone from the store; the client has not been told yet. */
    boolean expunged;
    /** Flags changed by someone else; the client has not been told yet. */
    boolean flagsChanged;

    Slot(MessageEntry e) {
        this.uid = e.uid();
        this.messageId = e.messageId();
        this.size = e.size();
        this.internalDate = e.internalDate();
        update(e);
    }

    void update(MessageEntry e) {
        modSeq = e.modSeq();
        flags = Set.copyOf(e.flags());
        keywords = Set.copyOf(e.keywords());
    }

    SelectedMailbox.FlagUpdate flagUpdate(int seq) {
        return new SelectedMailbox.FlagUpdate(seq, uid, Flags.names(flags, keywords, recent), modSeq);
    }
}
