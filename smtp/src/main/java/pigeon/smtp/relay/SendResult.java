package pigeon.smtp.relay;

import java.util.List;
import pigeon.protocol.delivery.MailAddress;

/**
 * How one mail transaction ended.
 *
 * @param mailReply  the reply to MAIL FROM
 * @param recipients each recipient with the reply that decides its fate: its RCPT reply when that
 *                   refused it, else the reply to the end of the data (or to DATA itself); the MAIL
 *                   reply for all when MAIL was refused
 */
record SendResult(SmtpReply mailReply, List<RecipientReply> recipients) {
    record RecipientReply(MailAddress recipient, SmtpReply reply) {}

    SendResult {
        recipients = List.copyOf(recipients);
    }
}
