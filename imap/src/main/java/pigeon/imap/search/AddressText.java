package pigeon.imap.search;

import java.util.List;
import pigeon.imap.mime.Address;

/** Address lists of the ENVELOPE as text for FROM/TO/CC/BCC searches, and as SORT keys (RFC 5256). */
final class AddressText {
    private AddressText() {}

    /**
     * The list as one would write it, display names decoded: {@code Ann Lee <ann@example.com>, bob@example.org},
     * groups as {@code team: a@b, c@d;}. Null for an absent field.
     */
    static String render(List<Address> list) {
        if (list == null) return null;
        StringBuilder out = new StringBuilder();
        boolean groupStarted = false;
        for (Address a : list) {
            if (a.isGroupEnd()) {
                out.append(';');
                continue;
            }
            if (!out.isEmpty() && !groupStarted) out.append(", ");
            groupStarted = false;
            if (a.isGroupStart()) {
                out.append(EncodedWords.decode(a.mailbox())).append(": ");
                groupStarted = true;
                continue;
            }
            String spec = a.mailbox() + "@" + a.host();
            if (a.name() == null) out.append(spec);
            else out.append(EncodedWords.decode(a.name())).append(" <").append(spec).append('>');
        }
        return out.toString();
    }

    /**
     * RFC 5256 §3: the addr-mailbox of the first address structure of the list, as ENVELOPE has it
     * (for group syntax the group start, whose addr-mailbox is the group name), with encoded words
     * decoded as Dovecot does (it decodes the header before parsing it); empty when there is none.
     */
    static String firstMailbox(List<Address> list) {
        if (list == null || list.isEmpty() || list.getFirst().mailbox() == null) return "";
        return EncodedWords.decode(list.getFirst().mailbox());
    }

    /**
     * RFC 5957 §3: the display-name of the first address of the list, RFC 2047 words decoded, when it has a
     * non-empty one; else its addr-spec ({@code mailbox@host}, decoded as {@link #firstMailbox}; a group's name
     * for a group); empty when there is no address.
     */
    static String firstDisplay(List<Address> list) {
        if (list == null || list.isEmpty() || list.getFirst().mailbox() == null) return "";
        Address a = list.getFirst();
        String name = a.name() == null ? "" : EncodedWords.decode(a.name()).strip();
        if (!name.isEmpty()) return name;
        if (a.isGroupStart() || a.host() == null) return EncodedWords.decode(a.mailbox());
        return EncodedWords.decode(a.mailbox()) + "@" + a.host();
    }
}
