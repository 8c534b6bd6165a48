package pigeon.smtp.dkim;

import java.util.ArrayList;
import java.util.List;

/**
 * The DNS TXT record that publishes a DKIM public key (RFC 6376 §3.6.2).
 *
 * @param name  the owner name, {@code <selector>._domainkey.<domain>} (no trailing dot)
 * @param value the record's text, {@code v=DKIM1; k=rsa; p=<base64 SubjectPublicKeyInfo>}, as one string
 */
public record DnsRecord(String name, String value) {
    /** A TXT character-string holds at most 255 octets (RFC 1035 §3.3); longer text is split into several. */
    public static final int MAX_STRING = 255;

    /** The value split into character-strings of at most 255 octets, as DNS stores it (RFC 6376 §3.6.2.2 joins them). */
    public List<String> strings() {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < value.length(); i += MAX_STRING) out.add(value.substring(i, Math.min(value.length(), i + MAX_STRING)));
        return out;
    }

    /** The record as one line of a zone file: {@code sel._domainkey.example.org. IN TXT "v=DKIM1; …" "…"}. */
    public String zoneFileLine() {
        StringBuilder b = new StringBuilder(name).append(". IN TXT");
        for (String s : strings()) b.append(" \"").append(s).append('"'); // the value has no '"' or '\\' to escape
        return b.toString();
    }
}
