package pigeon.imap.mime;

import java.util.ArrayList;
import java.util.List;

/**
 * RFC 5322 §3.4 address lists (with the obsolete forms of §4.4) turned into ENVELOPE address
 * structures. Written here rather than taken from mime4j because ENVELOPE wants the raw
 * phrase (mime4j decodes encoded words) and the source route (mime4j drops it).
 *
 * <p>Choices: display-name words are joined with one space, quoted strings unquoted; when a
 * mailbox has no display name, its last comment serves as one ({@code a@b (Ann)}), as Dovecot
 * does; a missing local part or domain is the empty string, never NIL, which would read as
 * group syntax. Lenient: what cannot be understood is skipped up to the next comma.
 */
final class AddressParser {
    private enum Kind { WORD, QUOTED, COMMENT, LITERAL, SPECIAL }

    private record Token(Kind kind, String text) {
        boolean is(char c) {
            return kind == Kind.SPECIAL && text.charAt(0) == c;
        }
    }

    private final List<Token> tokens;
    private int pos;
    private String skippedComment; // the last comment skipped inside a domain

    private AddressParser(String value) {
        this.tokens = tokenize(value);
    }

    /** The address list of a header value; empty when it holds no address. */
    static List<Address> parse(String value) {
        if (value == null) return List.of();
        AddressParser p = new AddressParser(value);
        List<Address> out = new ArrayList<>();
        while (p.pos < p.tokens.size()) p.address(out, false);
        return out;
    }

    /** One address or group, and the comma after it. */
    private void address(List<Address> out, boolean inGroup) {
        List<Token> phrase = new ArrayList<>();
        String comment = null;
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.kind == Kind.COMMENT) {
                comment = t.text;
                pos++;
            } else if (t.kind == Kind.WORD || t.kind == Kind.QUOTED) {
                phrase.add(t);
                pos++;
            } else if (t.is('.') && !phrase.isEmpty()) { // obs-phrase, or a dotted local part
                phrase.add(t);
                pos++;
            } else {
                break;
            }
        }
        Token t = pos < tokens.size() ? tokens.get(pos) : null;
        if (t != null && t.is(':') && !inGroup) { // group: display-name ":" [group-list] ";"
            pos++;
            out.add(Address.groupStart(words(phrase, true)));
            while (pos < tokens.size() && !tokens.get(pos).is(';')) address(out, true);
            pos++; // the ';' (or the end)
            out.add(Address.groupEnd());
            skipToComma(inGroup);
        } else if (t != null && t.is('<')) { // name-addr
            pos++;
            String adl = route();
            String[] spec = addrSpec('>');
            if (pos < tokens.size() && tokens.get(pos).is('>')) pos++;
            String name = phrase.isEmpty() ? comment : words(phrase, true);
            out.add(new Address(name, adl, spec[0], spec[1]));
            trailingComment();
            skipToComma(inGroup);
        } else if (!phrase.isEmpty()) { // addr-spec, or a bare word
            boolean hasDomain = t != null && t.is('@');
            String host = "";
            skippedComment = null;
            if (hasDomain) {
                pos++;
                host = domain('\0');
            }
            String trailing = trailingComment();
            if (trailing == null) trailing = skippedComment;
            String name = trailing != null ? trailing : comment;
            String local;
            if (!hasDomain && phrase.stream().filter(w -> w.kind != Kind.SPECIAL).count() > 1) {
                name = words(phrase, true); // "John Smith" alone: a name without an address
                local = "";
            } else {
                local = words(phrase, false);
            }
            out.add(new Address(name, null, local, host));
            skipToComma(inGroup);
        } else {
            skipToComma(inGroup);
        }
    }

    /** obs-route: "@" domain *("," ["@" domain]) ":" — returned as "@a,@b", or null. */
    private String route() {
        if (pos >= tokens.size() || !tokens.get(pos).is('@')) return null;
        int save = pos;
        StringBuilder adl = new StringBuilder();
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.is(':')) {
                pos++;
                return adl.toString();
            } else if (t.is('@')) {
                pos++;
                adl.append('@').append(domain(':'));
            } else if (t.is(',')) {
                pos++;
                adl.append(',');
            } else {
                break;
            }
        }
        pos = save; // not a route after all
        return null;
    }

    /** local-part "@" domain, up to (not including) {@code end}. */
    private String[] addrSpec(char end) {
        StringBuilder local = new StringBuilder();
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.is('@') || t.is(end) || t.is(',') || t.is(';')) break;
            if (t.kind != Kind.COMMENT) local.append(t.text);
            pos++;
        }
        String host = "";
        if (pos < tokens.size() && tokens.get(pos).is('@')) {
            pos++;
            host = domain(end);
        }
        return new String[] {local.toString(), host};
    }

    private String domain(char end) {
        StringBuilder d = new StringBuilder();
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (t.is(end) || t.is(',') || t.is(';') || t.is('>') || t.is('<') || t.is(':') || t.is('@')) break;
            if (t.kind != Kind.COMMENT) d.append(t.text);
            else skippedComment = t.text;
            pos++;
        }
        return d.toString();
    }

    private String trailingComment() {
        String c = null;
        while (pos < tokens.size() && tokens.get(pos).kind == Kind.COMMENT) c = tokens.get(pos++).text;
        return c;
    }

    /**
     * Skips to after the next comma; inside a group, stops before the ';' that ends it. Outside a
     * group a stray ';' is skipped like anything else (stopping there looped for ever: found by
     * MimeFuzzTest).
     */
    private void skipToComma(boolean inGroup) {
        while (pos < tokens.size()) {
            Token t = tokens.get(pos);
            if (inGroup && t.is(';')) return; // ends the enclosing group
            pos++;
            if (t.is(',')) return;
        }
    }

    /** A phrase (words joined by spaces) or a local part (words joined as they are). */
    private static String words(List<Token> words, boolean phrase) {
        StringBuilder out = new StringBuilder();
        Token previous = null;
        for (Token w : words) {
            boolean dot = w.kind == Kind.SPECIAL;
            if (phrase && previous != null && !dot) out.append(' ');
            out.append(w.text);
            previous = w;
        }
        return out.toString();
    }

    private static List<Token> tokenize(String s) {
        List<Token> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
                i++;
            } else if (c == '"') {
                StringBuilder q = new StringBuilder();
                i++;
                while (i < n && s.charAt(i) != '"') {
                    if (s.charAt(i) == '\\' && i + 1 < n) i++;
                    q.append(s.charAt(i++));
                }
                i++;
                out.add(new Token(Kind.QUOTED, q.toString()));
            } else if (c == '(') {
                StringBuilder q = new StringBuilder();
                int depth = 1;
                i++;
                while (i < n && depth > 0) {
                    char d = s.charAt(i);
                    if (d == '\\' && i + 1 < n) {
                        q.append(s.charAt(i + 1));
                        i += 2;
                        continue;
                    }
                    if (d == '(') depth++;
                    if (d == ')' && --depth == 0) break;
                    q.append(d);
                    i++;
                }
                i++;
                out.add(new Token(Kind.COMMENT, q.toString().strip()));
            } else if (c == '[') {
                int j = s.indexOf(']', i);
                j = j < 0 ? n : j + 1;
                out.add(new Token(Kind.LITERAL, s.substring(i, j)));
                i = j;
            } else if ("<>@,;:.".indexOf(c) >= 0) {
                out.add(new Token(Kind.SPECIAL, String.valueOf(c)));
                i++;
            } else {
                int j = i;
                while (j < n && " \t\r\n\"()[]<>@,;:.".indexOf(s.charAt(j)) < 0) j++;
                if (j == i) j++; // a stray ']' or ')'
                out.add(new Token(Kind.WORD, s.substring(i, j)));
                i = j;
            }
        }
        return out;
    }
}
