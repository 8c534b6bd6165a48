package pigeon.smtp.session;

import java.util.ArrayList;
import java.util.List;
import pigeon.protocol.delivery.Delivery;
import pigeon.protocol.delivery.Envelope;
import pigeon.protocol.delivery.MailAddress;
import pigeon.smtp.command.MailParams;

/**
 * An open mail transaction (RFC 5321 §3.3).
 *
 * @param recipients the recipients the delivery accepted, in order, without repeats
 * @param refused    how many RCPT commands were refused (to tell "no valid recipients" from "no RCPT")
 */
record Transaction(Envelope envelope, Delivery delivery, MailParams params, List<MailAddress> recipients, int refused) {
    Transaction {
        recipients = List.copyOf(recipients);
    }

    static Transaction start(Envelope envelope, Delivery delivery, MailParams params) {
        return new Transaction(envelope, delivery, params, List.of(), 0);
    }

    Transaction withRecipient(MailAddress rcpt) {
        List<MailAddress> more = new ArrayList<>(recipients);
        more.add(rcpt);
        return new Transaction(envelope, delivery, params, more, refused);
    }

    Transaction withRefusal() { return new Transaction(envelope, delivery, params, recipients, refused + 1); }
}
