package pigeon.protocol.queue;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import pigeon.protocol.delivery.MailAddress;

/**
 * One message waiting to go to one remote domain.
 *
 * @param id            the entry's id (what `pigeon queue` shows)
 * @param messageId     the stored message
 * @param sender        the envelope sender; empty for the null sender (never bounce to it)
 * @param domain        the recipient domain, whose MX hosts get the message
 * @param recipients    the recipients still to deliver
 * @param attempts      attempts made so far
 * @param queuedAt      when the message was accepted (the maximum age counts from here)
 * @param nextAttemptAt when it is due again
 * @param lastReply     what the last attempt ended with (a remote reply, or a connection error)
 */
public record QueueEntry(long id, long messageId, Optional<MailAddress> sender, String domain, List<MailAddress> recipients,
                         int attempts, Instant queuedAt, Instant nextAttemptAt, Optional<String> lastReply) {
    public QueueEntry {
        recipients = List.copyOf(recipients);
    }
}
