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
 * (clients that miss \Sent or \Trash make their own); unsubscribed mailboxes are never hidden from LIST.
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
        List<Pattern> patterns = patterns(ctx, l.reference(), l.patterns());
        MailboxTree tree = new MailboxTree(ctx.services().mailboxes().list(MailboxHandler.account(state).id()));
        for (MailboxTree.Node node : tree.nodes()) {
            if (patterns.stream().noneMatch(p -> p.matcher(node.name()).matches())) continue;
            boolean selected = (!subscribedOnly || node.subscribed()) && (!specialOnly || node.info().flatMap(MailboxInfo::specialUse).isPresent());
            boolean childInfo = !selected && recursive && node.subscribedChild();
            if (!selected && !childInfo) continue;
            if (!selected) {
                out.untagged("LIST " + attributes(node, showSubscribed, extended) + " \"/\" " + ctx.encodeName(node.name())
                        + " (\"CHILDINFO\" (\"SUBSCRIBED\"))");
                continue;
            }
            out.untagged("LIST " + attributes(node, showSubscribed, extended) + " \"/\" " + ctx.encodeName(node.name()));
            // RFC 5819: STATUS right after the mailbox's LIST, for mailboxes that can be selected
            if (!l.statusItems().isEmpty() && node.exists()) out.untagged(status.statusLine(node.info().get(), l.statusItems(), ctx));
        }
        return Outcome.ok(state, "LIST completed");
    }

    /** RFC 3501 §6.3.9; with %, a parent that isn't subscribed but has subscribed children is \Noselect. */
    Outcome lsub(ImapCommand.Lsub l, ImapState state, SessionContext ctx) throws IOException {
        List<Pattern> patterns = patterns(ctx, l.reference(), List.of(l.pattern()));
        MailboxTree tree = new MailboxTree(ctx.services().mailboxes().list(MailboxHandler.account(state).id()));
        for (MailboxTree.Node node : tree.nodes()) {
            if (!patterns.getFirst().matcher(node.name()).matches()) continue;
            if (node.subscribed()) {
                ctx.out().untagged("LSUB () \"/\" " + ctx.encodeName(node.name()));
            } else if (node.subscribedChild() && !l.pattern().endsWith("*")) {
                ctx.out().untagged("LSUB (\\Noselect) \"/\" " + ctx.encodeName(node.name()));
            }
        }
        return Outcome.ok(state, "LSUB completed");
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

    private static String attributes(MailboxTree.Node node, boolean showSubscribed, boolean extended) {
        List<String> a = new ArrayList<>();
        // RFC 5258 §3: \NonExistent (implying \Noselect) for a parent that only exists through its children
        if (!node.exists()) a.add(extended ? "\\NonExistent" : "\\Noselect");
        a.add(node.hasChildren() ? "\\HasChildren" : "\\HasNoChildren");
        if (showSubscribed && node.subscribed()) a.add("\\Subscribed");
        node.info().flatMap(MailboxInfo::specialUse).ifPresent(u -> a.add("\\" + u));
        return "(" + String.join(" ", a) + ")";
    }
}
