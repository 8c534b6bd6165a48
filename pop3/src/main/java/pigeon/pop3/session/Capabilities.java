package pigeon.pop3.session;

import java.util.List;

/** What CAPA announces (RFC 2449 §6, RFC 5034 §3 for SASL). */
final class Capabilities {
    static final List<String> LIST = List.of(
            "TOP",
            "UIDL",
            "USER",
            "RESP-CODES",         // RFC 2449 §6.4: [IN-USE], [SYS/TEMP]
            "AUTH-RESP-CODE",     // RFC 3206 §6: [AUTH]
            "PIPELINING",         // RFC 2449 §6.6: replies are flushed when the client's input runs dry
            "SASL PLAIN",
            "IMPLEMENTATION Pigeon");

    private Capabilities() {}
}
