package pigeon.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import pigeon.imap.command.QResync;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.encode.ResponseWriter;
import pigeon.imap.encode.UidSets;
import pigeon.imap.session.Capabilities.Extension;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SelectedMailbox;
import pigeon.imap.session.SessionContext;
import pigeon.imap.session.Updates;
import pigeon.store.Account;
import pigeon.store.MailboxInfo;
import pigeon.store.Mailboxes;

/** SELECT, EXAMINE (RFC 9051 §6.3.2–3, CONDSTORE/QRESYNC RFC 7162), CLOSE, UNSELECT, EXPUNGE, UID EXPUNGE. */
final class SelectHandler {
    Outcome select(ImapState state, String mailbox, boolean examine, boolean condstore, Optional<QResync> qresync,
                   SessionContext ctx) throws IOException, ImapException {
        // RFC 7162 §3.2.5: QRESYNC without ENABLE QRESYNC is BAD (and changes nothing)
        if (qresync.isPresent() && !ctx.qresync()) throw ImapException.bad("QRESYNC is not enabled");
        String name = ctx.mailboxName(mailbox);
        Account account = MailboxHandler.account(state);
        ResponseWriter out = ctx.out();
        // RFC 9051 §6.3.2: selecting closes the current mailbox, even if the new one can't be selected
        if (state instanceof ImapState.Selected && (ctx.rev2() || ctx.qresync())) out.untagged("OK [CLOSED] Previous mailbox closed.");
        ImapState.Authenticated deselected = new ImapState.Authenticated(account);
        Mailboxes store = ctx.services().mailboxes();
        Optional<MailboxInfo> found = store.find(account.id(), name);
        if (found.isEmpty()) return Outcome.no(deselected, "NONEXISTENT", "Mailbox does not exist");
        MailboxInfo info = found.get();
        if (condstore) ctx.enable(Extension.CONDSTORE);  // RFC 7162 §3.1.8
        SelectedMailbox m = SelectedMailbox.open(ctx.services(), info, examine, !ctx.rev2());
        try {
            writeSelectResponses(m, info, examine, ctx);
            if (qresync.isPresent() && qresync.get().uidValidity() == m.uidValidity()) resync(m, qresync.get(), ctx);
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
        return Outcome.ok(new ImapState.Selected(account, m), examine ? "READ-ONLY" : "READ-WRITE",
                examine ? "EXAMINE completed" : "SELECT completed");
    }

    private static void writeSelectResponses(SelectedMailbox m, MailboxInfo info, boolean examine, SessionContext ctx) throws IOException {
        ResponseWriter out = ctx.out();
        Updates.writeFlags(out, m.keywords(), examine);
        out.untagged(m.exists() + " EXISTS");
        if (!ctx.rev2()) {  // RFC 3501 only: RFC 9051 dropped \Recent and UNSEEN
            out.untagged(m.recentCount() + " RECENT");
            OptionalInt unseen = m.firstUnseen();
            if (unseen.isPresent()) out.untagged("OK [UNSEEN " + unseen.getAsInt() + "] First unseen.");
        }
        out.untagged("OK [UIDVALIDITY " + m.uidValidity() + "] UIDs valid");
        out.untagged("OK [UIDNEXT " + Math.max(info.uidNext(), m.uidNext()) + "] Predicted next UID");
        if (ctx.condstore()) out.untagged("OK [HIGHESTMODSEQ " + m.highestModSeq() + "] Highest");
        if (ctx.rev2()) {  // RFC 9051 §6.3.2: a LIST response with the mailbox's name and attributes
            boolean children = ctx.services().mailboxes().list(info.accountId()).stream().anyMatch(b -> b.name().startsWith(info.name() + "/"));
            String use = info.specialUse().map(u -> " \\" + u).orElse("");
            out.untagged("LIST (" + (children ? "\\HasChildren" : "\\HasNoChildren") + use + ") \"/\" " + ctx.encodeName(info.name()));
        }
    }

    /**
     * RFC 7162 §3.2.5.2: what changed since the client's MODSEQ: the UIDs expunged meanwhile (of those it
     * knows) as {@code VANISHED (EARLIER)}, then the flags of messages changed since.
     */
    private static void resync(SelectedMailbox m, QResync q, SessionContext ctx) throws IOException {
        long max = Math.max(m.uidNext() - 1, 1);
        List<Long> vanished = new ArrayList<>();
        for (long uid : ctx.services().mailboxes().expungedSince(m.mailboxId(), q.modSeq())) {
            if (q.knownUids().map(s -> s.contains(uid, max)).orElse(true)) vanished.add(uid);
        }
        if (!vanished.isEmpty()) ctx.out().untagged("VANISHED (EARLIER) " + UidSets.format(vanished));
        for (SelectedMailbox.FlagUpdate f : m.changedSince(q.modSeq())) ctx.out().untagged(Updates.fetchFlags(f, true));
    }

    /** CLOSE (RFC 9051 §6.4.1: expunges silently unless read-only) and UNSELECT (RFC 3691: never expunges). */
    Outcome close(ImapState.Selected state, boolean expunge, SessionContext ctx) {
        SelectedMailbox m = state.mailbox();
        if (expunge && !m.readOnly()) {
            ctx.services().mailboxes().expungeDeleted(m.mailboxId(), Optional.empty());
        }
        return Outcome.ok(new ImapState.Authenticated(state.account()), expunge ? "CLOSE completed" : "UNSELECT completed");
    }

    /**
     * EXPUNGE (RFC 9051 §6.4.3) and UID EXPUNGE (RFC 4315 §2.1, {@code uids} non-null): removes the
     * messages with \Deleted as the store has them now, and announces each.
     */
    Outcome expunge(ImapState.Selected state, SequenceSet uids, SessionContext ctx) throws IOException, ImapException {
        SelectedMailbox m = state.mailbox();
        if (m.readOnly()) throw ImapException.no("READ-ONLY", "Mailbox is read-only");
        Optional<Set<Long>> among = uids == null ? Optional.empty() : Optional.of(new HashSet<>(MessageSets.uids(m, uids, true)));  // $ too
        List<Long> removed = ctx.services().mailboxes().expungeDeleted(m.mailboxId(), among);
        if (!removed.isEmpty()) Updates.writeExpunged(m, ctx, m.expunge(removed));
        return Outcome.ok(state, uids == null ? "EXPUNGE completed" : "UID EXPUNGE completed");
    }
}
