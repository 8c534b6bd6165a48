package pigeon.smtp.dkim;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.james.jdkim.api.Headers;

/**
 * A message's header section as jDKIM wants it: each field as it appears, folding kept, without its
 * final CRLF. Read from the stream up to and including the empty line, so that the stream is then
 * at the body.
 */
final class HeaderFields implements Headers {
    private final List<String> fields;

    private HeaderFields(List<String> fields) { this.fields = List.copyOf(fields); }

    /** The header section, or empty if it is longer than {@code limit} octets. */
    static Optional<HeaderFields> read(InputStream in, int limit) throws IOException {
        List<String> fields = new ArrayList<>();
        ByteArrayOutputStream line = new ByteArrayOutputStream(256);
        int total = 0;
        while (true) {
            line.reset();
            int c;
            while ((c = in.read()) >= 0 && c != '\n') {
                if (++total > limit) return Optional.empty();
                line.write(c);
            }
            byte[] b = line.toByteArray();
            int len = b.length > 0 && b[b.length - 1] == '\r' ? b.length - 1 : b.length;
            if (len == 0) break; // the empty line before the body, or the end of a message without one
            // RFC 6532: header fields may hold UTF-8; jDKIM hashes them back with the JDK's default charset, UTF-8 from Java 18.
            String s = new String(b, 0, len, StandardCharsets.UTF_8);
            boolean continuation = (s.charAt(0) == ' ' || s.charAt(0) == '\t') && !fields.isEmpty();
            if (continuation) fields.set(fields.size() - 1, fields.getLast() + "\r\n" + s);
            else fields.add(s);
            if (c < 0) break;
        }
        return Optional.of(new HeaderFields(fields));
    }

    @Override public List<String> getFields() { return fields; }

    /** The fields of that name, in message order (case-insensitive, RFC 5322 §1.2.2). */
    @Override public List<String> getFields(String name) {
        return fields.stream().filter(f -> name(f).equalsIgnoreCase(name)).toList();
    }

    int count(String name) { return getFields(name).size(); }

    /** The domain of the From field's (first) address; empty without exactly one From field or an address in it. */
    Optional<String> fromDomain() {
        List<String> from = getFields("From");
        if (from.size() != 1) return Optional.empty();
        String value = from.getFirst().substring(from.getFirst().indexOf(':') + 1).replace("\r\n", "");
        try {
            InternetAddress[] addresses = InternetAddress.parseHeader(value, false);
            if (addresses.length == 0 || addresses[0].getAddress() == null) return Optional.empty();
            String address = addresses[0].getAddress();
            int at = address.lastIndexOf('@');
            return at < 0 || at == address.length() - 1 ? Optional.empty() : Optional.of(address.substring(at + 1).strip());
        } catch (AddressException e) {
            return Optional.empty();
        }
    }

    private static String name(String field) {
        int colon = field.indexOf(':');
        return colon < 0 ? "" : field.substring(0, colon).strip();
    }
}
