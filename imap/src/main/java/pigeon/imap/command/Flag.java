package pigeon.imap.command;

import java.util.List;
import java.util.Locale;

/**
 * A message flag as the client named it (RFC 9051 §2.3.2). System flags ({@code \Seen} …) are
 * recognised in any case and stored in their canonical spelling, so {@code \SEEN} equals
 * {@link #SEEN}; keywords ({@code $Forwarded}, {@code NonJunk}) and flag extensions ({@code \Foo})
 * are kept exactly as written.
 */
public record Flag(String name) {
    public static final Flag SEEN = new Flag("\\Seen");
    public static final Flag ANSWERED = new Flag("\\Answered");
    public static final Flag FLAGGED = new Flag("\\Flagged");
    public static final Flag DELETED = new Flag("\\Deleted");
    public static final Flag DRAFT = new Flag("\\Draft");
    /** IMAP4rev1 only (RFC 3501 §2.3.2); RFC 9051 removed it. Clients can't set it. */
    public static final Flag RECENT = new Flag("\\Recent");

    private static final List<Flag> SYSTEM = List.of(SEEN, ANSWERED, FLAGGED, DELETED, DRAFT, RECENT);

    public Flag {
        if (name.isEmpty() || name.equals("\\")) throw new IllegalArgumentException("empty flag name");
    }

    /** The flag named {@code name}, with a system flag's name in canonical case. */
    public static Flag of(String name) {
        if (name.startsWith("\\")) {
            for (Flag f : SYSTEM) if (f.name.equalsIgnoreCase(name)) return f;
        }
        return new Flag(name);
    }

    /** {@code \Seen}, {@code \Answered}, {@code \Flagged}, {@code \Deleted}, {@code \Draft} or {@code \Recent}. */
    public boolean isSystem() { return SYSTEM.contains(this); }

    /** A keyword: a flag name that does not start with a backslash. */
    public boolean isKeyword() { return !name.startsWith("\\"); }

    /** Flag names are case-insensitive (RFC 9051 §2.3.2); keywords keep the case they were written in. */
    public boolean sameAs(Flag other) { return name.toLowerCase(Locale.ROOT).equals(other.name.toLowerCase(Locale.ROOT)); }

    @Override public String toString() { return name; }
}
