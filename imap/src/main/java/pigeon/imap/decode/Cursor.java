package pigeon.imap.decode;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import pigeon.imap.command.Flag;
import pigeon.imap.command.ImapDates;
import pigeon.imap.command.SequenceSet;

/**
 * The grammar's terminals (RFC 9051 §9) over the current command: atoms, strings (quoted and literal),
 * numbers, sequence sets, flags, dates. A literal is read here, with its continuation and limits, and
 * the cursor then moves on to the segment after it. Errors are {@link SyntaxException}s.
 */
final class Cursor {
    private static final boolean[] ATOM = new boolean[128];  // ATOM-CHAR

    static {
        for (int c = 0x21; c < 0x7f; c++) ATOM[c] = "(){%*\"\\]".indexOf(c) < 0;
    }

    /** A literal's announcement: {@code {n}}, {@code {n+}}, {@code ~{n}} or {@code ~{n+}}. */
    record Marker(long size, boolean nonSync, boolean binary) {}

    final LineInput input;
    final ImapLimits limits;
    private final Continuation continuation;
    int pos;
    int literals;
    int depth;
    /** How literal strings are decoded: UTF-8, or a SEARCH command's CHARSET. */
    Charset literalCharset = StandardCharsets.UTF_8;

    Cursor(LineInput input, ImapLimits limits, Continuation continuation) {
        this.input = input;
        this.limits = limits;
        this.continuation = continuation;
    }

    void reset() {
        pos = 0;
        literals = 0;
        depth = 0;
        literalCharset = StandardCharsets.UTF_8;
    }

    // --- characters ---

    int peek() { return pos < input.len ? input.buf()[pos] & 0xff : -1; }

    boolean atEnd() { return pos >= input.len; }

    static boolean isAtomChar(int c) { return c >= 0 && c < 128 && ATOM[c]; }

    void expect(char c) throws SyntaxException {
        if (peek() != c) throw SyntaxException.of((atEnd() ? "missing '" : "expected '") + c + "'");
        pos++;
    }

    boolean tryChar(char c) {
        if (peek() != c) return false;
        pos++;
        return true;
    }

    void sp() throws SyntaxException {
        if (peek() == ' ') pos++;
        else throw atEnd() ? SyntaxException.of("missing argument") : SyntaxException.of("expected space");
    }

    /** The end of the command: nothing may follow. */
    void end() throws SyntaxException {
        if (!atEnd()) throw SyntaxException.of(peek() == ' ' ? "unexpected extra argument" : "unexpected character");
    }

    int indexOfNul() {
        for (int i = 0; i < input.len; i++) if (input.buf()[i] == 0) return i;
        return -1;
    }

    SyntaxException missingOr(String what) {
        return SyntaxException.of((atEnd() ? "missing " : "invalid ") + what);
    }

    // --- atoms and strings ---

    /** 1*ATOM-CHAR, plus {@code ]} if {@code astring}, plus {@code % *} too if {@code list}. */
    private String chars(String what, boolean astring, boolean list) throws SyntaxException {
        int start = pos;
        byte[] b = input.buf();
        while (pos < input.len) {
            int c = b[pos] & 0xff;
            if (!(isAtomChar(c) || (astring && c == ']') || (list && (c == '%' || c == '*')))) break;
            pos++;
        }
        if (pos == start) throw missingOr(what);
        return new String(b, start, pos - start, StandardCharsets.US_ASCII);
    }

    String atom(String what) throws SyntaxException { return chars(what, false, false); }

    /** An atom in upper case: keywords, command names, options. */
    String keyword(String what) throws SyntaxException { return atom(what).toUpperCase(Locale.ROOT); }

    String astring(String what) throws SyntaxException, IOException {
        return switch (peek()) {
            case '"' -> quoted();
            case '{' -> literal();
            default -> chars(what, true, false);
        };
    }

    /** RFC 9051 {@code list-mailbox}: list-chars (wildcards allowed) or a string. */
    String listMailbox(String what) throws SyntaxException, IOException {
        return switch (peek()) {
            case '"' -> quoted();
            case '{' -> literal();
            default -> chars(what, true, true);
        };
    }

    String string(String what) throws SyntaxException, IOException {
        return switch (peek()) {
            case '"' -> quoted();
            case '{' -> literal();
            default -> throw missingOr(what);
        };
    }

    /** Whether the next atom is {@code word} (in any case); consumes it if so. */
    boolean tryKeyword(String word) {
        int end = pos;
        while (end < input.len && isAtomChar(input.buf()[end] & 0xff)) end++;
        if (end - pos != word.length() || !new String(input.buf(), pos, end - pos, StandardCharsets.US_ASCII).equalsIgnoreCase(word)) return false;
        pos = end;
        return true;
    }

    /** Whether NIL comes next (in any case); consumes it. */
    boolean tryNil() {
        byte[] b = input.buf();
        if (pos + 3 > input.len || (b[pos] | 0x20) != 'n' || (b[pos + 1] | 0x20) != 'i' || (b[pos + 2] | 0x20) != 'l') return false;
        if (pos + 3 < input.len && isAtomChar(b[pos + 3] & 0xff)) return false;
        pos += 3;
        return true;
    }

    Optional<String> nstring(String what) throws SyntaxException, IOException {
        return tryNil() ? Optional.empty() : Optional.of(string(what));
    }

    /** RFC 9051 {@code quoted}: escapes {@code \"} and {@code \\} only; 8-bit octets must be UTF-8. */
    String quoted() throws SyntaxException {
        expect('"');
        byte[] b = input.buf();
        byte[] out = null;  // only when an escape occurs
        int start = pos, n = 0;
        boolean ascii = true;
        while (true) {
            if (pos >= input.len) throw SyntaxException.of("unterminated quoted string");
            int c = b[pos++] & 0xff;
            if (c == '"') break;
            if (c == '\\') {
                if (pos >= input.len) throw SyntaxException.of("unterminated quoted string");
                c = b[pos++] & 0xff;
                if (c != '"' && c != '\\') throw SyntaxException.of("invalid escape in quoted string");
                if (out == null) {
                    out = new byte[input.len - start];
                    System.arraycopy(b, start, out, 0, n);
                }
            } else if (c == '\r') {
                throw SyntaxException.of("invalid character in quoted string");
            }
            if (c >= 0x80) ascii = false;
            if (out != null) out[n] = (byte) c;
            n++;
        }
        byte[] src = out != null ? out : b;
        int from = out != null ? 0 : start;
        if (ascii) return new String(src, from, n, StandardCharsets.US_ASCII);
        try {
            return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(src, from, n)).toString();
        } catch (CharacterCodingException e) {
            throw SyntaxException.of("invalid UTF-8 in quoted string");
        }
    }

    /** A literal string argument, bounded by {@link ImapLimits#maxLiteralSize()}. */
    String literal() throws SyntaxException, IOException {
        Marker m = marker();
        if (m.binary()) throw SyntaxException.of("literal8 is allowed only for APPEND's message");
        byte[] data = literalBytes(m);
        return new String(data, literalCharset);
    }

    /** Reads {@code {n}} etc. up to the segment's end (RFC 9051 §9 {@code literal}: CRLF follows the brace). */
    Marker marker() throws SyntaxException {
        boolean binary = tryChar('~');
        expect('{');
        long size = 0;
        int digits = 0;
        while (peek() >= '0' && peek() <= '9') {
            size = size > (Long.MAX_VALUE - 9) / 10 ? Long.MAX_VALUE : size * 10 + (peek() - '0');
            digits++;
            pos++;
        }
        boolean nonSync = tryChar('+');
        if (digits == 0 || !tryChar('}') || !atEnd()) throw SyntaxException.of("invalid literal");
        return new Marker(size, nonSync, binary);
    }

    /** Counts a literal against {@link ImapLimits#maxLiterals()}. */
    void countLiteral() throws SyntaxException {
        if (++literals > limits.maxLiterals()) throw SyntaxException.general("Too many literals in one command");
    }

    private byte[] literalBytes(Marker m) throws SyntaxException, IOException {
        countLiteral();
        if (m.size() > limits.maxLiteralSize())
            throw SyntaxException.tooBig("Literal too large (limit " + limits.maxLiteralSize() + " octets)", ParseError.Status.BAD);
        if (!m.nonSync()) continuation.request();
        byte[] data = input.readBytes((int) m.size());
        nextSegment();
        for (byte x : data) if (x == 0) throw SyntaxException.general("NUL octet in literal");
        return data;
    }

    /** Moves on to the segment after a literal. */
    void nextSegment() throws SyntaxException, IOException {
        if (!input.read()) throw new EOFException("end of input within a command");
        pos = 0;
        if (input.overlong) throw SyntaxException.general("Line too long");
        if (indexOfNul() >= 0) throw SyntaxException.general("NUL octet in command");
    }

    // --- numbers, sets, flags, dates ---

    /** 1*DIGIT up to {@code max}; {@code min} is 0 or 1 (RFC 9051 {@code number}, {@code nz-number}, {@code number64}). */
    long number(String what, long min, long max) throws SyntaxException {
        int start = pos;
        long n = 0;
        while (peek() >= '0' && peek() <= '9') {
            if (pos - start >= 19) throw SyntaxException.of("invalid " + what);
            n = n * 10 + (peek() - '0');
            pos++;
        }
        if (pos == start) throw missingOr(what);
        if (n < min || n > max) throw SyntaxException.of("invalid " + what);
        return n;
    }

    long nzNumber(String what) throws SyntaxException { return number(what, 1, SequenceSet.MAX_NUMBER); }

    /** RFC 7162 {@code mod-sequence-value} (min 1) or {@code mod-sequence-valzer} (min 0). */
    long modSeq(long min) throws SyntaxException { return number("mod-sequence", min, Long.MAX_VALUE); }

    SequenceSet sequenceSet() throws SyntaxException {
        int start = pos;
        while (pos < input.len && "0123456789:*,$".indexOf(input.buf()[pos]) >= 0) pos++;
        if (pos == start) throw missingOr("sequence set");
        try {
            return SequenceSet.parse(new String(input.buf(), start, pos - start, StandardCharsets.US_ASCII));
        } catch (IllegalArgumentException e) {
            throw SyntaxException.of("invalid sequence set");
        }
    }

    /** RFC 9051 {@code flag}: {@code \}atom (system flag or extension) or atom (keyword). */
    Flag flag() throws SyntaxException {
        boolean backslash = tryChar('\\');
        // NIL is an atom by the letter of the grammar, but it is the grammar's "nothing": storing it
        // as a keyword would show clients a flag no one set (Dovecot refuses it too)
        if (!backslash && tryNil()) throw SyntaxException.of("invalid flag NIL");
        String name = atom("flag");
        return Flag.of(backslash ? "\\" + name : name);
    }

    /** RFC 9051 {@code flag-list}: {@code (} [flag *(SP flag)] {@code )}. */
    List<Flag> flagList() throws SyntaxException {
        expect('(');
        List<Flag> flags = new ArrayList<>();
        if (!tryChar(')')) {
            do flags.add(flag()); while (tryChar(' '));
            expect(')');
        }
        return flags;
    }

    /** RFC 9051 {@code date}: date-text, bare or quoted. */
    LocalDate date() throws SyntaxException {
        String text = peek() == '"' ? quoted() : atom("date");
        try {
            return ImapDates.parseDate(text);
        } catch (IllegalArgumentException e) {
            throw SyntaxException.of("invalid date");
        }
    }

    /** RFC 9051 {@code date-time}, always quoted. */
    OffsetDateTime dateTime() throws SyntaxException {
        if (peek() != '"') throw missingOr("date-time");
        try {
            return ImapDates.parseDateTime(quoted());
        } catch (IllegalArgumentException e) {
            throw SyntaxException.of("invalid date-time");
        }
    }

    /** A nesting level more (search keys); fails beyond {@link ImapLimits#maxNesting()}. */
    void enter() throws SyntaxException {
        if (++depth > limits.maxNesting()) throw SyntaxException.of("search keys nested too deeply");
    }

    void leave() { depth--; }
}
