package pigeon.imap.search;

import java.util.ArrayList;
import java.util.List;

/**
 * msg-id lists (RFC 5322 §3.6.4) as THREAD=REFERENCES reads them from Message-ID, In-Reply-To and
 * References. RFC 5256 §3 asks that ids be normalised so that quoting makes no difference:
 * {@code <"01KF8JCEOCBS0045PS"@xxx.yyy.com>} is {@code <01KF8JCEOCBS0045PS@xxx.yyy.com>}. Here an id is what
 * lies between {@code <} and {@code >}, comments outside removed, quotes, backslash escapes and whitespace
 * inside removed; an empty one is not an id. Case is kept (the local part is case-sensitive).
 */
final class MessageIds {
    private MessageIds() {}

    /** All ids in the value, in order; empty for null. */
    static List<String> all(String value) {
        List<String> ids = new ArrayList<>();
        if (value == null) return ids;
        int depth = 0;
        boolean quoted = false;
        StringBuilder id = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (id != null) { // inside <…>
                if (c == '\\' && i + 1 < value.length()) id.append(value.charAt(++i));
                else if (c == '"') quoted = !quoted;
                else if (c == '>' && !quoted) {
                    if (!id.isEmpty()) ids.add(id.toString());
                    id = null;
                } else if (c == '<' && !quoted) id.setLength(0); // an unclosed "<" before: start again
                else if (!Character.isWhitespace(c)) id.append(c);
            } else if (depth > 0) { // inside a comment
                if (c == '\\') i++;
                else if (c == '(') depth++;
                else if (c == ')') depth--;
            } else if (c == '(') {
                depth = 1;
            } else if (c == '<') {
                id = new StringBuilder();
                quoted = false;
            }
        }
        return ids;
    }

    /** The first id in the value, or null. */
    static String first(String value) {
        List<String> ids = all(value);
        return ids.isEmpty() ? null : ids.getFirst();
    }
}
