package pigeon.imap.fetch;

import java.io.BufferedInputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import pigeon.imap.command.FetchItem;
import pigeon.imap.command.ImapDates;
import pigeon.imap.command.Section;
import pigeon.imap.message.MessageView;
import pigeon.imap.mime.ImapRenderer;
import pigeon.imap.mime.MessageDescription;
import pigeon.imap.mime.MimePart;
import pigeon.imap.mime.Range;
import pigeon.imap.mime.SinglePart;

/**
 * Writes the untagged FETCH response of one message (RFC 9051 §7.5.2; RFC 3501 §7.4.2; BINARY from
 * RFC 3516; MODSEQ from RFC 7162 §3.1.4): {@code * <seq> FETCH (<item> <value> …)\r\n}.
 *
 * <p><b>Order of the items.</b> As requested, each response item once (a second request with the
 * same response label, e.g. {@code BODY[]} and {@code BODY.PEEK[]}, is answered once). With
 * {@link FetchOptions#addUid()} UID comes first whether or not it was requested, as Dovecot does
 * ("some clients rely on" it); FLAGS ({@link FetchOptions#addFlags()}) and MODSEQ
 * ({@link FetchOptions#addModSeq()}), when added rather than requested, come last.
 *
 * <p><b>Section data</b> always goes as a literal {@code {n}\r\n…} copied from the stored octets
 * (never as a quoted string), except that empty data goes as {@code ""}, as Mark Crispin
 * recommended; a section that does not exist (part 3 of a two-part message; HEADER or TEXT of a part
 * that is not MESSAGE/RFC822) is the empty string too: RFC 9051 does not single it out, the author
 * of RFC 3501 answered {@code ""} ("that was a silly thing for you to do"), Dovecot sends an empty
 * literal. BINARY data that holds a NUL goes as a literal8 {@code ~{n}\r\n…} (RFC 3516 §4.3).
 *
 * <p><b>Partial fetches</b> ({@code <origin.length>}) take octets {@code [origin, origin+length)} of
 * the section, clipped to its end; an origin at or beyond the end gives {@code ""}. The response
 * label carries the origin only ({@code BODY[]<0>}, RFC 9051 §7.5.2). BINARY partials are labelled
 * the same way ({@code BINARY[1]<0>}) as RFC 3516 §4.3 and RFC 9051 §7.5.2 describe and Dovecot
 * sends; RFC 9051's ABNF omits that origin (erratum 7246, reported, not verified) and mox leaves it
 * out.
 *
 * <p><b>rev1 and rev2.</b> The same bytes are written for both except that IMAP4rev2 (like
 * UTF8=ACCEPT) lets ENVELOPE and BODYSTRUCTURE strings carry UTF-8 in quoted strings. RFC822,
 * RFC822.HEADER and RFC822.TEXT are no longer in RFC 9051's grammar (only RFC822.SIZE is); they are
 * still answered, labelled as requested, when the parser lets them through (Dovecot and mox do the
 * same). {@code \Recent} is the session's business: FLAGS shows {@link MessageView#flags()} as is.
 *
 * <p><b>Memory.</b> Section octets stream from {@link MessageView#open(long, long)} to the output.
 * HEADER.FIELDS reads only the header's range and holds the selected fields; BINARY decodes the
 * part twice (once to learn its decoded size and whether it holds a NUL, once to send it).
 */
public final class FetchResponder {
    private FetchResponder() {}

    private static final Section HEADER = new Section(List.of(), Section.Text.HEADER, List.of());
    private static final Section TEXT = new Section(List.of(), Section.Text.TEXT, List.of());
    private static final List<String> SYSTEM_FLAGS =
            List.of("\\Answered", "\\Flagged", "\\Deleted", "\\Seen", "\\Draft", "\\Recent");

    /**
     * Writes {@code * <seq> FETCH (…)\r\n} for {@code m} to {@code out}, without flushing ({@code out}
     * should be buffered: items go out in many small writes, the session flushes once). Every item
     * is checked (and header subsets and BINARY sizes worked out) before the first octet is written,
     * so a {@link FetchException} leaves {@code out} untouched. An {@link IOException} while writing
     * section data leaves a partial response behind: the session must then drop the connection.
     *
     * @throws FetchException BINARY/BINARY.SIZE of a part with an unknown transfer encoding
     *                        ({@code NO [UNKNOWN-CTE]})
     */
    public static void write(OutputStream out, MessageView m, List<FetchItem> items, FetchOptions options)
            throws IOException, FetchException {
        List<FetchItem> response = responseItems(items, options);
        // FLAGS, UID, sizes and dates are in memory: don't load the description for them (UID FETCH 1:* (FLAGS))
        MessageDescription d = needsDescription(response) ? m.description() : null;
        check(d, response);
        List<Piece> pieces = new ArrayList<>(response.size());
        for (FetchItem item : response) pieces.add(prepare(m, d, item, options.utf8Strings()));

        out.write(ascii("* " + m.seq() + " FETCH ("));
        for (int i = 0; i < pieces.size(); i++) {
            if (i > 0) out.write(' ');
            pieces.get(i).write(out, m);
        }
        out.write(ascii(")\r\n"));
    }

    /**
     * Checks, without reading the message, that every item can be answered: the session may call
     * this for every message of a FETCH before writing any response. {@link #write} calls it too.
     */
    public static void check(MessageDescription d, List<FetchItem> items) throws FetchException {
        for (FetchItem item : items) {
            switch (item) {
                case FetchItem.Binary b -> leaf(d, b.section());
                case FetchItem.BinarySize b -> leaf(d, b.section());
                default -> { }
            }
        }
    }

    /** Whether answering these items needs the message's description (ENVELOPE, BODYSTRUCTURE, sections …). */
    public static boolean needsDescription(List<FetchItem> items) {
        for (FetchItem item : items) {
            switch (item) {
                case FetchItem.Flags x -> { }
                case FetchItem.Uid x -> { }
                case FetchItem.InternalDate x -> { }
                case FetchItem.Rfc822Size x -> { }
                case FetchItem.ModSeq x -> { }
                default -> { return true; }
            }
        }
        return false;
    }

    /**
     * Whether fetching these items sets \Seen (RFC 9051 §6.4.5): BODY[…] and BINARY[…] without
     * .PEEK, RFC822 and RFC822.TEXT. The session stores \Seen first (unless the mailbox is
     * read-only), then renders with {@link FetchOptions#withFlags} when the flags changed.
     */
    public static boolean setsSeen(List<FetchItem> items) {
        for (FetchItem item : items) if (item.setsSeen()) return true;
        return false;
    }

    /** The items in the order they are answered, see the class comment. */
    public static List<FetchItem> responseItems(List<FetchItem> requested, FetchOptions options) {
        Map<String, FetchItem> byLabel = new LinkedHashMap<>();
        if (options.addUid()) byLabel.put(label(FetchItem.UID), FetchItem.UID);
        for (FetchItem item : requested) byLabel.putIfAbsent(label(item), item);
        if (options.addFlags()) byLabel.putIfAbsent(label(FetchItem.FLAGS), FetchItem.FLAGS);
        if (options.addModSeq()) byLabel.putIfAbsent(label(FetchItem.MODSEQ), FetchItem.MODSEQ);
        return List.copyOf(byLabel.values());
    }

    /**
     * The name an item has in the response: {@code BODY[HEADER.FIELDS (From To)]} (field names echoed
     * as requested; Dovecot upper-cases them, clients compare them case-insensitively if at all),
     * {@code BODY[]<0>} for a partial (origin only), {@code BODY[1]} for {@code BODY.PEEK[1]}.
     */
    public static String label(FetchItem item) {
        return switch (item) {
            case FetchItem.Flags x -> "FLAGS";
            case FetchItem.Uid x -> "UID";
            case FetchItem.InternalDate x -> "INTERNALDATE";
            case FetchItem.Rfc822Size x -> "RFC822.SIZE";
            case FetchItem.Envelope x -> "ENVELOPE";
            case FetchItem.BodyStructure x -> "BODYSTRUCTURE";
            case FetchItem.Body x -> "BODY";
            case FetchItem.ModSeq x -> "MODSEQ";
            case FetchItem.Rfc822 x -> "RFC822";
            case FetchItem.Rfc822Header x -> "RFC822.HEADER";
            case FetchItem.Rfc822Text x -> "RFC822.TEXT";
            case FetchItem.BodySection s -> "BODY[" + s.section().render() + "]" + origin(s.partial());
            case FetchItem.Binary b -> "BINARY[" + b.section().render() + "]" + origin(b.partial());
            case FetchItem.BinarySize b -> "BINARY.SIZE[" + b.section().render() + "]";
        };
    }

    private static String origin(Optional<FetchItem.Partial> partial) {
        return partial.map(p -> "<" + p.origin() + ">").orElse("");
    }

    // ---------------------------------------------------------------- preparing

    private static Piece prepare(MessageView m, MessageDescription d, FetchItem item, boolean utf8)
            throws IOException, FetchException {
        String label = label(item);
        return switch (item) {
            case FetchItem.Flags x -> inline(label + " " + flags(m.flags()));
            case FetchItem.Uid x -> inline(label + " " + m.uid());
            // date-time (RFC 9051 §9); the store keeps an instant, shown in UTC
            case FetchItem.InternalDate x -> inline(label + " \""
                    + ImapDates.formatDateTime(m.internalDate()) + "\"");
            case FetchItem.Rfc822Size x -> inline(label + " " + m.size());
            case FetchItem.Envelope x -> inline(label + " " + ImapRenderer.envelope(d.envelope(), utf8));
            case FetchItem.BodyStructure x -> inline(label + " " + ImapRenderer.bodyStructure(d.body(), utf8));
            case FetchItem.Body x -> inline(label + " " + ImapRenderer.body(d.body(), utf8));
            case FetchItem.ModSeq x -> inline(label + " (" + m.modSeq() + ")"); // RFC 7162 §3.1.4
            // RFC 3501 §6.4.5: RFC822 = BODY[], RFC822.HEADER = BODY.PEEK[HEADER], RFC822.TEXT = BODY[TEXT]
            case FetchItem.Rfc822 x -> section(m, d, label, Section.WHOLE, Optional.empty());
            case FetchItem.Rfc822Header x -> section(m, d, label, HEADER, Optional.empty());
            case FetchItem.Rfc822Text x -> section(m, d, label, TEXT, Optional.empty());
            case FetchItem.BodySection s -> section(m, d, label, s.section(), s.partial());
            case FetchItem.Binary b -> binary(m, d, label, b);
            case FetchItem.BinarySize b -> binarySize(m, d, label, b);
        };
    }

    /** flag-list: system flags in a fixed order (Dovecot's), then the others as the set gives them. */
    private static String flags(Set<String> flags) {
        StringBuilder b = new StringBuilder("(");
        List<String> rest = new ArrayList<>(flags);
        for (String system : SYSTEM_FLAGS) {
            for (String f : flags) {
                if (f.equalsIgnoreCase(system)) {
                    if (b.length() > 1) b.append(' ');
                    b.append(f);
                    rest.remove(f);
                }
            }
        }
        for (String f : rest) {
            if (b.length() > 1) b.append(' ');
            b.append(f);
        }
        return b.append(')').toString();
    }

    /** BODY[section]<partial> and the RFC822 forms (RFC 9051 §6.4.5). */
    private static Piece section(MessageView m, MessageDescription d, String label, Section section,
                                 Optional<FetchItem.Partial> partial) throws IOException {
        return piece(m, label, sectionData(m, d, section), partial, false);
    }

    /** A section's octets as stored: a run of the message, or (HEADER.FIELDS) the selected fields. */
    private record Data(byte[] selected, long offset, long length) {
        static final Data EMPTY = new Data(new byte[0], 0, 0);
    }

    private static Data sectionData(MessageView m, MessageDescription d, Section section) throws IOException {
        return find(m, d, section).orElse(Data.EMPTY);
    }

    /**
     * The octets {@code BODY[section]<partial>} answers with, as a stream; empty when the part path names
     * no part of the message (FETCH answers an empty string there). For CATENATE's URL parts (RFC 4469),
     * so that they are what a FETCH of the same section gives.
     */
    public static Optional<InputStream> sectionOctets(MessageView m, Section section, Optional<FetchItem.Partial> partial)
            throws IOException {
        MessageDescription d = section.part().isEmpty() && section.text() == Section.Text.FULL ? null : m.description();
        Optional<Data> found = find(m, d, section);
        if (found.isEmpty()) return Optional.empty();
        Data data = found.get();
        long[] slice = slice(data.length(), partial);
        if (data.selected() != null)
            return Optional.of(new java.io.ByteArrayInputStream(data.selected(), (int) slice[0], (int) slice[1]));
        return Optional.of(slice[1] == 0 ? InputStream.nullInputStream() : m.open(data.offset() + slice[0], slice[1]));
    }

    private static Optional<Data> find(MessageView m, MessageDescription d, Section section) throws IOException {
        int[] path = section.part().stream().mapToInt(Integer::intValue).toArray();
        Optional<Range> range = switch (section.text()) {
            // the whole message is exactly RFC822.SIZE octets, final CRLF included
            case FULL -> path.length == 0 ? Optional.of(new Range(0, m.size())) : d.section(path);
            case HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT -> d.header(path);
            case TEXT -> d.text(path);
            case MIME -> d.mime(path);
        };
        if (range.isEmpty()) return Optional.empty();
        Range r = range.get();
        if (section.text() == Section.Text.HEADER_FIELDS || section.text() == Section.Text.HEADER_FIELDS_NOT) {
            try (InputStream in = new BufferedInputStream(m.open(r.offset(), r.length()))) {
                byte[] selected = HeaderSubset.select(in, section.headerFields(),
                        section.text() == Section.Text.HEADER_FIELDS_NOT);
                return Optional.of(new Data(selected, 0, selected.length));
            }
        }
        return Optional.of(new Data(null, r.offset(), r.length()));
    }

    /**
     * The piece for (a slice of) section data. "A substring fetch of a HEADER.FIELDS or
     * HEADER.FIELDS.NOT part specifier is calculated after subsetting the header" (RFC 9051 §6.4.5).
     * With {@code binary}, data holding a NUL goes as a literal8 (RFC 3516 §4.3).
     */
    private static Piece piece(MessageView m, String label, Data data, Optional<FetchItem.Partial> partial, boolean binary)
            throws IOException {
        long[] slice = slice(data.length(), partial);
        if (data.selected() != null) {
            boolean nul = false;
            for (int i = (int) slice[0]; binary && i < slice[0] + slice[1] && !nul; i++) nul = data.selected()[i] == 0;
            return new Bytes(prefix(label, slice[1], nul), data.selected(), (int) slice[0], (int) slice[1]);
        }
        boolean nul = binary && slice[1] > 0 && storedNul(m, data.offset() + slice[0], slice[1]);
        return new Stored(prefix(label, slice[1], nul), data.offset() + slice[0], slice[1]);
    }

    private static boolean storedNul(MessageView m, long offset, long length) throws IOException {
        byte[] buf = new byte[8192];
        try (InputStream in = m.open(offset, length)) {
            int n;
            while ((n = in.read(buf)) > 0) for (int i = 0; i < n; i++) if (buf[i] == 0) return true;
        }
        return false;
    }

    /** {start, count} of a partial fetch of {@code length} octets. */
    private static long[] slice(long length, Optional<FetchItem.Partial> partial) {
        if (partial.isEmpty()) return new long[] {0, length};
        long origin = partial.get().origin();
        if (origin >= length) return new long[] {length, 0};
        return new long[] {origin, Math.min(partial.get().length(), length - origin)};
    }

    /**
     * BINARY[section]<partial> (RFC 3516 §4.2, RFC 9051 §6.4.5). A leaf part is decoded. Anything else
     * (the whole message, TEXT, a multipart, a MESSAGE/RFC822 part, a header) is sent as stored: RFC
     * 3516 §3 undoes the section's own transfer encoding, and that of a message or multipart can only
     * be an identity one (7BIT, 8BIT, BINARY: RFC 2045 §6.4, RFC 2046 §5.2.1), while headers have none
     * (RFC 3516 §5). RFC 9051 §6.4.5 tells clients to ask for leaf parts only; Dovecot answers the
     * rest this way, and imaptest expects it.
     */
    private static Piece binary(MessageView m, MessageDescription d, String label, FetchItem.Binary b)
            throws IOException, FetchException {
        SinglePart part = leaf(d, b.section());
        if (part == null) return piece(m, label, sectionData(m, d, b.section()), b.partial(), true);
        long from = b.partial().map(FetchItem.Partial::origin).orElse(0L);
        long to = b.partial().map(p -> saturatedAdd(p.origin(), p.length())).orElse(Long.MAX_VALUE);
        Scan scan = scan(m, part, from, to);
        // Dovecot's answer for a part whose encoding is broken (base64 with a dangling octet, …)
        if (scan == null) return inline(label + " NIL");
        long[] slice = slice(scan.size(), b.partial());
        return new Decoded(prefix(label, slice[1], scan.nul()), part, slice[0], slice[1]);
    }

    /** BINARY.SIZE[section]: the size BINARY[section] would send (RFC 3516 §4.3). */
    private static Piece binarySize(MessageView m, MessageDescription d, String label, FetchItem.BinarySize b)
            throws IOException, FetchException {
        SinglePart part = leaf(d, b.section());
        if (part == null) return inline(label + " " + sectionData(m, d, b.section()).length());
        Scan scan = scan(m, part, 0, 0);
        return inline(label + " " + (scan == null ? 0 : scan.size()));
    }

    private static long saturatedAdd(long a, long b) {
        long r = a + b;
        return r < 0 ? Long.MAX_VALUE : r;
    }

    /**
     * The leaf part whose content BINARY decodes: a numbered part that is neither multipart nor
     * MESSAGE/RFC822. Null for any other section (sent as stored) or a part that does not exist.
     *
     * @throws FetchException for a leaf whose transfer encoding can't be undone ({@code NO [UNKNOWN-CTE]})
     */
    private static SinglePart leaf(MessageDescription d, Section section) throws FetchException {
        if (section.text() != Section.Text.FULL || section.part().isEmpty()) return null;
        Optional<MimePart> found = d.part(section.part().stream().mapToInt(Integer::intValue).toArray());
        if (found.isEmpty() || !(found.get() instanceof SinglePart s) || s.message() != null) return null;
        switch (s.encoding()) {
            case "7BIT", "8BIT", "BINARY", "BASE64", "QUOTED-PRINTABLE" -> { }
            default -> throw new FetchException(FetchException.Kind.UNKNOWN_CTE,
                    "unknown Content-Transfer-Encoding " + s.encoding().toLowerCase(Locale.ROOT));
        }
        return s;
    }

    /** Decoded size, and whether a NUL lies in {@code [from, to)}; null when the encoding is broken. */
    private record Scan(long size, boolean nul) {}

    private static Scan scan(MessageView m, SinglePart part, long from, long to) throws IOException {
        long pos = 0;
        boolean nul = false;
        byte[] buf = new byte[8192];
        try (InputStream in = decoded(m, part)) {
            int n;
            while ((n = in.read(buf)) > 0) {
                if (!nul && pos + n > from && pos < to) {
                    int start = (int) Math.max(0, from - pos);
                    int end = (int) Math.min(n, to - pos);
                    for (int i = start; i < end && !nul; i++) nul = buf[i] == 0;
                }
                pos += n;
            }
        } catch (StoreFailure e) {
            throw e.getCause();
        } catch (IOException e) {
            return null; // the decoder's complaint, not the store's
        }
        return new Scan(pos, nul);
    }

    /** The part's body with its transfer encoding undone, text line ends made CRLF (RFC 3516 §4.3). */
    private static InputStream decoded(MessageView m, SinglePart part) throws IOException {
        InputStream stored;
        try {
            stored = m.open(part.span().bodyStart(), part.size());
        } catch (IOException e) {
            throw new StoreFailure(e);
        }
        InputStream raw = new BufferedInputStream(new StoreStream(stored));
        InputStream in = switch (part.encoding()) {
            case "BASE64" -> Base64.getMimeDecoder().wrap(raw);
            case "QUOTED-PRINTABLE" -> new QuotedPrintableInputStream(raw);
            default -> raw;
        };
        return part.isText() ? new CrlfInputStream(in) : in;
    }

    /** Marks the store's own I/O errors, so that they are told apart from a decoder's. */
    private static final class StoreFailure extends IOException {
        @java.io.Serial
        private static final long serialVersionUID = 1L;

        StoreFailure(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static final class StoreStream extends FilterInputStream {
        StoreStream(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            try {
                return super.read();
            } catch (IOException e) {
                throw new StoreFailure(e);
            }
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            try {
                return super.read(b, off, len);
            } catch (IOException e) {
                throw new StoreFailure(e);
            }
        }
    }

    // ---------------------------------------------------------------- writing

    /** {@code LABEL ""}, {@code LABEL {n}\r\n} or {@code LABEL ~{n}\r\n}: what precedes the data. */
    private static byte[] prefix(String label, long length, boolean literal8) {
        if (length == 0) return ascii(label + " \"\"");
        return ascii(label + (literal8 ? " ~{" : " {") + length + "}\r\n");
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static Piece inline(String text) {
        return new Inline(text.getBytes(StandardCharsets.UTF_8));
    }

    /** One response item, ready to be written. */
    private sealed interface Piece permits Inline, Bytes, Stored, Decoded {
        void write(OutputStream out, MessageView m) throws IOException;
    }

    /** An item that is all text: label and value. */
    private record Inline(byte[] text) implements Piece {
        @Override
        public void write(OutputStream out, MessageView m) throws IOException {
            out.write(text);
        }
    }

    /** Prefix, then octets held in memory (HEADER.FIELDS). */
    private record Bytes(byte[] prefix, byte[] data, int offset, int length) implements Piece {
        @Override
        public void write(OutputStream out, MessageView m) throws IOException {
            out.write(prefix);
            out.write(data, offset, length);
        }
    }

    /** Prefix, then a run of the stored message copied as it is. */
    private record Stored(byte[] prefix, long offset, long length) implements Piece {
        @Override
        public void write(OutputStream out, MessageView m) throws IOException {
            out.write(prefix);
            if (length == 0) return;
            try (InputStream in = m.open(offset, length)) {
                copy(in, out, length);
            }
        }
    }

    /** Prefix, then a slice of a part's decoded content. */
    private record Decoded(byte[] prefix, SinglePart part, long skip, long length) implements Piece {
        @Override
        public void write(OutputStream out, MessageView m) throws IOException {
            out.write(prefix);
            if (length == 0) return;
            try (InputStream in = decoded(m, part)) {
                in.skipNBytes(skip);
                copy(in, out, length);
            } catch (StoreFailure e) {
                throw e.getCause();
            }
        }
    }

    /** Copies exactly {@code length} octets: a literal's length is a promise. */
    private static void copy(InputStream in, OutputStream out, long length) throws IOException {
        byte[] buf = new byte[(int) Math.min(64 * 1024, Math.max(length, 1))];
        long left = length;
        while (left > 0) {
            int n = in.read(buf, 0, (int) Math.min(buf.length, left));
            if (n < 0) throw new EOFException("message data ended " + left + " octets early");
            out.write(buf, 0, n);
            left -= n;
        }
    }
}
