package pigeon.imap.mime;

import java.util.List;

/** Builds the ENVELOPE of a message from its header (RFC 9051 §7.5.2). */
final class Envelopes {
    private Envelopes() {}

    static Envelope of(HeaderFields h) {
        List<Address> from = addresses(h, "from");
        List<Address> sender = addresses(h, "sender");
        List<Address> replyTo = addresses(h, "reply-to");
        // "If the Sender or Reply-To header fields are absent … or are present but empty, the
        // server sets the corresponding member of the envelope to be the same value as the from"
        return new Envelope(h.text("date"), h.text("subject"), from,
                sender == null ? from : sender, replyTo == null ? from : replyTo,
                addresses(h, "to"), addresses(h, "cc"), addresses(h, "bcc"),
                h.text("in-reply-to"), h.text("message-id"));
    }

    private static List<Address> addresses(HeaderFields h, String name) {
        List<Address> list = AddressParser.parse(h.text(name));
        return list.isEmpty() ? null : list;
    }
}
