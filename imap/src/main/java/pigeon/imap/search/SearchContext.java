package pigeon.imap.search;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import pigeon.imap.message.MessageView;

/**
 * What a search needs to know beyond the messages themselves.
 *
 * @param maxSeq    the largest message sequence number in the mailbox ({@code *} in a sequence set); 0 if empty
 * @param maxUid    the largest UID in the mailbox ({@code *} in a UID set); 0 if empty
 * @param savedUids the saved search result that {@code $} names (RFC 5182 §2.1), as UIDs; empty when nothing
 *                  was saved, or the last SAVE failed
 * @param now       when the search runs: RFC 5032's OLDER and YOUNGER count back from it
 */
public record SearchContext(long maxSeq, long maxUid, Set<Long> savedUids, Instant now) {
    public SearchContext {
        if (maxSeq < 0 || maxUid < 0) throw new IllegalArgumentException("negative maximum");
        savedUids = Set.copyOf(savedUids);
        Objects.requireNonNull(now);
    }

    /** A search starting now. */
    public SearchContext(long maxSeq, long maxUid, Set<Long> savedUids) {
        this(maxSeq, maxUid, savedUids, Instant.now());
    }

    /** The context for searching the whole {@code mailbox} (in sequence order). */
    public static SearchContext of(List<MessageView> mailbox, Collection<Long> savedUids) {
        long maxUid = 0;
        for (MessageView m : mailbox) maxUid = Math.max(maxUid, m.uid());
        return new SearchContext(mailbox.size(), maxUid, Set.copyOf(savedUids));
    }
}
