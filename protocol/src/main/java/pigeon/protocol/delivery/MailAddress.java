package pigeon.protocol.delivery;

import java.util.Locale;

/**
 * An RFC 5321 mailbox, {@code local-part@domain}. The domain is kept in lower case (domains are
 * case-insensitive); the local part keeps its case, and lookups compare it case-insensitively.
 * UTF-8 is allowed in both parts (RFC 6531).
 */
public record MailAddress(String localPart, String domain) {
    /** RFC 5321 §4.5.3.1.1 and §4.5.3.1.2. */
    public static final int MAX_LOCAL_PART = 64, MAX_DOMAIN = 255;

    public MailAddress {
        if (localPart.isEmpty() || localPart.length() > MAX_LOCAL_PART) throw new IllegalArgumentException("bad local part");
        if (domain.isEmpty() || domain.length() > MAX_DOMAIN) throw new IllegalArgumentException("bad domain");
        domain = domain.toLowerCase(Locale.ROOT);
    }

    /**
     * Parses an addr-spec as it appears inside SMTP's angle brackets (RFC 5321 §4.1.2
     * {@code Mailbox}): a dot-string or quoted-string local part, '@', and a domain or an
     * address literal.
     */
    public static MailAddress parse(String s) {
        int at = s.lastIndexOf('@');
        if (at <= 0 || at == s.length() - 1) throw new IllegalArgumentException("address must be local-part@domain");
        String local = s.substring(0, at), domain = s.substring(at + 1);
        if (!validLocalPart(local)) throw new IllegalArgumentException("bad local part");
        if (!validDomain(domain)) throw new IllegalArgumentException("bad domain");
        return new MailAddress(local, domain);
    }

    private static boolean validLocalPart(String local) {
        if (local.startsWith("\"")) {
            if (local.length() < 2 || !local.endsWith("\"")) return false;
            for (int i = 1; i < local.length() - 1; i++) {
                char c = local.charAt(i);
                if (c == '\\') { if (++i >= local.length() - 1) return false; continue; }
                if (c == '"' || c < 32 || c == 127) return false;
            }
            return true;
        }
        for (String atom : local.split("\\.", -1)) {
            if (atom.isEmpty()) return false;
            for (int i = 0; i < atom.length(); i++) if (!atext(atom.charAt(i))) return false;
        }
        return true;
    }

    /** RFC 5322 atext, plus any non-ASCII character (RFC 6531 §3.3). */
    static boolean atext(char c) {
        return c >= 128 || Character.isLetterOrDigit(c) || "!#$%&'*+-/=?^_`{|}~".indexOf(c) >= 0;
    }

    private static boolean validDomain(String d) {
        if (d.startsWith("[")) return d.endsWith("]") && d.length() > 2 && d.substring(1, d.length() - 1).chars().noneMatch(c -> c <= 32 || c == '[' || c == ']' || c == '\\');
        for (String label : d.split("\\.", -1)) {
            if (label.isEmpty() || label.length() > 63 || label.startsWith("-") || label.endsWith("-")) return false;
            for (int i = 0; i < label.length(); i++) {
                char c = label.charAt(i);
                if (!(c >= 128 || Character.isLetterOrDigit(c) || c == '-')) return false;
            }
        }
        return true;
    }

    @Override public String toString() { return localPart + "@" + domain; }
}
