package pigeon.pop3.session;

import java.util.ArrayList;
import java.util.List;

/** What CAPA announces (RFC 2449 §6, RFC 5034 §3 for SASL). */
final class Capabilities {
    private Capabilities() {}

    /**
     * The list, with USER (RFC 2449 §6.2) and SASL PLAIN only where {@code Connection.plaintextAuthAllowed()} lets
     * passwords travel in the clear (RFC 2595 §2.2), and STLS (RFC 2595 §4) while TLS can be started.
     */
    static List<String> list(boolean plaintextAllowed, boolean offerStls) {
        List<String> l = new ArrayList<>(List.of("TOP", "UIDL"));
        if (offerStls) l.add("STLS");
        if (plaintextAllowed) l.add("USER");
        l.add("RESP-CODES");          // RFC 2449 §6.4: [IN-USE], [SYS/TEMP]
        l.add("AUTH-RESP-CODE");      // RFC 3206 §6: [AUTH]
        l.add("PIPELINING");          // RFC 2449 §6.6: replies are flushed when the client's input runs dry
        if (plaintextAllowed) l.add("SASL PLAIN");
        l.add("IMPLEMENTATION Pigeon");
        return l;
    }
}
