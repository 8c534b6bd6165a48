package pigeon.imap.session;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * What the server advertises (RFC 9051 §7.2.2), in one place. Every name here has its commands in the
 * session (FETCH, STORE, COPY, MOVE, SEARCH, SORT and THREAD through the message handlers; BINARY, RFC
 * 3516, through FETCH and APPEND's literal8).
 */
public final class Capabilities {
    /** Announced before and after login. */
    static final List<String> COMMON = List.of("IMAP4rev1", "IMAP4rev2", "LITERAL+", "SASL-IR", "ID", "ENABLE", "IDLE",
            "NAMESPACE", "UNSELECT", "UIDPLUS", "MULTIAPPEND", "CATENATE", "BINARY", "MOVE", "SPECIAL-USE", "CHILDREN", "LIST-EXTENDED", "LIST-STATUS",
            "STATUS=SIZE", "ESEARCH", "ESORT", "CONTEXT=SEARCH", "CONTEXT=SORT", "PARTIAL", "SEARCHRES", "WITHIN", "CONDSTORE", "QRESYNC", "UTF8=ACCEPT", "SORT", "THREAD=REFERENCES",
            "THREAD=ORDEREDSUBJECT");

    /** What ENABLE can turn on (RFC 5161), by name as the parser upper-cases it. */
    public enum Extension {
        IMAP4REV2("IMAP4rev2"), CONDSTORE("CONDSTORE"), QRESYNC("QRESYNC"), UTF8_ACCEPT("UTF8=ACCEPT");

        public final String wireName;

        Extension(String wireName) { this.wireName = wireName; }

        public static Optional<Extension> named(String name) {
            for (Extension e : values()) if (e.wireName.toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT))) return Optional.of(e);
            return Optional.empty();
        }
    }

    private Capabilities() {}

    /**
     * The capability list (without the word CAPABILITY). Before login it names the SASL mechanisms, or
     * LOGINDISABLED when cleartext passwords are not allowed on this connection (RFC 9051 §6.2.3);
     * after login neither (RFC 9051 §7.2.2). STARTTLS while TLS can be started (RFC 9051 §6.2.1).
     */
    public static String list(boolean authenticated, boolean plaintextAllowed, boolean offerStartTls) {
        String common = String.join(" ", COMMON);
        if (authenticated) return common;
        return common + (offerStartTls ? " STARTTLS" : "") + (plaintextAllowed ? " AUTH=PLAIN" : " LOGINDISABLED");
    }
}
