package pigeon.imap.command;

import java.util.List;

/**
 * A BODY section spec (RFC 9051 §6.4.5, §9 {@code section-spec}): a part path (empty for the whole
 * message), then what of that part. {@code BODY[]} is {@code (), FULL}; {@code BODY[1.2.MIME]} is
 * {@code (1, 2), MIME}; {@code BODY[HEADER.FIELDS (From To)]} is {@code (), HEADER_FIELDS, (From, To)}.
 *
 * @param part         the part numbers, outermost first (each at least 1)
 * @param text         which text of the part
 * @param headerFields for HEADER.FIELDS and HEADER.FIELDS.NOT, the field names as written (at least one)
 */
public record Section(List<Integer> part, Text text, List<String> headerFields) {
    public enum Text {
        /** The whole part (or message): {@code BODY[]}, {@code BODY[2]}. */
        FULL,
        HEADER, HEADER_FIELDS, HEADER_FIELDS_NOT, TEXT,
        /** The part's MIME header; only after a part path. */
        MIME
    }

    public static final Section WHOLE = new Section(List.of(), Text.FULL, List.of());

    public Section {
        part = List.copyOf(part);
        headerFields = List.copyOf(headerFields);
        for (int p : part) if (p < 1) throw new IllegalArgumentException("part numbers start at 1");
        boolean fields = text == Text.HEADER_FIELDS || text == Text.HEADER_FIELDS_NOT;
        if (fields == headerFields.isEmpty()) throw new IllegalArgumentException("header field names go with HEADER.FIELDS only");
        if (text == Text.MIME && part.isEmpty()) throw new IllegalArgumentException("MIME needs a part number");
    }

    /** The spec as it goes between the brackets in a FETCH response, e.g. {@code 1.HEADER.FIELDS (From To)}. */
    public String render() {
        StringBuilder b = new StringBuilder();
        for (int p : part) b.append(b.isEmpty() ? "" : ".").append(p);
        if (text != Text.FULL) {
            if (!b.isEmpty()) b.append('.');
            b.append(switch (text) {
                case HEADER -> "HEADER";
                case HEADER_FIELDS -> "HEADER.FIELDS";
                case HEADER_FIELDS_NOT -> "HEADER.FIELDS.NOT";
                case TEXT -> "TEXT";
                case MIME -> "MIME";
                case FULL -> throw new AssertionError();
            });
        }
        if (!headerFields.isEmpty()) {
            b.append(" (");
            for (int i = 0; i < headerFields.size(); i++) b.append(i == 0 ? "" : " ").append(astring(headerFields.get(i)));
            b.append(')');
        }
        return b.toString();
    }

    /** A field name as an atom when it can be one, else quoted (RFC 9051 §9 {@code astring}). */
    private static String astring(String s) {
        boolean atom = !s.isEmpty() && s.chars().allMatch(c -> c > 0x20 && c < 0x7f && "(){%*\"\\]".indexOf(c) < 0);
        return atom ? s : "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    @Override public String toString() { return render(); }
}
