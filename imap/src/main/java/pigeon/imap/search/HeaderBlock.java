package pigeon.imap.search;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import pigeon.imap.message.MessageView;
import pigeon.imap.mime.Range;

/**
 * The header fields of one entity, in order, unfolded (RFC 5322 §2.2.3). Read from the header's byte range
 * only; a header longer than {@link #MAX_OCTETS} is searched in its first part.
 */
final class HeaderBlock {
    /** Headers are small; this bounds what one SEARCH holds in memory per message. */
    static final int MAX_OCTETS = 1 << 20;

    /** One field: its name as written, and its raw value (encoded words not decoded). */
    record Field(String name, String value) {
        boolean is(String otherName) {
            return name.equalsIgnoreCase(otherName);
        }

        /** The value with leading and trailing whitespace removed and encoded words decoded. */
        String decoded() {
            return EncodedWords.decode(value.strip());
        }
    }

    private HeaderBlock() {}

    static List<Field> read(MessageView m, Range header) throws IOException {
        int length = (int) Math.min(header.length(), MAX_OCTETS);
        try (InputStream in = m.open(header.offset(), length)) {
            return parse(in.readNBytes(length));
        }
    }

    /** Parses header octets; stops at the blank line that ends the header. Lines without a colon are skipped. */
    static List<Field> parse(byte[] b) {
        List<Field> fields = new ArrayList<>();
        String name = null;
        StringBuilder value = new StringBuilder();
        int i = 0;
        while (i < b.length) {
            int end = i;
            while (end < b.length && b[end] != '\n') end++;
            int lineEnd = end > i && b[end - 1] == '\r' ? end - 1 : end;
            String line = text(b, i, lineEnd - i);
            i = end + 1;
            if (line.isEmpty()) break;
            char first = line.charAt(0);
            if (first == ' ' || first == '\t') {
                if (name != null) value.append(line);
                continue;
            }
            if (name != null) fields.add(new Field(name, value.toString()));
            name = null;
            int colon = line.indexOf(':');
            if (colon <= 0) continue;
            name = line.substring(0, colon).strip();
            value.setLength(0);
            value.append(line, colon + 1, line.length());
        }
        if (name != null) fields.add(new Field(name, value.toString()));
        return fields;
    }

    /** Header octets as text: UTF-8 when valid (RFC 6532), else ISO-8859-1, so that no octet is lost. */
    static String text(byte[] b, int off, int len) {
        try {
            return StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            return new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
    }
}
