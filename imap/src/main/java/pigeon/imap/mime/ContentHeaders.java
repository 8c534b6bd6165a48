package pigeon.imap.mime;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Content-* fields of one entity, parsed (RFC 2045, 2183, 2231, 3282, 2557). Tokens
 * (type, subtype, encoding, parameter names, disposition type) are upper-cased, as in the
 * examples of RFC 9051 §7.5.2 and as Cyrus and UW imapd send them; values are left alone.
 */
record ContentHeaders(String type, String subtype, List<Param> params, byte[] boundary, String id,
                      String description, String encoding, String md5, Disposition disposition,
                      List<String> language, String location) {

    private static final String TSPECIALS = "()<>@,;:\\\"/[]?=";

    /**
     * @param messageByDefault true inside multipart/digest, where a part without a valid
     *                         Content-Type is message/rfc822 (RFC 2046 §5.1.5)
     */
    static ContentHeaders parse(HeaderFields h, boolean messageByDefault) {
        String type = null;
        String subtype = null;
        List<Param> params = List.of();
        byte[] boundary = null;
        String ct = h.text("content-type");
        if (ct != null) {
            ParamParser.Parsed body = ParamParser.parse(ct);
            String value = body.value();
            int slash = value.indexOf('/');
            if (slash > 0) {
                String t = value.substring(0, slash);
                String s = value.substring(slash + 1);
                if (isToken(t) && isToken(s)) {
                    type = t.toUpperCase(Locale.ROOT);
                    subtype = s.toUpperCase(Locale.ROOT);
                    params = Rfc2231.decode(body.params());
                }
            }
        }
        if (type != null && type.equals("MULTIPART")) {
            boundary = boundary(params);
            if (boundary == null) type = null; // RFC 2046 §5.1.1: boundary is required
        }
        if (type == null) { // RFC 2045 §5.2 defaults, for an absent or invalid Content-Type
            if (messageByDefault) {
                type = "MESSAGE";
                subtype = "RFC822";
                params = List.of();
            } else {
                type = "TEXT";
                subtype = "PLAIN";
                params = List.of(new Param("CHARSET", "US-ASCII"));
            }
        }
        if (type.equals("TEXT") && params.stream().noneMatch(p -> p.name().equals("CHARSET"))) {
            // RFC 2045 §5.2, RFC 2046 §4.1.2: US-ASCII is the default charset (Dovecot adds it too)
            List<Param> withCharset = new ArrayList<>(params);
            withCharset.add(0, new Param("CHARSET", "US-ASCII"));
            params = withCharset;
        }
        String encoding = h.text("content-transfer-encoding");
        encoding = encoding != null && isToken(encoding) ? encoding.toUpperCase(Locale.ROOT) : "7BIT";
        return new ContentHeaders(type, subtype, params, boundary, h.text("content-id"),
                h.text("content-description"), encoding, h.text("content-md5"), disposition(h),
                language(h.text("content-language")), h.text("content-location"));
    }

    /** The same part shown as APPLICATION/OCTET-STREAM, its structure not looked into. */
    ContentHeaders opaque() {
        return new ContentHeaders("APPLICATION", "OCTET-STREAM", params, null, id, description, encoding, md5,
                disposition, language, location);
    }

    /** True for 7BIT, 8BIT and BINARY: the body is the entity itself, not an encoding of it. */
    boolean identityEncoding() {
        return encoding.equals("7BIT") || encoding.equals("8BIT") || encoding.equals("BINARY");
    }

    private static Disposition disposition(HeaderFields h) {
        String raw = h.text("content-disposition");
        if (raw == null) return null;
        ParamParser.Parsed body = ParamParser.parse(raw);
        if (!isToken(body.value())) return null;
        return new Disposition(body.value().toUpperCase(Locale.ROOT), Rfc2231.decode(body.params()));
    }

    /** RFC 3282: a comma-separated list of language tags; comments are dropped. */
    private static List<String> language(String value) {
        if (value == null) return null;
        List<String> tags = new ArrayList<>();
        for (String t : value.replaceAll("\\([^)]*\\)", "").split(",")) {
            if (!t.isBlank()) tags.add(t.strip());
        }
        return tags.isEmpty() ? null : tags;
    }

    private static byte[] boundary(List<Param> params) {
        for (Param p : params) {
            if (p.name().equals("BOUNDARY") && !p.value().isEmpty()) {
                return ("--" + p.value()).getBytes(StandardCharsets.UTF_8);
            }
        }
        return null;
    }

    private static boolean isToken(String s) {
        if (s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c <= 0x20 || c >= 0x7f || TSPECIALS.indexOf(c) >= 0) return false;
        }
        return true;
    }
}
