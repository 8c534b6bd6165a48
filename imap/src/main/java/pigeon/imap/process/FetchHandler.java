package pigeon.imap.process;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import pigeon.imap.command.FetchItem;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.encode.Flags;
import pigeon.imap.encode.UidSets;
import pigeon.imap.fetch.FetchException;
import pigeon.imap.fetch.FetchOptions;
import pigeon.imap.fetch.FetchResponder;
import pigeon.imap.message.MessageView;
import pigeon.imap.mime.MessageDescription;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState.Selected;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SelectedMailbox;
import pigeon.imap.session.SessionContext;
import pigeon.store.Flag;
import pigeon.store.Mailboxes;
import pigeon.store.MessageEntry;
import pigeon.store.MessageGoneException;

/**
 * FETCH and UID FETCH (RFC 9051 §6.4.5, §6.4.9; CHANGEDSINCE and VANISHED from RFC 7162 §3.1.4, §3.2.6).
 *
 * <p>Every message is checked before anything is written or stored, so a FETCH that can't be answered
 * (BINARY of an unknown transfer encoding: {@code NO [UNKNOWN-CTE]}) neither answers a part nor sets
 * \Seen. Then \Seen is stored for the messages a non-PEEK body item opens (never in a read-only
 * mailbox), and the responses are streamed one message at a time, FLAGS (and MODSEQ once CONDSTORE
 * is on) added where the flags just changed.
 *
 * <p>A message another session expunged that this client has not yet been told of: UID FETCH leaves it
 * out, as a UID that doesn't exist, and the expunge is announced before the tagged reply. FETCH by
 * sequence number answers it from what the view holds when that is all that was asked (UID, FLAGS,
 * INTERNALDATE, RFC822.SIZE, MODSEQ), as Dovecot does; when content is asked, it answers the other
 * messages, then {@code NO [EXPUNGEISSUED]} (RFC 9051 §7.1), since the bytes may be gone and the expunge
 * may not be announced yet (§7.5.1). A message expunged while the command runs (its bytes gone before they
 * are read) is answered the same way, not as a store failure.
 */
final class FetchHandler {
    Outcome fetch(ImapCommand.Fetch c, Selected state, SessionContext ctx) throws IOException, ImapException {
        SelectedMailbox m = state.mailbox();
        // RFC 7162 §3.2.6: VANISHED is for clients that enabled QRESYNC (the parser demands UID and CHANGEDSINCE)
        if (c.vanished() && !ctx.qresync()) throw ImapException.bad("VANISHED needs ENABLE QRESYNC");
        if (c.changedSince().isPresent() || c.items().contains(FetchItem.MODSEQ)) MessageSets.enableCondstore(ctx, m);

        List<MessageView> chosen = new ArrayList<>();
        boolean expungedAsked = false, fromView = !c.uid() && c.items().stream().allMatch(FetchHandler::inView);
        for (MessageView v : MessageSets.views(m, c.set(), c.uid())) {
            if (m.isExpunged(v.uid()) && !fromView) expungedAsked = true;
            else if (c.changedSince().isEmpty() || v.modSeq() > c.changedSince().getAsLong()) chosen.add(v);
        }
        if (c.partial().isPresent()) chosen = new ArrayList<>(c.partial().get().select(chosen));  // RFC 9394 §3.2: a page of them
        check(chosen, c.items());
        if (c.vanished()) writeVanished(c, m, ctx);
        Map<Long, MessageEntry> seen = markSeen(chosen, c.items(), m, ctx);

        FetchOptions options = new FetchOptions(ctx.utf8(), c.uid(), c.changedSince().isPresent(), ctx.rev2(), false);
        for (MessageView v : chosen) {
            MessageEntry e = seen.get(v.uid());
            try {
                if (e == null) {
                    write(ctx, v, c.items(), options);
                } else {  // RFC 9051 §6.4.5 FLAGS, RFC 7162 §3.1 MODSEQ: the client learns the flags \Seen changed
                    MessageView shown = new Reflagged(v, Flags.names(e.flags(), e.keywords(), v.flags().contains("\\Recent")), e.modSeq());
                    write(ctx, shown, c.items(), options.withFlags(true).withModSeq(options.addModSeq() || ctx.condstore()));
                }
            } catch (MessageGoneException gone) {
                // expunged elsewhere after the view was synced, before its bytes were read (nothing of it written):
                // answered like one the sync had caught, UID FETCH leaving it out, FETCH ending in EXPUNGEISSUED
                expungedAsked = true;
            }
        }
        if (expungedAsked && !c.uid()) throw ImapException.no("EXPUNGEISSUED", "Some of the requested messages were expunged");
        return Outcome.ok(state, c.uid() ? "UID FETCH completed" : "FETCH completed");
    }

    /** An item the selected mailbox's view answers without reading the store. */
    private static boolean inView(FetchItem item) {
        return item instanceof FetchItem.Uid || item instanceof FetchItem.Flags || item instanceof FetchItem.InternalDate
                || item instanceof FetchItem.Rfc822Size || item instanceof FetchItem.ModSeq;
    }

    /** All or nothing: BINARY of a part that can't be decoded is refused before anything is written. */
    private static void check(List<MessageView> messages, List<FetchItem> items) throws ImapException {
        boolean binary = items.stream().anyMatch(i -> i instanceof FetchItem.Binary || i instanceof FetchItem.BinarySize);
        if (!binary) return;
        try {
            for (MessageView v : messages) FetchResponder.check(v.description(), items);
        } catch (FetchException e) {
            throw ImapException.no(e.responseCode().orElse(null), e.getMessage());
        }
    }

    /** RFC 7162 §3.2.6: the UIDs of the set expunged since CHANGEDSINCE, before the FETCH responses. */
    private static void writeVanished(ImapCommand.Fetch c, SelectedMailbox m, SessionContext ctx) throws IOException {
        long max = Math.max(m.uidNext() - 1, 1);
        List<Long> saved = c.set().isSaved() ? m.savedResult() : List.of();
        List<Long> gone = new ArrayList<>();
        for (long uid : ctx.services().mailboxes().expungedSince(m.mailboxId(), c.changedSince().getAsLong())) {
            boolean inSet = c.set().isSaved() ? saved.contains(uid) : c.set().contains(uid, max);
            // one the view still holds is announced as an expunge (VANISHED without EARLIER) right after
            if (inSet && m.seqOf(uid).isEmpty()) gone.add(uid);
        }
        if (!gone.isEmpty()) ctx.out().untagged("VANISHED (EARLIER) " + UidSets.format(gone));
    }

    /** Stores \Seen for the messages a non-PEEK body item opens and that lack it; returns their new state by UID. */
    private static Map<Long, MessageEntry> markSeen(List<MessageView> messages, List<FetchItem> items, SelectedMailbox m,
                                                    SessionContext ctx) {
        if (m.readOnly() || !FetchResponder.setsSeen(items)) return Map.of();
        List<Long> unseen = messages.stream().filter(v -> !v.flags().contains("\\Seen")).map(MessageView::uid).toList();
        if (unseen.isEmpty()) return Map.of();
        Mailboxes.FlagUpdate update = ctx.services().mailboxes().setFlags(m.mailboxId(), unseen, Mailboxes.FlagMode.ADD,
                Set.of(Flag.SEEN), Set.of(), OptionalLong.empty());
        m.applyFlags(update.entries());
        Map<Long, MessageEntry> byUid = new HashMap<>();
        for (MessageEntry e : update.entries()) byUid.put(e.uid(), e);
        return byUid;
    }

    /**
     * One message's response, streamed. A failure before its first octet ends the command with a NO
     * (the session's); one after breaks the response off, and the connection must go (an IOException).
     */
    private static void write(SessionContext ctx, MessageView v, List<FetchItem> items, FetchOptions options) throws IOException {
        ctx.out().stream(raw -> {
            Watched out = new Watched(raw);
            try {
                FetchResponder.write(out, v, items, options);
            } catch (FetchException e) {
                throw new IllegalStateException("checked before writing", e);
            } catch (RuntimeException e) {
                if (out.touched) throw new IOException("FETCH response broken off", e);
                throw e;
            }
        });
    }

    /** Notes whether anything was written. */
    private static final class Watched extends FilterOutputStream {
        boolean touched;

        Watched(OutputStream out) { super(out); }

        @Override public void write(int b) throws IOException {
            touched = true;
            out.write(b);
        }

        @Override public void write(byte[] b, int off, int len) throws IOException {
            touched = true;
            out.write(b, off, len);
        }

        @Override public void flush() { }  // the session flushes once per command
    }

    /** A message shown with the flags and MODSEQ this command just gave it. */
    private record Reflagged(MessageView base, Set<String> flags, long modSeq) implements MessageView {
        @Override public int seq() { return base.seq(); }
        @Override public long uid() { return base.uid(); }
        @Override public OffsetDateTime internalDate() { return base.internalDate(); }
        @Override public long size() { return base.size(); }
        @Override public MessageDescription description() { return base.description(); }
        @Override public InputStream open(long offset, long length) throws IOException { return base.open(offset, length); }
    }
}
