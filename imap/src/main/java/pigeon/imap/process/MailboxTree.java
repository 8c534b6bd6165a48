package pigeon.imap.process;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;
import pigeon.imap.command.MailboxNames;
import pigeon.store.MailboxInfo;

/**
 * An account's mailboxes as a hierarchy for LIST and LSUB: every mailbox, plus the parents that only
 * exist because a child does (after their DELETE), INBOX first, then by name.
 */
final class MailboxTree {
    /** A name in the hierarchy; {@code info} is empty for a parent that doesn't exist. */
    record Node(String name, Optional<MailboxInfo> info, boolean hasChildren, boolean subscribedChild) {
        boolean exists() { return info.isPresent(); }
        boolean subscribed() { return info.map(MailboxInfo::subscribed).orElse(false); }
    }

    private static final Comparator<String> ORDER = Comparator.comparing((String n) -> !n.equals(MailboxNames.INBOX)).thenComparing(n -> n);

    private final List<Node> nodes = new ArrayList<>();

    MailboxTree(List<MailboxInfo> mailboxes) {
        TreeMap<String, MailboxInfo> byName = new TreeMap<>(ORDER);
        TreeMap<String, Boolean> all = new TreeMap<>(ORDER);
        for (MailboxInfo m : mailboxes) {
            byName.put(m.name(), m);
            all.put(m.name(), true);
            for (int i = m.name().indexOf('/'); i > 0; i = m.name().indexOf('/', i + 1)) all.putIfAbsent(m.name().substring(0, i), true);
        }
        for (String name : all.keySet()) {
            boolean children = false, subscribedChild = false;
            for (MailboxInfo m : mailboxes) {
                if (m.name().startsWith(name + "/")) {
                    children = true;
                    subscribedChild |= m.subscribed();
                }
            }
            nodes.add(new Node(name, Optional.ofNullable(byName.get(name)), children, subscribedChild));
        }
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
