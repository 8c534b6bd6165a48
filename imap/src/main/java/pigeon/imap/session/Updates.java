package pigeon.imap.session;

import java.io.IOException;
import pigeon.imap.encode.Flags;
import pigeon.imap.encode.ResponseWriter;
import pigeon.imap.encode.UidSets;

/** Writes the selected mailbox's pending updates as untagged responses (RFC 9051 §7.4, §7.5; RFC 7162 §3.2.10). */
public final class Updates {
    private Updates() {}

    /**
     * Writes what the view has to announce; does not flush.
     *
     * @return false if the mailbox is gone and the session must end (a BYE was written)
     */
    public static boolean write(SelectedMailbox mailbox, SessionContext ctx, boolean allowExpunge) throws IOException {
        SelectedMailbox.Pending p = mailbox.takePending(allowExpunge);
        ResponseWriter out = ctx.out();
        if (p.gone()) {
            out.untagged("BYE Selected mailbox was deleted or renamed");
            return false;
        }
        writeExpunged(mailbox, ctx, p.expunged());
        if (p.keywords().isPresent()) writeFlags(out, p.keywords().get(), mailbox.readOnly());
        if (p.exists() >= 0) out.untagged(p.exists() + " EXISTS");
        if (p.recent() >= 0 && !ctx.rev2()) out.untagged(p.recent() + " RECENT");
        for (SelectedMailbox.FlagUpdate f : p.flags()) out.untagged(fetchFlags(f, ctx.condstore()));
        // RFC 5267 §4.3: contexts after EXISTS and the flag updates, so their numbers are the ones just told
        for (String line : mailbox.contexts().changed(mailbox)) out.line(line);
        return true;
    }

    /**
     * {@code FLAGS} and {@code OK [PERMANENTFLAGS …]} for the system flags and these keywords (RFC 9051
     * §7.3.5, §7.1): at SELECT, and again before a response shows a keyword the client wasn't told of.
     * A read-only mailbox has no permanent flags; otherwise keywords can be created ({@code \*}).
     */
    public static void writeFlags(ResponseWriter out, java.util.Collection<String> keywords, boolean readOnly) throws IOException {
        java.util.List<String> flags = new java.util.ArrayList<>(java.util.List.of(Flags.SYSTEM.split(" ")));
        flags.addAll(keywords);
        out.untagged("FLAGS " + Flags.list(flags));
        if (readOnly) {
            out.untagged("OK [PERMANENTFLAGS ()] No permanent flags permitted.");
        } else {
            flags.add("\\*");
            out.untagged("OK [PERMANENTFLAGS " + Flags.list(flags) + "] Flags permitted.");
        }
    }

    /**
     * EXPUNGE responses, or one VANISHED when QRESYNC is enabled (RFC 7162 §3.2.10), after the RFC 5267
     * contexts' REMOVEFROM for the messages (by the numbers they had until now).
     */
    public static void writeExpunged(SelectedMailbox mailbox, SessionContext ctx, SelectedMailbox.Expunged e) throws IOException {
        if (e.isEmpty()) return;
        ResponseWriter out = ctx.out();
        for (String line : mailbox.contexts().expunged(e)) out.line(line);
        if (ctx.qresync()) {
            out.untagged("VANISHED " + UidSets.format(e.uids()));
        } else {
            for (int seq : e.seqs()) out.untagged(seq + " EXPUNGE");
        }
    }

    /** {@code n FETCH (UID u FLAGS (…) [MODSEQ (m)])}: UID always (RFC 7162 §3.2.4 wants it with QRESYNC). */
    public static String fetchFlags(SelectedMailbox.FlagUpdate f, boolean condstore) {
        return f.seq() + " FETCH (UID " + f.uid() + " FLAGS " + Flags.list(f.flags())
                + (condstore ? " MODSEQ (" + f.modSeq() + ")" : "") + ")";
    }
}
