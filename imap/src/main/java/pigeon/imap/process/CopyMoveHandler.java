package pigeon.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.encode.UidSets;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState.Selected;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SelectedMailbox;
import pigeon.imap.session.SessionContext;
import pigeon.imap.session.Updates;
import pigeon.store.MailboxInfo;

/**
 * COPY, UID COPY (RFC 9051 §6.4.7, COPYUID from RFC 4315 §3) and MOVE, UID MOVE (RFC 6851). A target
 * that doesn't exist is {@code NO [TRYCREATE]}. Messages expunged elsewhere (not yet announced) are
 * skipped; when nothing is left to copy the reply is a plain OK (COPYUID needs UIDs). MOVE copies and
 * expunges in one store transaction, then says {@code * OK [COPYUID …]} before the EXPUNGE (or, with
 * QRESYNC, VANISHED) responses (RFC 6851 §4.3); it needs a read-write mailbox. A MOVE into the
 * mailbox the messages are in is allowed (RFC 6851 §3.3 doesn't forbid it): they get new UIDs, and the
 * old ones are expunged, the new ones announced as EXISTS.
 */
final class CopyMoveHandler {
    Outcome copy(Selected state, boolean uid, SequenceSet set, String mailbox, SessionContext ctx) throws IOException, ImapException {
        SelectedMailbox m = state.mailbox();
        MailboxInfo target = target(state, mailbox, ctx);
        List<Long> uids = present(m, set, uid);
        String done = uid ? "UID COPY completed" : "COPY completed";
        if (uids.isEmpty()) return Outcome.ok(state, done);
        SortedMap<Long, Long> copied = ctx.services().mailboxes().copy(m.mailboxId(), uids, target.id());
        if (copied.isEmpty()) return Outcome.ok(state, done);
        return Outcome.ok(state, copyUid(target, copied), done);
    }

    Outcome move(Selected state, boolean uid, SequenceSet set, String mailbox, SessionContext ctx) throws IOException, ImapException {
        SelectedMailbox m = state.mailbox();
        if (m.readOnly()) throw ImapException.no("READ-ONLY", "Mailbox is read-only");
        MailboxInfo target = target(state, mailbox, ctx);
        List<Long> uids = present(m, set, uid);
        String done = uid ? "UID MOVE completed" : "MOVE completed";
        if (uids.isEmpty()) return Outcome.ok(state, done);
        SortedMap<Long, Long> moved = ctx.services().mailboxes().move(m.mailboxId(), uids, target.id());
        if (moved.isEmpty()) return Outcome.ok(state, done);
        // RFC 6851 §4.3: COPYUID in an untagged OK, before the expunges
        ctx.out().untagged("OK [" + copyUid(target, moved) + "] Moved");
        Updates.writeExpunged(m, ctx, m.expunge(moved.keySet()));
        return Outcome.ok(state, done);
    }

    private static MailboxInfo target(Selected state, String mailbox, SessionContext ctx) throws ImapException {
        String name = ctx.mailboxName(mailbox);
        return ctx.services().mailboxes().find(state.account().id(), name)
                .orElseThrow(() -> ImapException.no("TRYCREATE", "Mailbox does not exist"));
    }

    /** The set's UIDs without those expunged elsewhere. */
    private static List<Long> present(SelectedMailbox m, SequenceSet set, boolean uid) throws ImapException {
        List<Long> out = new ArrayList<>();
        for (long u : MessageSets.uids(m, set, uid)) if (!m.isExpunged(u)) out.add(u);
        return out;
    }

    /**
     * {@code COPYUID uidvalidity source-uids new-uids}: the two sets name the messages in the same order
     * (RFC 4315 §3). The store gives new UIDs ascending with the source's, so both compress alike.
     */
    static String copyUid(MailboxInfo target, SortedMap<Long, Long> uids) {
        List<Long> to = new ArrayList<>(uids.values());
        for (int i = 1; i < to.size(); i++) {
            if (to.get(i) <= to.get(i - 1)) throw new IllegalStateException("new UIDs out of order: " + uids);
        }
        return "COPYUID " + target.uidValidity() + " " + UidSets.format(uids.keySet()) + " " + UidSets.format(to);
    }
}
