package pigeon.imap.mime;

/**
 * One element of an ENVELOPE address list (RFC 9051 §7.5.2): display name, at-domain-list
 * (obsolete source route), mailbox (local part) and host. A null host marks RFC 5322 group
 * syntax: with a mailbox (the group name) it starts a group, without one it ends it.
 * Strings are raw header text (encoded words are not decoded), null meaning NIL.
 */
public record Address(String name, String adl, String mailbox, String host) {
    public static Address groupStart(String groupName) {
        return new Address(null, null, groupName, null);
    }

    public static Address groupEnd() {
        return new Address(null, null, null, null);
    }

    public boolean isGroupStart() {
        return host == null && mailbox != null;
    }

    public boolean isGroupEnd() {
        return host == null && mailbox == null;
    }
}
