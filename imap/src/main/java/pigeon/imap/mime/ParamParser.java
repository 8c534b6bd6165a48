package pigeon.imap.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * The value and parameters of a structured MIME field (RFC 2045 §5.1, RFC 2183 §2):
 * {@code value *(";" attribute "=" (token / quoted-string))}, comments skipped. Written here
 * rather than taken from mime4j's RawFieldParser because that one decodes encoded words
 * inside quoted values, which BODYSTRUCTURE must show raw. Lenient: a parameter without
 * "=" is dropped; an unterminated quoted string runs to the end of the field.
 */
final class ParamParser {
    /** The field's main value (whitespace removed) and its (name, value) pairs in order. */
    record Parsed(String value, List<String[]> params) {}

    private final String s;
    private int pos;

    private ParamParser(String s) {
        this.s = s;
    }

    static Parsed parse(String field) {
        ParamParser p = new ParamParser(field);
        String value = p.until(';', true);
        List<String[]> params = new ArrayList<>();
        while (p.pos < p.s.length()) {
            p.pos++; // the ';'
            String name = p.until2('=', ';').strip();
            if (p.pos >= p.s.length() || p.s.charAt(p.pos) != '=') continue;
            p.pos++;
            p.skipCfws();
            String v;
            if (p.pos < p.s.length() && p.s.charAt(p.pos) == '"') v = p.quoted();
            else v = p.until(';', false).strip();
            p.until(';', true); // anything after a quoted value, up to the next parameter
            if (!name.isEmpty()) params.add(new String[] {name, v});
        }
        return new Parsed(value, params);
    }

    /** Text up to {@code stop} outside comments; whitespace dropped when {@code squeeze}. */
    private String until(char stop, boolean squeeze) {
        StringBuilder out = new StringBuilder();
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == stop) break;
            if (c == '(') {
                skipComment();
                continue;
            }
            if (!squeeze || !Character.isWhitespace(c)) out.append(c);
            pos++;
        }
        return out.toString();
    }

    private String until2(char a, char b) {
        StringBuilder out = new StringBuilder();
        while (pos < s.length() && s.charAt(pos) != a && s.charAt(pos) != b) {
            if (s.charAt(pos) == '(') {
                skipComment();
                continue;
            }
            out.append(s.charAt(pos++));
        }
        return out.toString();
    }

    private String quoted() {
        StringBuilder out = new StringBuilder();
        pos++;
        while (pos < s.length() && s.charAt(pos) != '"') {
            if (s.charAt(pos) == '\\' && pos + 1 < s.length()) pos++;
            out.append(s.charAt(pos++));
        }
        pos++;
        return out.toString();
    }

    private void skipCfws() {
        while (pos < s.length()) {
            char c = s.charAt(pos);
            if (c == '(') skipComment();
            else if (Character.isWhitespace(c)) pos++;
            else return;
        }
    }

    private void skipComment() {
        int depth = 0;
        while (pos < s.length()) {
            char c = s.charAt(pos++);
            if (c == '\\') pos++;
            else if (c == '(') depth++;
            else if (c == ')' && --depth == 0) return;
        }
    }
}
