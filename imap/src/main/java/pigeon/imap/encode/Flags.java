package pigeon.imap.encode;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import pigeon.store.Flag;

/** Store flags as IMAP spells them (RFC 9051 §2.3.2), and flag lists. */
public final class Flags {
    /** {@code (\Answered \Flagged \Deleted \Seen \Draft)}: the order of RFC 9051's examples. */
    public static final String SYSTEM = "\\Answered \\Flagged \\Deleted \\Seen \\Draft";

    private Flags() {}

    public static String name(Flag f) {
        return switch (f) {
            case SEEN -> "\\Seen";
            case ANSWERED -> "\\Answered";
            case FLAGGED -> "\\Flagged";
            case DELETED -> "\\Deleted";
            case DRAFT -> "\\Draft";
        };
    }

    /** System flags (in a stable order), then \Recent if asked, then keywords. */
    public static Set<String> names(Set<Flag> flags, Set<String> keywords, boolean recent) {
        Set<String> out = new LinkedHashSet<>();
        for (Flag f : Flag.values()) if (flags.contains(f)) out.add(name(f));
        if (recent) out.add("\\Recent");
        out.addAll(keywords);
        return out;
    }

    /** {@code (a b c)}. */
    public static String list(Collection<String> names) { return "(" + String.join(" ", names) + ")"; }

    /** The store's flag for a system flag name ({@code \Seen} in any case); null for \Recent, keywords, extensions. */
    public static Flag systemFlag(String name) {
        for (Flag f : Flag.values()) if (name(f).equalsIgnoreCase(name)) return f;
        return null;
    }
}
