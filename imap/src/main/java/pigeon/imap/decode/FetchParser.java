package pigeon.imap.decode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import pigeon.imap.command.FetchItem;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.PartialRange;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.command.Section;

/**
 * FETCH (RFC 9051 §6.4.5 and §9 {@code fetch}, {@code fetch-att}, {@code section}, {@code partial}),
 * with RFC 3501's RFC822 items and RFC 7162's MODSEQ item and CHANGEDSINCE/VANISHED modifiers.
 */
final class FetchParser {
    private final Cursor c;

    FetchParser(Cursor c) { this.c = c; }

    /** {@code FETCH SP sequence-set SP ("ALL" / "FULL" / "FAST" / fetch-att / "(" fetch-att *(SP fetch-att) ")") [fetch-modifiers]}. */
    ImapCommand fetch(String tag, boolean uid) throws SyntaxException, IOException {
        c.sp();
        SequenceSet set = c.sequenceSet();
        c.sp();
        List<FetchItem> items = new ArrayList<>();
        if (c.tryChar('(')) {
            do items.add(item(name())); while (c.tryChar(' '));
            c.expect(')');
        } else {
            String name = name();
            switch (name) {
                case "ALL" -> items.addAll(FetchItem.ALL);
                case "FAST" -> items.addAll(FetchItem.FAST);
                case "FULL" -> items.addAll(FetchItem.FULL);
                default -> items.add(item(name));
            }
        }
        OptionalLong changedSince = OptionalLong.empty();
        Optional<PartialRange> partial = Optional.empty();
        boolean vanished = false;
        if (c.tryChar(' ')) {
            c.expect('(');
            do {
                switch (c.keyword("fetch modifier")) {
                    case "CHANGEDSINCE" -> {
                        c.sp();
                        changedSince = OptionalLong.of(c.modSeq(1));
                    }
                    case "VANISHED" -> vanished = true;
                    case "PARTIAL" -> {  // RFC 9394 §3.2
                        if (partial.isPresent()) throw SyntaxException.of("PARTIAL given twice");
                        c.sp();
                        partial = Optional.of(new SearchParser(c).partialRange());
                    }
                    default -> throw SyntaxException.of("unknown fetch modifier");
                }
            } while (c.tryChar(' '));
            c.expect(')');
        }
        // RFC 7162 §3.2.6: VANISHED without UID FETCH or without CHANGEDSINCE is a BAD
        if (vanished && (!uid || changedSince.isEmpty())) throw SyntaxException.of("VANISHED needs UID FETCH and CHANGEDSINCE");
        return new ImapCommand.Fetch(tag, uid, set, items, changedSince, vanished, partial);
    }

    /** An item's name: letters, digits and dots, upper-cased ({@code body.peek} → {@code BODY.PEEK}). */
    private String name() throws SyntaxException {
        int start = c.pos;
        while (Character.isLetterOrDigit(c.peek()) && c.peek() < 0x80 || c.peek() == '.') c.pos++;
        if (c.pos == start) throw c.missingOr("fetch item");
        return new String(c.input.buf(), start, c.pos - start, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
    }

    private FetchItem item(String name) throws SyntaxException, IOException {
        return switch (name) {
            case "FLAGS" -> FetchItem.FLAGS;
            case "UID" -> FetchItem.UID;
            case "INTERNALDATE" -> FetchItem.INTERNALDATE;
            case "RFC822.SIZE" -> FetchItem.RFC822_SIZE;
            case "ENVELOPE" -> FetchItem.ENVELOPE;
            case "BODYSTRUCTURE" -> FetchItem.BODYSTRUCTURE;
            case "MODSEQ" -> FetchItem.MODSEQ;
            case "RFC822" -> FetchItem.RFC822;
            case "RFC822.HEADER" -> FetchItem.RFC822_HEADER;
            case "RFC822.TEXT" -> FetchItem.RFC822_TEXT;
            case "BODY" -> c.peek() == '[' ? new FetchItem.BodySection(false, section(), partial()) : FetchItem.BODY;
            case "BODY.PEEK" -> new FetchItem.BodySection(true, section(), partial());
            // RFC 3516 section-binary is [section-part]; the whole section-spec is taken, as Dovecot does
            case "BINARY" -> new FetchItem.Binary(false, section(), partial());
            case "BINARY.PEEK" -> new FetchItem.Binary(true, section(), partial());
            case "BINARY.SIZE" -> new FetchItem.BinarySize(section());
            default -> throw SyntaxException.of("unknown fetch item");
        };
    }

    /**
     * A {@code section-spec} on its own, as an IMAP URL's {@code ;SECTION=} carries it (RFC 5092 §9, once
     * %-decoded), parsed as FETCH parses it between the brackets.
     *
     * @throws IllegalArgumentException when it is not one (or holds a literal)
     */
    static Section section(String spec) {
        byte[] line = ("[" + spec + "]\r\n").getBytes(StandardCharsets.UTF_8);
        LineInput input = new LineInput(new java.io.ByteArrayInputStream(line), line.length);
        Cursor c = new Cursor(input, ImapLimits.DEFAULTS, () -> { throw new IOException("a literal in a URL's section"); });
        try {
            if (!input.read() || input.overlong) throw new IllegalArgumentException("invalid section");
            Section section = new FetchParser(c).section();
            c.end();
            return section;
        } catch (SyntaxException | IOException e) {
            throw new IllegalArgumentException("invalid section: " + spec);
        }
    }

    /** {@code "[" [section-spec] "]"}: section-msgtext, or a part path optionally followed by section-text. */
    private Section section() throws SyntaxException, IOException {
        c.expect('[');
        List<Integer> part = new ArrayList<>();
        Section.Text text = Section.Text.FULL;
        List<String> fields = List.of();
        if (c.peek() != ']') {
            boolean word = true;
            if (c.peek() >= '0' && c.peek() <= '9') {
                word = false;
                part.add(partNumber());
                while (c.tryChar('.')) {
                    if (c.peek() >= '0' && c.peek() <= '9') {
                        part.add(partNumber());
                    } else {
                        word = true;
                        break;
                    }
                }
            }
            if (word) {
                text = sectionText(!part.isEmpty());
                if (text == Section.Text.HEADER_FIELDS || text == Section.Text.HEADER_FIELDS_NOT) fields = headerList();
            }
        }
        c.expect(']');
        return new Section(part, text, fields);
    }

    /** HEADER, HEADER.FIELDS, HEADER.FIELDS.NOT, TEXT, or (after a part path only) MIME. */
    private Section.Text sectionText(boolean afterPart) throws SyntaxException {
        int start = c.pos;
        while (Character.isLetter(c.peek()) && c.peek() < 0x80 || c.peek() == '.') c.pos++;
        String word = new String(c.input.buf(), start, c.pos - start, StandardCharsets.US_ASCII).toUpperCase(Locale.ROOT);
        return switch (word) {
            case "HEADER" -> Section.Text.HEADER;
            case "HEADER.FIELDS" -> Section.Text.HEADER_FIELDS;
            case "HEADER.FIELDS.NOT" -> Section.Text.HEADER_FIELDS_NOT;
            case "TEXT" -> Section.Text.TEXT;
            case "MIME" -> {
                if (!afterPart) throw SyntaxException.of("invalid section");
                yield Section.Text.MIME;
            }
            default -> throw SyntaxException.of("invalid section");
        };
    }

    /** {@code SP "(" header-fld-name *(SP header-fld-name) ")"}, names being astrings. */
    private List<String> headerList() throws SyntaxException, IOException {
        c.sp();
        c.expect('(');
        List<String> names = new ArrayList<>();
        do names.add(c.astring("header field name")); while (c.tryChar(' '));
        c.expect(')');
        return names;
    }

    private int partNumber() throws SyntaxException { return (int) c.number("section part", 1, Integer.MAX_VALUE); }

    /** {@code "<" number64 "." nz-number64 ">"}, if present. */
    private Optional<FetchItem.Partial> partial() throws SyntaxException {
        if (!c.tryChar('<')) return Optional.empty();
        long origin = c.number("partial", 0, Long.MAX_VALUE);
        c.expect('.');
        long length = c.number("partial", 1, Long.MAX_VALUE);
        c.expect('>');
        return Optional.of(new FetchItem.Partial(origin, length));
    }
}
