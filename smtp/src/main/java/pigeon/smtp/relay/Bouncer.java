package pigeon.smtp.relay;

import java.util.List;
import pigeon.protocol.queue.QueueEntry;

/**
 * Sends delivery status notifications (RFC 3464) to an entry's envelope sender. Implemented outside
 * the relay (the DSN builder, handing the notice to the local delivery target); the relay only
 * decides when.
 *
 * <p>The relay never calls it for the null sender (that would be a bounce loop; RFC 5321 §6.1); it
 * logs the failure instead.
 */
public interface Bouncer {
    /**
     * Sends one notice for {@code entry} (its message is still in the queue: {@link
     * pigeon.protocol.queue.OutboundQueue#openMessage(long)} works during the call).
     *
     * @param failures the recipients it is about; all {@link RecipientFailure#permanent()} when
     *                 {@code delayed} is false, all temporary when it is true
     * @param delayed  true for a delay notice ("still trying"), false for a failure notice
     * @throws Exception if the notice could not be stored: the relay then keeps the failed recipients
     *                   in the queue and tries again at the next attempt (a delay notice is just skipped)
     */
    void bounce(QueueEntry entry, List<RecipientFailure> failures, boolean delayed) throws Exception;
}
