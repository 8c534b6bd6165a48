package pigeon.smtp.relay;

import java.util.Optional;
import pigeon.protocol.delivery.MailAddress;

/**
 * Why one recipient was not delivered, for a DSN (RFC 3464 per-recipient fields).
 *
 * @param recipient the recipient (Final-Recipient)
 * @param permanent true when it failed for good (Action: failed); false for a delay notice (Action: delayed)
 * @param status    the RFC 3463 status (Status), e.g. {@code 5.1.1}, {@code 5.1.10} for a null MX,
 *                  {@code 4.4.7} when the message expired in the queue, {@code 4.4.1} when no host answered
 * @param remoteMta the host whose reply this was (Remote-MTA), when a remote server answered
 * @param reply     the remote reply (Diagnostic-Code: smtp; …), when a remote server answered
 * @param detail    a one-line human explanation, always present (for the DSN's text part and the log)
 */
public record RecipientFailure(MailAddress recipient, boolean permanent, String status, Optional<String> remoteMta,
                               Optional<SmtpReply> reply, String detail) {}
