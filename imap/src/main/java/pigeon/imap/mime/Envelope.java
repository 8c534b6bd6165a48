package pigeon.imap.mime;

import java.util.List;

/**
 * The ENVELOPE of a message (RFC 9051 §7.5.2) as data. Strings are the raw header values,
 * unfolded and trimmed, with encoded words left as they are; null means the header field is
 * absent (NIL). Address lists are null when the field is absent or holds no address; sender
 * and replyTo already default to from, as the RFC asks of the server.
 */
public record Envelope(String date, String subject, List<Address> from, List<Address> sender,
                       List<Address> replyTo, List<Address> to, List<Address> cc, List<Address> bcc,
                       String inReplyTo, String messageId) {
    public Envelope {
        from = copy(from);
        sender = copy(sender);
        replyTo = copy(replyTo);
        to = copy(to);
        cc = copy(cc);
        bcc = copy(bcc);
    }

    private static List<Address> copy(List<Address> list) {
        return list == null || list.isEmpty() ? null : List.copyOf(list);
    }
}
