package pigeon.imap.command;

/** One SORT criterion (RFC 5256 §3, RFC 5957's DISPLAYFROM and DISPLAYTO): a key, optionally reversed. */
public record SortCriterion(Key key, boolean reverse) {
    public enum Key { ARRIVAL, CC, DATE, FROM, SIZE, SUBJECT, TO, DISPLAYFROM, DISPLAYTO }

    public SortCriterion {
        java.util.Objects.requireNonNull(key);
    }

    @Override public String toString() { return reverse ? "REVERSE " + key : key.name(); }
}
