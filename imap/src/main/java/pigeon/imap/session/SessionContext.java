package pigeon.imap.session;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pigeon.imap.command.MailboxNames;
import pigeon.imap.decode.ImapReader;
import pigeon.imap.encode.Flags;
import pigeon.imap.encode.ResponseWriter;
import pigeon.imap.message.MessageView;
import pigeon.imap.mime.ImapStrings;
import pigeon.imap.session.Capabilities.Extension;
import pigeon.protocol.net.Connection;
import pigeon.store.Mailboxes;
import pigeon.store.MessageEntry;

/**
 * What a handler needs of its connection besides the state: the shared services, the output, the
 * reader (for SASL responses and IDLE's DONE only), and what the client has ENABLEd. One per
 * connection, used by the session's thread.
 */
public final class SessionContext {
    private final Services services;
    private final Connection connection;
    private final ImapReader reader;
    private final ResponseWriter out;
    private final Set<Extension> enabled = EnumSet.noneOf(Extension.class);

    SessionContext(Services services, Connection connection, ImapReader reader, ResponseWriter out) {
        this.services = services;
        this.connection = connection;
        this.reader = reader;
        this.out = out;
    }

    public Services services() { return services; }
    public Connection connection() { return connection; }
    public ImapReader reader() { return reader; }
    public ResponseWriter out() { return out; }

    /** Whether cleartext passwords may be used here (TLS or loopback). */
    public boolean plaintextAllowed() { return connection.plaintextAuthAllowed(); }

    /** The capability list for the current state. */
    public String capabilities(boolean authenticated) { return Capabilities.list(authenticated, plaintextAllowed(), connection.tlsAvailable()); }

    /** Turns an extension on; returns false if it already was. QRESYNC implies CONDSTORE (RFC 7162 §3.2.3). */
    public boolean enable(Extension e) {
        if (e == Extension.QRESYNC) enabled.add(Extension.CONDSTORE);
        return enabled.add(e);
    }

    public boolean enabled(Extension e) { return enabled.contains(e); }

    /** IMAP4rev2 behaviour (no \Recent, LIST in SELECT, ESEARCH …) once the client has ENABLEd it. */
    public boolean rev2() { return enabled.contains(Extension.IMAP4REV2); }

    /** UTF-8 in mailbox names and quoted strings: RFC 6855 UTF8=ACCEPT or IMAP4rev2 (RFC 9051 §5.1). */
    public boolean utf8() { return rev2() || enabled.contains(Extension.UTF8_ACCEPT); }

    public boolean condstore() { return enabled.contains(Extension.CONDSTORE); }

    public boolean qresync() { return enabled.contains(Extension.QRESYNC); }

    /**
     * A mailbox name as the client sent it, made the store's (UTF-8) name: modified UTF-7 is decoded
     * for rev1 clients (RFC 3501 §5.1.3), any spelling of INBOX becomes INBOX, and a trailing
     * delimiter is dropped (RFC 9051 §6.3.4).
     */
    public String mailboxName(String sent) throws ImapException {
        String name = sent;
        if (!utf8() && sent.chars().allMatch(c -> c < 0x80)) {
            // the grammar allows the atom, so it is no syntax error: no such mailbox can exist (NO, as Dovecot)
            name = MailboxNames.tryDecodeUtf7(sent).orElseThrow(() -> ImapException.no("CANNOT", "Mailbox name is not valid modified UTF-7"));
        }  // else UTF-8 as sent: after ENABLE, or an 8-bit name from a client that didn't say (accepted, RFC 6855 §3)
        while (name.length() > 1 && name.endsWith("/")) name = name.substring(0, name.length() - 1);
        if (name.isEmpty()) throw ImapException.no("CANNOT", "Invalid mailbox name");
        if (MailboxNames.isInbox(name)) return MailboxNames.INBOX;
        int slash = name.indexOf('/');
        if (slash > 0 && MailboxNames.isInbox(name.substring(0, slash))) return MailboxNames.INBOX + name.substring(slash);
        return name;
    }

    /** A store name as the client reads it: a quoted string, in modified UTF-7 unless UTF-8 is on. */
    public String encodeName(String name) {
        return utf8() ? ImapStrings.string(name, true) : ImapStrings.quoted(MailboxNames.encodeUtf7(name));
    }

    /**
     * A message of one of the account's mailboxes by UID, read from the store, not from a session's view
     * (CATENATE's URL parts, RFC 4469); empty if the mailbox has no such UID. Its sequence number is 0.
     */
    public Optional<MessageView> storedMessage(long mailboxId, long uid) {
        Mailboxes store = services.mailboxes();
        List<MessageEntry> found = store.entries(mailboxId, List.of(uid));
        if (found.isEmpty()) return Optional.empty();
        MessageEntry e = found.getFirst();
        return Optional.of(new StoredMessage(0, e.uid(), e.modSeq(), Flags.names(e.flags(), e.keywords(), false), e.internalDate(),
                e.size(), e.messageId(), new DescriptionLoader(store, List.of(e.messageId())), store));
    }
}
