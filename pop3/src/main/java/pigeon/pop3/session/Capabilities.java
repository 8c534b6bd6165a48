package pigeon.pop3.session;

import java.util.ArrayList;
import java.util.List;

/** What CAPA announces (RFC 2449 §6, RFC 5034 §3 for SASL). */
final class Capabilities {
    private Capabilities() {}

    /**
     * The list, with USER (RFC 2449 §6.2) and SASL PLAIN only where {@code PlaintextPolicy} lets
     * passwords travel in the clear (RFC 2595 §2.2).
     */
    static List<String> list(boolean plaintextAllowed) {
        List<String> l = new ArrayList<>(List.of("TOP", "UIDL"));
        if (plaintextAllowed) l.add("USER");
        l.add("RESP-CODES");          // RFC 2449 §6.4: [IN-USE], [SYS/TEMP]
        l.add("AUTH-RESP-CODE");      // RFC 3206 §6: [AUTH]
        l.add("PIPELINING");          // RFC 2449 §6.6: replies are flushed when the client's input runs dry
        if (plaintextAllowed) l.add("SASL PLAIN");
        l.add("IMPLEMENTATION Pigeon");
        return l;
    }
}
