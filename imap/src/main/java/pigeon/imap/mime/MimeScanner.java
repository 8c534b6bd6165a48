package pigeon.imap.mime;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * One pass over a message's octets that finds every entity's header and body (RFC 2045,
 * RFC 2046 §5.1, RFC 5322 §2.1) with absolute offsets and line counts. mime4j's streaming
 * parsers expose no octet offsets (and hide the CRLF/LF of each boundary line), so the
 * structure is found here, line by line; mime4j parses the Content-* field values.
 *
 * <p>Memory is bounded whatever the message size: one line buffer, plus the wanted header
 * fields of each entity.
 */
final class MimeScanner {
    /** Entities nested deeper than this are not looked into (mime4j's default limit is 100). */
    static final int MAX_DEPTH = 50;

    private enum State { HEADER, LEAF, PREAMBLE, PARTS, EPILOGUE, MESSAGE }

    private static final class Node {
        final Node parent;
        long start; // moves back only for an empty entity that a delimiter's CRLF overlaps (close)
        final boolean digestChild;
        final int depth;
        final HeaderFields fields = new HeaderFields();
        final List<Node> children = new ArrayList<>();
        State state = State.HEADER;
        ContentHeaders content;
        long bodyStart;
        long lfAtBodyStart;
        Node open; // the part being read, or the encapsulated message
        long end;
        long lines;
        boolean closed;

        Node(Node parent, long start, boolean digestChild) {
            this.parent = parent;
            this.start = start;
            this.digestChild = digestChild;
            this.depth = parent == null ? 0 : parent.depth + 1;
        }
    }

    /** Where open entities end: offset, LFs before it, and whether the last line is unterminated. */
    private record Cut(long end, long lf, boolean partial) {}

    private final LineReader in;
    private long lf;
    private long previousContent;
    private int previousTerminator;

    private MimeScanner(InputStream message) {
        this.in = new LineReader(message);
    }

    static MessageDescription scan(InputStream message) throws IOException {
        return new MimeScanner(message).run();
    }

    private MessageDescription run() throws IOException {
        Node root = new Node(null, 0, false);
        Node current = root;
        while (in.next()) {
            long lfBefore = lf;
            if (in.terminatorLength() > 0) lf++;
            Node owner = boundaryOwner(current);
            if (owner != null) {
                // RFC 2046 §5.1.1: the CRLF before a boundary line belongs to the boundary
                boolean first = in.start() == 0;
                Cut cut = first ? new Cut(0, 0, false)
                        : new Cut(in.start() - previousTerminator, lfBefore - (previousTerminator > 0 ? 1 : 0),
                                  previousContent > 0);
                if (owner.open != null) close(owner.open, cut);
                owner.open = null;
                if (closeLine) {
                    owner.state = State.EPILOGUE;
                    current = owner;
                } else {
                    owner.state = State.PARTS;
                    Node part = new Node(owner, in.end(), owner.content.subtype().equals("DIGEST"));
                    owner.children.add(part);
                    owner.open = part;
                    current = part;
                }
            } else if (current.state == State.HEADER) {
                if (in.contentLength() == 0) current = endHeader(current, in.end(), lf);
                else current.fields.line(in.kept(), in.keptLength());
            }
            previousContent = in.contentLength();
            previousTerminator = in.terminatorLength();
        }
        close(root, new Cut(in.offset(), lf, previousTerminator == 0 && previousContent > 0));
        return new MessageDescription(in.offset(), Envelopes.of(root.fields), build(root));
    }

    /** The header of {@code n} has ended; returns the entity whose lines come next. */
    private Node endHeader(Node n, long bodyStart, long lfAtBodyStart) {
        ContentHeaders c = ContentHeaders.parse(n.fields, n.digestChild);
        boolean message = c.type().equals("MESSAGE")
                && (c.subtype().equals("RFC822") || c.subtype().equals("GLOBAL"));
        if ((c.boundary() != null || message) && (n.depth >= MAX_DEPTH || message && !c.identityEncoding())) {
            // Too deep, or a message/rfc822 in base64 (which RFC 2046 §5.2.1 forbids): opaque.
            c = c.opaque();
            message = false;
        }
        n.content = c;
        n.bodyStart = bodyStart;
        n.lfAtBodyStart = lfAtBodyStart;
        if (c.boundary() != null) {
            n.state = State.PREAMBLE;
            return n;
        }
        if (message) {
            n.state = State.MESSAGE;
            n.open = new Node(n, bodyStart, false);
            n.children.add(n.open);
            return n.open;
        }
        n.state = State.LEAF;
        return n;
    }

    private void close(Node n, Cut cut) {
        if (n.closed) return;
        // One CRLF can end a delimiter line and, at once, be the CRLF that belongs to the next
        // delimiter (RFC 2046 §5.1.1): an entity opened after it is empty, and lies at the cut.
        if (n.start > cut.end()) n.start = cut.end();
        if (n.state == State.HEADER) {
            endHeader(n, Math.max(n.start, cut.end()), cut.lf());
        } else if (n.bodyStart > cut.end()) {
            // The empty line that ended the header was the CRLF before a boundary, which belongs to
            // the boundary (RFC 2046 §5.1.1): the entity has no blank line and no body, and nothing
            // of it lies beyond the cut (found by MimeFuzzTest).
            n.bodyStart = Math.max(n.start, cut.end());
            n.lfAtBodyStart = cut.lf();
        }
        if (n.open != null) close(n.open, cut);
        n.end = Math.max(cut.end(), n.bodyStart);
        n.lines = n.end > n.bodyStart ? cut.lf() - n.lfAtBodyStart + (cut.partial() ? 1 : 0) : 0;
        n.closed = true;
    }

    private boolean closeLine; // set by matches(): the line is a close delimiter ("--b--")

    /**
     * The multipart whose boundary the current line is, innermost first; exact delimiter lines
     * (optional trailing whitespace) win over lines that merely start with a delimiter.
     */
    private Node boundaryOwner(Node current) {
        if (in.keptLength() < 3 || in.kept()[0] != '-' || in.kept()[1] != '-') return null;
        for (boolean exact : new boolean[] {true, false}) {
            for (Node n = current; n != null; n = n.parent) {
                if ((n.state == State.PREAMBLE || n.state == State.PARTS) && matches(n.content.boundary(), exact)) {
                    return n;
                }
            }
        }
        return null;
    }

    private boolean matches(byte[] delimiter, boolean exact) {
        byte[] line = in.kept();
        int len = in.keptLength();
        if (len < delimiter.length) return false;
        for (int i = 0; i < delimiter.length; i++) if (line[i] != delimiter[i]) return false;
        int i = delimiter.length;
        closeLine = len >= i + 2 && line[i] == '-' && line[i + 1] == '-';
        if (!exact) return true;
        if (closeLine) i += 2;
        if (len < in.contentLength()) return false; // longer than kept: not a delimiter line
        while (i < len && (line[i] == ' ' || line[i] == '\t')) i++;
        return i == len;
    }

    private static MimePart build(Node n) {
        Span span = new Span(n.start, n.bodyStart - n.start, n.end - n.bodyStart);
        ContentHeaders c = n.content;
        if (c.boundary() != null) {
            List<MimePart> parts = new ArrayList<>();
            for (Node child : n.children) parts.add(build(child));
            if (parts.isEmpty()) parts.add(emptyPart(n.end)); // the grammar wants 1*body
            return new MultiPart(span, c.subtype(), c.params(), parts, c.disposition(), c.language(), c.location());
        }
        EncapsulatedMessage message = null;
        if (n.state == State.MESSAGE) {
            Node inner = n.children.get(0);
            message = new EncapsulatedMessage(Envelopes.of(inner.fields), build(inner));
        }
        return new SinglePart(span, c.type(), c.subtype(), c.params(), c.id(), c.description(), c.encoding(),
                n.lines, c.md5(), c.disposition(), c.language(), c.location(), message);
    }

    private static SinglePart emptyPart(long at) {
        return new SinglePart(new Span(at, 0, 0), "TEXT", "PLAIN", List.of(new Param("CHARSET", "US-ASCII")),
                null, null, "7BIT", 0, null, null, null, null, null);
    }
}
