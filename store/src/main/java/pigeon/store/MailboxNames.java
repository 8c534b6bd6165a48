package pigeon.store;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Rules for mailbox names, special-use attributes and keywords, checked before the database is touched. */
final class MailboxNames {
    static final String INBOX = "INBOX";
    /** The names column's width. */
    static final int MAX_LENGTH = 1000;
    /** The keywords column's width (keywords are stored space-separated). */
    static final int MAX_KEYWORDS_LENGTH = 4000;
    /** RFC 6154 §2 (and RFC 8457's \Important is left out: nothing here would use it). */
    private static final List<String> SPECIAL_USES = List.of("All", "Archive", "Drafts", "Flagged", "Junk", "Sent", "Trash");

    private MailboxNames() {}

    /** RFC 9051 §5.1: INBOX is case-insensitive, also as the first level of a child's name ("inbox/x"). */
    static String canonical(String name) {
        if (name.equalsIgnoreCase(INBOX)) return INBOX;
        if (name.length() > INBOX.length() && name.charAt(INBOX.length()) == Mailboxes.DELIMITER
                && name.regionMatches(true, 0, INBOX, 0, INBOX.length()))
            return INBOX + name.substring(INBOX.length());
        return name;
    }

    /**
     * The canonical form of a name a mailbox may be given: not empty, no delimiter at either end, no
     * empty level, no control characters, and none of LIST's wildcards {@code * %}, which a client
     * could never name in a LIST pattern (RFC 9051 §6.3.9). INBOX itself is not refused here.
     */
    static String valid(String name) {
        if (name == null || name.isEmpty()) throw new IllegalArgumentException("empty mailbox name");
        if (name.length() > MAX_LENGTH) throw new IllegalArgumentException("mailbox name longer than " + MAX_LENGTH + " characters");
        String d = String.valueOf(Mailboxes.DELIMITER);
        if (name.startsWith(d) || name.endsWith(d) || name.contains(d + d))
            throw new IllegalArgumentException("mailbox name with an empty level: " + name);
        for (int i = 0; i < name.length(); i++) {
            char ch = name.charAt(i);
            if (Character.isISOControl(ch)) throw new IllegalArgumentException("control character in mailbox name");
            if (ch == '*' || ch == '%') throw new IllegalArgumentException("wildcard character in mailbox name: " + name);
        }
        return canonical(name);
    }

    /** The names above {@code name}, outermost first: "a/b/c" → ["a", "a/b"]. */
    static List<String> parents(String name) {
        List<String> out = new ArrayList<>();
        for (int i = name.indexOf(Mailboxes.DELIMITER); i >= 0; i = name.indexOf(Mailboxes.DELIMITER, i + 1))
            out.add(name.substring(0, i));
        return out;
    }

    /** Whether {@code name} is {@code ancestor} or lies below it. */
    static boolean isWithin(String name, String ancestor) {
        return name.equals(ancestor) || name.startsWith(ancestor + Mailboxes.DELIMITER);
    }

    /** The RFC 6154 attribute in its canonical spelling. */
    static Optional<String> specialUse(Optional<String> use) {
        if (use.isEmpty()) return use;
        for (String known : SPECIAL_USES) if (known.equalsIgnoreCase(use.get())) return Optional.of(known);
        throw new IllegalArgumentException("unknown special use (expected one of " + SPECIAL_USES + " without the backslash): " + use.get());
    }

    /**
     * RFC 9051 §9: a keyword is an atom — printable US-ASCII except the atom-specials
     * {@code ( ) { SP % * " \ ]} — so it never starts with the backslash of a system flag.
     */
    static Set<String> validKeywords(Collection<String> keywords) {
        for (String k : keywords) {
            if (k == null || k.isEmpty()) throw new IllegalArgumentException("empty keyword");
            for (int i = 0; i < k.length(); i++) {
                char ch = k.charAt(i);
                if (ch <= ' ' || ch >= 0x7f || "(){%*\"\\]".indexOf(ch) >= 0)
                    throw new IllegalArgumentException("not a valid keyword: " + k);
            }
        }
        if (String.join(" ", keywords).length() > MAX_KEYWORDS_LENGTH) throw new IllegalArgumentException("too many keywords");
        return Set.copyOf(keywords);
    }

}
