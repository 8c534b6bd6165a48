package pigeon.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.message.MessageView;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.SelectedMailbox;
import pigeon.imap.session.SessionContext;
import pigeon.imap.session.Capabilities.Extension;

/**
 * What the message commands share: a sequence set resolved against the view with {@code $} replaced by
 * the saved search result, and CONDSTORE turned on by a command that uses mod-sequences.
 */
final class MessageSets {
    private MessageSets() {}

    /**
     * The messages the set names, ascending. RFC 5182 §2.1: {@code $} names the saved messages whether
     * the command takes sequence numbers or UIDs, and an empty saved result names none (not an error).
     */
    static List<MessageView> views(SelectedMailbox m, SequenceSet set, boolean uid) throws ImapException {
        if (!set.isSaved()) return m.messages(set, uid);
        SequenceSet saved = savedAsUids(m);
        return saved == null ? List.of() : m.messages(saved, true);
    }

    /** The UIDs the set names, ascending; same rules as {@link #views}. */
    static List<Long> uids(SelectedMailbox m, SequenceSet set, boolean uid) throws ImapException {
        if (!set.isSaved()) return m.uids(set, uid);
        SequenceSet saved = savedAsUids(m);
        return saved == null ? List.of() : m.uids(saved, true);
    }

    /** The saved result as a UID set, or null when it is empty. */
    private static SequenceSet savedAsUids(SelectedMailbox m) {
        List<Long> saved = m.savedResult();
        if (saved.isEmpty()) return null;
        List<SequenceSet.Range> ranges = new ArrayList<>(saved.size());
        for (long uid : saved) ranges.add(new SequenceSet.Range(uid, uid));
        return SequenceSet.of(ranges);
    }

    /**
     * A CONDSTORE enabling command (RFC 7162 §3.1: FETCH MODSEQ or CHANGEDSINCE, SEARCH MODSEQ, STORE
     * UNCHANGEDSINCE) turns the extension on; the first time, the client learns the mailbox's
     * HIGHESTMODSEQ at once, as after {@code SELECT (CONDSTORE)} (as Dovecot does).
     */
    static void enableCondstore(SessionContext ctx, SelectedMailbox m) throws IOException {
        if (ctx.enable(Extension.CONDSTORE)) ctx.out().untagged("OK [HIGHESTMODSEQ " + m.highestModSeq() + "] Highest");
    }
}
