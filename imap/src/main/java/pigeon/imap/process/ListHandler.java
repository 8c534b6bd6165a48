package pigeon.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.ListReturnOption;
import pigeon.imap.command.ListSelectOption;
import pigeon.imap.command.MailboxNames;
import pigeon.imap.session.ImapState;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SessionContext;
import pigeon.store.MailboxInfo;

/**
 * LIST (RFC 9051 §6.3.9, LIST-EXTENDED RFC 5258, LIST-STATUS RFC 5819, SPECIAL-USE RFC 6154) and LSUB
 * (RFC 3501 §6.3.9). Special-use attributes and \HasChildren/\HasNoChildren come with every LIST
 * (clients that miss \Sent or \Trash make their own), child attributes with every basic LIST;
 * unsubscribed mailboxes are never hidden from LIST. Subscriptions are names: LIST (SUBSCRIBED) and
 * LSUB show those whose mailbox is gone too.
 */
final class ListHandler {
    private final StatusHandler status = new StatusHandler();

    Outcome list(ImapCommand.List l, ImapState state, SessionContext ctx) throws IOException {
        var out = ctx.out();
        // RFC 9051 §6.3.9: an empty pattern asks for the delimiter and the root
        if (l.patterns().size() == 1 && l.patterns().getFirst().isEmpty()) {
            out.untagged("LIST (\\Noselect) \"/\" \"\"");
            return Outcome.ok(state, "LIST completed");
        }
        Set<ListSelectOption> sel = l.selection();
        boolean subscribedOnly = sel.contains(ListSelectOption.SUBSCRIBED), specialOnly = sel.contains(ListSelectOption.SPECIAL_USE);
        boolean recursive = sel.contains(ListSelectOption.RECURSIVEMATCH) && subscribedOnly;
        boolean showSubscribed = subscribedOnly || l.returns().contains(ListReturnOption.SUBSCRIBED);
        boolean extended = l.extended() || ctx.rev2();
        // RFC 5258 §4: the extended syntax gives child information when RETURN (CHILDREN) asks for it
        // (Dovecot alike); basic LIST and IMAP4rev2 sessions always get it
        boolean children = !l.extended() || ctx.rev2() || l.returns().contains(ListReturnOption.CHILDREN);
        List<Pattern> patterns = patterns(ctx, l.reference(), l.patterns());
        MailboxTree tree = tree(state, ctx);
        for (MailboxTree.Node node : tree.nodes()) {
            if (!matches(patterns, node.name())) continue;
            boolean selected = (subscribedOnly ? node.subscribed() : node.inHierarchy())
                    && (!specialOnly || node.info().flatMap(MailboxInfo::specialUse).isPresent());
            // RFC 5258 §3.5: CHILDINFO for a name that isn't selected but has a descendant that is and
            // that the patterns don't match (else the descendant is listed itself)
            boolean childInfo = !selected && recursive
                    && node.subscribedDescendants().stream().anyMatch(d -> !matches(patterns, d));
            if (!selected && !childInfo) continue;
            String attributes = attributes(node, showSubscribed, extended, children);
            if (!selected) {
                out.untagged("LIST " + attributes + " \"/\" " + ctx.encodeName(node.name()) + " (\"CHILDINFO\" (\"SUBSCRIBED\"))");
                continue;
            }
            out.untagged("LIST " + attributes + " \"/\" " + ctx.encodeName(node.name()));
            // RFC 5819: STATUS right after the mailbox's LIST, for mailboxes that can be selected
            if (!l.statusItems().isEmpty() && node.exists()) out.untagged(status.statusLine(node.info().get(), l.statusItems(), ctx));
        }
        return Outcome.ok(state, "LIST completed");
    }

    /** RFC 3501 §6.3.9; with %, a parent that isn't subscribed but has subscribed children is \Noselect. */
    Outcome lsub(ImapCommand.Lsub l, ImapState state, SessionContext ctx) throws IOException {
        List<Pattern> patterns = patterns(ctx, l.reference(), List.of(l.pattern()));
        for (MailboxTree.Node node : tree(state, ctx).nodes()) {
            if (!patterns.getFirst().matcher(node.name()).matches()) continue;
            if (node.subscribed()) {
                // a subscription whose mailbox is gone stays listed (RFC 3501 §6.3.6), and can't be selected
                ctx.out().untagged("LSUB (" + (node.exists() ? "" : "\\Noselect") + ") \"/\" " + ctx.encodeName(node.name()));
            } else if (node.subscribedChild() && !l.pattern().endsWith("*")) {
                ctx.out().untagged("LSUB (\\Noselect) \"/\" " + ctx.encodeName(node.name()));
            }
        }
        return Outcome.ok(state, "LSUB completed");
    }

    private static MailboxTree tree(ImapState state, SessionContext ctx) {
        long account = MailboxHandler.account(state).id();
        return new MailboxTree(ctx.services().mailboxes().list(account), ctx.services().mailboxes().subscriptions(account));
    }

    private static boolean matches(List<Pattern> patterns, String name) {
        return patterns.stream().anyMatch(p -> p.matcher(name).matches());
    }

    private static List<Pattern> patterns(SessionContext ctx, String reference, List<String> patterns) {
        List<Pattern> out = new ArrayList<>();
        String ref = decode(ctx, reference);
        for (String p : patterns) out.add(MailboxTree.pattern(MailboxTree.canonical(ref, decode(ctx, p))));
        return out;
    }

    /** Patterns are mailbox names with wildcards: modified UTF-7 from rev1 clients; left as sent if invalid. */
    private static String decode(SessionContext ctx, String sent) {
        if (ctx.utf8() || sent.chars().anyMatch(c -> c >= 0x80)) return sent;
        return MailboxNames.tryDecodeUtf7(sent).orElse(sent);
    }

    private static String attributes(MailboxTree.Node node, boolean showSubscribed, boolean extended, boolean children) {
        List<String> a = new ArrayList<>();
        // RFC 5258 §3: \NonExistent (implying \Noselect) for a name without a mailbox
        if (!node.exists()) a.add(extended ? "\\NonExistent" : "\\Noselect");
        if (showSubscribed && node.subscribed()) a.add("\\Subscribed");
        if (children) a.add(node.hasChildren() ? "\\HasChildren" : "\\HasNoChildren");
        node.info().flatMap(MailboxInfo::specialUse).ifPresent(u -> a.add("\\" + u));
        return "(" + String.join(" ", a) + ")";
    }
}
