package pigeon.webmail;

import java.nio.charset.StandardCharsets;

/**
 * A Content-Disposition that cannot be turned against the reader: always "attachment", and the
 * file name both as a plain ASCII fallback and RFC 8187-encoded (RFC 6266 §4.3); no path, quote,
 * control character or header-breaking byte survives.
 */
final class Disposition {
    private Disposition() {}

    static String attachment(String filename) {
        String name = safeName(filename);
        StringBuilder ascii = new StringBuilder();
        for (char c : name.toCharArray()) ascii.append(c >= 0x20 && c < 0x7f && c != '"' && c != '\\' && c != '%' ? c : '_');
        return "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''" + encode(name);
    }

    /** The last path element, without controls; "download" when nothing is left. */
    static String safeName(String filename) {
        String n = filename == null ? "" : filename;
        n = n.substring(Math.max(n.lastIndexOf('/'), n.lastIndexOf('\\')) + 1);
        n = n.codePoints().filter(c -> c >= 0x20 && c != 0x7f && !Character.isISOControl(c))
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString().trim();
        while (n.startsWith(".")) n = n.substring(1);
        if (n.length() > 200) n = n.substring(n.length() - 200);
        return n.isEmpty() ? "download" : n;
    }

    /** RFC 8187 §3.2.1 value-chars: attr-char kept, every other octet of the UTF-8 form %-encoded. */
    private static String encode(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "!#$&+-.^_`|~".indexOf(c) >= 0) b.append((char) c);
            else b.append('%').append(String.format("%02X", c));
        }
        return b.toString();
    }
}
