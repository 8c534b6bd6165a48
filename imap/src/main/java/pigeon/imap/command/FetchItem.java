package pigeon.imap.command;

import java.util.List;
import java.util.Optional;

/**
 * A FETCH data item (RFC 9051 §6.4.5; RFC822* from RFC 3501; MODSEQ from RFC 7162 §3.1.5; BINARY
 * from RFC 3516, part of RFC 9051). The macros ALL, FAST and FULL are expanded by the parser.
 */
public sealed interface FetchItem {
    record Flags() implements FetchItem {}
    record Uid() implements FetchItem {}
    record InternalDate() implements FetchItem {}
    record Rfc822Size() implements FetchItem {}
    record Envelope() implements FetchItem {}
    record BodyStructure() implements FetchItem {}
    /** {@code BODY} without a section: the non-extensible BODYSTRUCTURE. */
    record Body() implements FetchItem {}
    record ModSeq() implements FetchItem {}
    /** {@code RFC822}: like {@code BODY[]}, and sets \Seen. */
    record Rfc822() implements FetchItem {}
    /** {@code RFC822.HEADER}: like {@code BODY.PEEK[HEADER]}. */
    record Rfc822Header() implements FetchItem {}
    /** {@code RFC822.TEXT}: like {@code BODY[TEXT]}, and sets \Seen. */
    record Rfc822Text() implements FetchItem {}

    /** {@code BODY[section]<partial>} or {@code BODY.PEEK[…]}; only the former sets \Seen. */
    record BodySection(boolean peek, Section section, Optional<Partial> partial) implements FetchItem {}

    /**
     * {@code BINARY[section]<partial>} or {@code BINARY.PEEK[…]}: the section with its transfer encoding
     * undone. RFC 3516's {@code section-binary} is a part path only; the parser also takes the rest of
     * BODY's section spec (HEADER, TEXT, MIME …), as Dovecot does, and those are answered as BODY would.
     */
    record Binary(boolean peek, Section section, Optional<Partial> partial) implements FetchItem {}

    /** {@code BINARY.SIZE[section]}. */
    record BinarySize(Section section) implements FetchItem {}

    /** {@code <origin.length>}: the octets from {@code origin}, at most {@code length} of them. */
    record Partial(long origin, long length) {
        public Partial {
            if (origin < 0 || length < 1) throw new IllegalArgumentException("partial needs origin >= 0 and length >= 1");
        }
    }

    FetchItem FLAGS = new Flags();
    FetchItem UID = new Uid();
    FetchItem INTERNALDATE = new InternalDate();
    FetchItem RFC822_SIZE = new Rfc822Size();
    FetchItem ENVELOPE = new Envelope();
    FetchItem BODYSTRUCTURE = new BodyStructure();
    FetchItem BODY = new Body();
    FetchItem MODSEQ = new ModSeq();
    FetchItem RFC822 = new Rfc822();
    FetchItem RFC822_HEADER = new Rfc822Header();
    FetchItem RFC822_TEXT = new Rfc822Text();

    /** RFC 9051 §6.4.5: {@code FAST} is {@code (FLAGS INTERNALDATE RFC822.SIZE)}. */
    List<FetchItem> FAST = List.of(FLAGS, INTERNALDATE, RFC822_SIZE);
    /** {@code ALL} is {@code (FLAGS INTERNALDATE RFC822.SIZE ENVELOPE)}. */
    List<FetchItem> ALL = List.of(FLAGS, INTERNALDATE, RFC822_SIZE, ENVELOPE);
    /** {@code FULL} is {@code (FLAGS INTERNALDATE RFC822.SIZE ENVELOPE BODY)}. */
    List<FetchItem> FULL = List.of(FLAGS, INTERNALDATE, RFC822_SIZE, ENVELOPE, BODY);

    /** Whether fetching this item sets \Seen (RFC 9051 §6.4.5). */
    default boolean setsSeen() {
        return switch (this) {
            case BodySection s -> !s.peek();
            case Binary b -> !b.peek();
            case Rfc822 r -> true;
            case Rfc822Text t -> true;
            default -> false;
        };
    }
}
