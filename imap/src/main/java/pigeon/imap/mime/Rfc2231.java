package pigeon.imap.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * RFC 2231 parameter values, decoded the way RFC 9051 §7.5.2 asks of a server: sections
 * {@code name*0}, {@code name*1}… are joined and shown as {@code name}; when any section is
 * extended ({@code name*=} or {@code name*0*=}, charset'language'%XX), the octets are decoded
 * from that charset and the value is shown as {@code name*}. A parameter whose sections do
 * not run 0, 1, 2… without a gap is left as it was written (as Dovecot does).
 */
final class Rfc2231 {
    private Rfc2231() {}

    private record Section(String original, int index, boolean extended, String value) {}

    /** {@code raw} holds (name, value) pairs in header order, values unquoted. */
    static List<Param> decode(List<String[]> raw) {
        Map<String, TreeMap<Integer, Section>> sectioned = new LinkedHashMap<>();
        Map<String, Boolean> broken = new LinkedHashMap<>();
        List<Object> order = new ArrayList<>(); // String key of a sectioned name, or a plain Param
        for (String[] nv : raw) {
            String name = nv[0].strip();
            String value = nv[1];
            int star = name.indexOf('*');
            if (star <= 0) {
                order.add(new Param(name.toUpperCase(Locale.ROOT), value));
                continue;
            }
            String base = name.substring(0, star).toUpperCase(Locale.ROOT);
            String rest = name.substring(star + 1);
            boolean extended = rest.isEmpty() || rest.endsWith("*");
            String digits = rest.isEmpty() ? "" : extended ? rest.substring(0, rest.length() - 1) : rest;
            int index;
            if (digits.isEmpty() && extended) index = 0;               // name*=
            else if (digits.matches("[0-9]{1,4}") && !(digits.length() > 1 && digits.startsWith("0"))) {
                index = Integer.parseInt(digits);
            } else {
                order.add(new Param(name.toUpperCase(Locale.ROOT), value)); // not RFC 2231
                continue;
            }
            TreeMap<Integer, Section> sections = sectioned.computeIfAbsent(base, k -> {
                order.add(k);
                return new TreeMap<>();
            });
            if (sections.putIfAbsent(index, new Section(name, index, extended, value)) != null) {
                broken.put(base, true);
            }
        }
        List<Param> out = new ArrayList<>();
        for (Object o : order) {
            if (o instanceof Param p) {
                out.add(p);
                continue;
            }
            String base = (String) o;
            TreeMap<Integer, Section> sections = sectioned.get(base);
            boolean gap = broken.containsKey(base) || sections.lastKey() != sections.size() - 1;
            if (gap) {
                for (Section s : sections.values()) out.add(new Param(s.original().toUpperCase(Locale.ROOT), s.value()));
            } else {
                out.add(join(base, sections));
            }
        }
        return out;
    }

    private static Param join(String base, TreeMap<Integer, Section> sections) {
        boolean anyExtended = sections.values().stream().anyMatch(Section::extended);
        if (!anyExtended) {
            StringBuilder v = new StringBuilder();
            for (Section s : sections.values()) v.append(s.value());
            return new Param(base, v.toString());
        }
        // RFC 2231 §4: charset and language appear only at the start of the first section.
        Charset charset = StandardCharsets.US_ASCII;
        ByteArrayOutputStream octets = new ByteArrayOutputStream();
        for (Section s : sections.values()) {
            String v = s.value();
            if (s.index() == 0 && s.extended()) {
                int q1 = v.indexOf('\'');
                int q2 = q1 < 0 ? -1 : v.indexOf('\'', q1 + 1);
                if (q2 >= 0) {
                    charset = charset(v.substring(0, q1));
                    v = v.substring(q2 + 1);
                }
            }
            if (s.extended()) percentDecode(v, octets);
            else octets.writeBytes(v.getBytes(StandardCharsets.UTF_8)); // RFC 2231 §4.1: plain sections are ASCII
        }
        byte[] b = octets.toByteArray();
        String value = charset == null ? HeaderFields.decode(b, 0, b.length) : new String(b, charset);
        return new Param(base + "*", value, true);
    }

    /** The named charset, or null (decode as UTF-8 or ISO-8859-1) when unknown or absent. */
    private static Charset charset(String name) {
        if (name.isBlank()) return null;
        try {
            return Charset.forName(name.strip());
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static void percentDecode(String v, ByteArrayOutputStream out) {
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 2 < v.length() && hex(v.charAt(i + 1)) >= 0 && hex(v.charAt(i + 2)) >= 0) {
                out.write(hex(v.charAt(i + 1)) * 16 + hex(v.charAt(i + 2)));
                i += 2;
            } else {
                out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8)); // should be ASCII
            }
        }
    }

    private static int hex(char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if (c >= 'a' && c <= 'f') return c - 'a' + 10;
        if (c >= 'A' && c <= 'F') return c - 'A' + 10;
        return -1;
    }

    /** RFC 2231 §4 form of a decoded value: UTF-8''%XX, for clients that cannot take UTF-8. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder("UTF-8''");
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if (c > 0x20 && c < 0x7f && "*'%()<>@,;:\\\"/[]?=".indexOf(c) < 0) out.append((char) c);
            else out.append('%').append(Character.toUpperCase(Character.forDigit(c >> 4, 16)))
                    .append(Character.toUpperCase(Character.forDigit(c & 15, 16)));
        }
        return out.toString();
    }
}
