package pigeon.imap.mime;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The header fields of one entity that ENVELOPE and BODYSTRUCTURE need, collected line by
 * line while scanning. Values are kept as raw octets, unfolded (RFC 5322 §2.2.3: the line
 * breaks removed, the whitespace after them kept); the first occurrence of a field wins.
 */
final class HeaderFields {
    private static final Set<String> WANTED = Set.of(
            "content-type", "content-transfer-encoding", "content-id", "content-description",
            "content-disposition", "content-language", "content-location", "content-md5",
            "date", "subject", "from", "sender", "reply-to", "to", "cc", "bcc", "in-reply-to",
            "message-id");
    private static final int MAX_FIELD = 256 * 1024;

    private final Map<String, ByteArrayOutputStream> fields = new HashMap<>();
    private ByteArrayOutputStream current; // the field being continued, or null

    /** Adds one header line (its content, without terminator). */
    void line(byte[] b, int len) {
        if (len > 0 && (b[0] == ' ' || b[0] == '\t')) {
            if (current != null && current.size() + len <= MAX_FIELD) current.write(b, 0, len);
            return;
        }
        current = null;
        int colon = 0;
        while (colon < len && b[colon] != ':') colon++;
        if (colon == len) return; // not a field: ignored, as mime4j and Dovecot do
        int nameEnd = colon;
        while (nameEnd > 0 && (b[nameEnd - 1] == ' ' || b[nameEnd - 1] == '\t')) nameEnd--;
        String name = new String(b, 0, nameEnd, StandardCharsets.ISO_8859_1).toLowerCase(Locale.ROOT);
        if (!WANTED.contains(name) || fields.containsKey(name)) return;
        current = new ByteArrayOutputStream();
        current.write(b, colon + 1, Math.min(len - colon - 1, MAX_FIELD));
        fields.put(name, current);
    }

    /** The raw octets of a field's value, or null when absent. */
    byte[] raw(String lowerCaseName) {
        ByteArrayOutputStream v = fields.get(lowerCaseName);
        return v == null ? null : v.toByteArray();
    }

    /** A field's value as text, whitespace trimmed at both ends; null when absent. */
    String text(String lowerCaseName) {
        byte[] raw = raw(lowerCaseName);
        return raw == null ? null : decode(raw, 0, raw.length).strip();
    }

    /**
     * Header octets as text: UTF-8 when they are valid UTF-8 (RFC 6532), else ISO-8859-1, so
     * that no octet is lost. NULs, which no IMAP string can carry, are dropped.
     */
    static String decode(byte[] b, int off, int len) {
        String s;
        try {
            s = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(b, off, len)).toString();
        } catch (CharacterCodingException e) {
            s = new String(b, off, len, StandardCharsets.ISO_8859_1);
        }
        return s.indexOf('\0') < 0 ? s : s.replace("\0", "");
    }
}
