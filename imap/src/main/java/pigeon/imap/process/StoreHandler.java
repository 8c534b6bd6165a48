package pigeon.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.encode.Flags;
import pigeon.imap.encode.UidSets;
import pigeon.imap.message.MessageView;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState.Selected;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SelectedMailbox;
import pigeon.imap.session.SessionContext;
import pigeon.imap.session.Updates;
import pigeon.store.Flag;
import pigeon.store.Mailboxes;
import pigeon.store.MessageEntry;

/**
 * STORE and UID STORE (RFC 9051 §6.4.6, UNCHANGEDSINCE from RFC 7162 §3.1.3).
 *
 * <p>One store call changes every message of the set in one transaction. Then, per message (in
 * sequence order): without .SILENT, {@code FETCH (FLAGS …)} for every message of the set that still
 * exists, changed or not; with .SILENT, FLAGS only where they differ from what the client asked for
 * (another session changed them too), and once CONDSTORE is on a {@code FETCH (MODSEQ (n))} for each
 * message this STORE changed, "even if the .SILENT suffix is specified" (RFC 7162 §3.1.3). UID is in
 * every response to UID STORE, and in every one once CONDSTORE is on (RFC 7162 §3.1). Messages whose
 * MODSEQ is above UNCHANGEDSINCE are left alone and named in {@code OK [MODIFIED set]} (sequence
 * numbers for STORE, UIDs for UID STORE). The view takes the new flags, so they are not announced
 * again; a message expunged elsewhere and not yet announced is skipped.
 *
 * <p>Refused: STORE in a read-only mailbox ({@code NO [READ-ONLY]}), and {@code \Recent} or another
 * backslashed name that is not a system flag ({@code BAD}: the client can't set \Recent, RFC 3501
 * §2.3.2, and PERMANENTFLAGS offers no other; Dovecot answers the same).
 */
final class StoreHandler {
    Outcome store(ImapCommand.Store c, Selected state, SessionContext ctx) throws IOException, ImapException {
        SelectedMailbox m = state.mailbox();
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        Set<String> keywords = new LinkedHashSet<>();
        for (pigeon.imap.command.Flag f : c.flags()) {
            if (f.isKeyword()) {
                keywords.add(f.name());
            } else {
                Flag system = Flags.systemFlag(f.name());
                if (system == null) throw ImapException.bad("Cannot store " + f.name());
                flags.add(system);
            }
        }
        if (m.readOnly()) throw ImapException.no("READ-ONLY", "Mailbox is read-only");
        if (c.unchangedSince().isPresent()) MessageSets.enableCondstore(ctx, m);

        List<MessageView> before = MessageSets.views(m, c.set(), c.uid());
        List<Long> uids = new ArrayList<>();
        for (MessageView v : before) if (!m.isExpunged(v.uid())) uids.add(v.uid());
        if (uids.isEmpty()) return Outcome.ok(state, done(c));
        Mailboxes.FlagUpdate update = ctx.services().mailboxes().setFlags(m.mailboxId(), uids, mode(c), flags, keywords,
                c.unchangedSince());
        Set<Long> failed = Set.copyOf(update.failed());
        Map<Long, MessageEntry> now = new HashMap<>();
        for (MessageEntry e : update.entries()) if (!failed.contains(e.uid())) now.put(e.uid(), e);
        // the failed ones were changed by someone else: the view announces them as it would anyway
        m.applyFlags(now.values());
        // RFC 9051 §7.3.5: a keyword new to the mailbox is announced before the FETCH that shows it
        var keywordsNow = m.newKeywords();
        if (keywordsNow.isPresent()) Updates.writeFlags(ctx.out(), keywordsNow.get(), m.readOnly());
        boolean withUid = c.uid() || ctx.condstore();
        for (MessageView v : before) {
            MessageEntry e = now.get(v.uid());
            if (e == null) continue;
            boolean recent = v.flags().contains("\\Recent");
            Set<String> shown = Flags.names(e.flags(), e.keywords(), recent);
            boolean changed = e.modSeq() != v.modSeq();
            boolean flagsToo = !c.silent() || !shown.equals(expected(c, v.flags(), flags, keywords, recent));
            if (!flagsToo && !(changed && ctx.condstore())) continue;
            StringBuilder b = new StringBuilder().append(v.seq()).append(" FETCH (");
            if (withUid) b.append("UID ").append(v.uid()).append(' ');
            if (flagsToo) b.append("FLAGS ").append(Flags.list(shown)).append(' ');
            if (ctx.condstore()) b.append("MODSEQ (").append(e.modSeq()).append(") ");
            b.setLength(b.length() - 1);
            ctx.out().untagged(b.append(')').toString());
        }
        if (failed.isEmpty()) return Outcome.ok(state, done(c));
        List<Long> numbers = new ArrayList<>();
        for (long uid : failed) numbers.add(c.uid() ? uid : (long) m.seqOf(uid).orElseThrow());
        return Outcome.ok(state, "MODIFIED " + UidSets.format(numbers), "Conditional STORE failed");
    }

    private static String done(ImapCommand.Store c) {
        return c.uid() ? "UID STORE completed" : "STORE completed";
    }

    private static Mailboxes.FlagMode mode(ImapCommand.Store c) {
        return switch (c.mode()) {
            case ADD -> Mailboxes.FlagMode.ADD;
            case REMOVE -> Mailboxes.FlagMode.REMOVE;
            case REPLACE -> Mailboxes.FlagMode.REPLACE;
        };
    }

    /** The flags the client expects after its STORE, from those it knew (names compare case-insensitively for system flags). */
    private static Set<String> expected(ImapCommand.Store c, Set<String> known, Set<Flag> flags, Set<String> keywords, boolean recent) {
        Set<Flag> system = EnumSet.noneOf(Flag.class);
        Set<String> words = new LinkedHashSet<>();
        if (c.mode() != pigeon.imap.command.StoreMode.REPLACE) {
            for (String name : known) {
                Flag f = Flags.systemFlag(name);
                if (f != null) system.add(f);
                else if (!name.startsWith("\\")) words.add(name);
            }
        }
        switch (c.mode()) {
            case ADD, REPLACE -> {
                system.addAll(flags);
                words.addAll(keywords);
            }
            case REMOVE -> {
                system.removeAll(flags);
                words.removeAll(keywords);
            }
        }
        return Flags.names(system, words, recent);
    }
}
