package pigeon.protocol.sasl;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** The SASL PLAIN mechanism (RFC 4616): base64 of {@code authzid NUL authcid NUL passwd}. */
public final class SaslPlain {
    /** Decoded credentials; {@code authzid} is empty when the client did not ask to act as someone else. */
    public record Credentials(String authzid, String username, String password) {
        @Override public String toString() { return "Credentials[" + username + "]"; }  // never log a password
    }

    private SaslPlain() {}

    /** Decodes a client response; empty when it is not valid base64 or not three NUL-separated fields. */
    public static Optional<Credentials> decode(String base64) {
        byte[] raw;
        try {
            raw = Base64.getDecoder().decode(base64.trim());
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        String[] parts = new String(raw, StandardCharsets.UTF_8).split("\0", -1);
        if (parts.length != 3 || parts[1].isEmpty()) return Optional.empty();
        return Optional.of(new Credentials(parts[0], parts[1], parts[2]));
    }
}
