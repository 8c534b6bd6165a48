package pigeon.imap.process;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import pigeon.imap.command.MailboxNames;
import pigeon.store.MailboxInfo;

/**
 * An account's mailboxes and subscriptions as a hierarchy for LIST and LSUB: every mailbox, every
 * subscribed name (a subscription outlives its mailbox, RFC 3501 §6.3.6), and the parents that only
 * exist because a child does, INBOX first, then by name.
 */
final class MailboxTree {
    /**
     * A name in the hierarchy.
     *
     * @param info                  empty for a name no mailbox has
     * @param hasChildren           a mailbox exists below it
     * @param subscribed            the name is subscribed
     * @param subscribedDescendants the subscribed names below it
     */
    record Node(String name, Optional<MailboxInfo> info, boolean hasChildren, boolean subscribed, List<String> subscribedDescendants) {
        boolean exists() { return info.isPresent(); }

        /** In the mailbox hierarchy: the mailbox exists, or one below it does (RFC 5258 §3: then it is \NonExistent). */
        boolean inHierarchy() { return exists() || hasChildren; }

        boolean subscribedChild() { return !subscribedDescendants.isEmpty(); }
    }

    private static final Comparator<String> ORDER = Comparator.comparing((String n) -> !n.equals(MailboxNames.INBOX)).thenComparing(n -> n);

    private final List<Node> nodes = new ArrayList<>();

    MailboxTree(List<MailboxInfo> mailboxes, Collection<String> subscriptions) {
        Map<String, MailboxInfo> byName = new TreeMap<>(ORDER);
        Set<String> all = new TreeSet<>(ORDER);
        Set<String> subscribed = new TreeSet<>(subscriptions);
        for (MailboxInfo m : mailboxes) {
            byName.put(m.name(), m);
            withParents(m.name(), all);
        }
        for (String s : subscribed) withParents(s, all);
        for (String name : all) {
            String prefix = name + "/";
            boolean children = byName.keySet().stream().anyMatch(n -> n.startsWith(prefix));
            List<String> below = subscribed.stream().filter(n -> n.startsWith(prefix)).toList();
            nodes.add(new Node(name, Optional.ofNullable(byName.get(name)), children, subscribed.contains(name), below));
        }
    }

    private static void withParents(String name, Set<String> into) {
        into.add(name);
        for (int i = name.indexOf('/'); i > 0; i = name.indexOf('/', i + 1)) into.add(name.substring(0, i));
    }

    List<Node> nodes() { return nodes; }

    /**
     * The regular expression for a LIST pattern (RFC 9051 §6.3.9): {@code *} matches anything,
     * {@code %} anything but the delimiter; INBOX in any case at the start matches INBOX.
     */
    static Pattern pattern(String canonical) {
        String p = canonical;
        if (p.length() >= 5 && p.substring(0, 5).equalsIgnoreCase(MailboxNames.INBOX) && (p.length() == 5 || p.charAt(5) == '/'))
            p = MailboxNames.INBOX + p.substring(5);
        StringBuilder re = new StringBuilder();
        StringBuilder literal = new StringBuilder();
        for (char ch : p.toCharArray()) {
            if (ch == '*' || ch == '%') {
                if (!literal.isEmpty()) re.append(Pattern.quote(literal.toString()));
                literal.setLength(0);
                re.append(ch == '*' ? ".*" : "[^/]*");
            } else {
                literal.append(ch);
            }
        }
        if (!literal.isEmpty()) re.append(Pattern.quote(literal.toString()));
        return Pattern.compile(re.toString(), Pattern.DOTALL);
    }

    /** RFC 9051 §6.3.9: the reference and the pattern make one name; a doubled delimiter counts once. */
    static String canonical(String reference, String pattern) {
        if (reference.endsWith("/") && pattern.startsWith("/")) return reference + pattern.substring(1);
        return reference + pattern;
    }
}
