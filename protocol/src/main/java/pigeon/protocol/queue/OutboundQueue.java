package pigeon.protocol.queue;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import pigeon.protocol.delivery.MailAddress;

/**
 * The durable queue of mail for remote domains, filled by deliveries (in the same transaction as
 * local delivery) and drained by the relay. Entries survive restarts.
 */
public interface OutboundQueue {
    /**
     * Takes up to {@code max} due entries, oldest first, and leases them: each is not due again
     * until {@code lease} has passed, so that two workers never take one entry, and an entry whose
     * worker died comes back by itself.
     */
    List<QueueEntry> claimDue(Instant now, Duration lease, int max);

    /** The stored message; the caller closes the stream. */
    InputStream openMessage(long messageId);

    /**
     * Records the end of one attempt. {@code finished} recipients (delivered, or failed for good and
     * bounced) leave the entry; if none remain the entry is deleted (and the message with its last
     * reference). Otherwise the attempt count grows by one and the entry is due at {@code retryAt}.
     */
    void recordAttempt(long entryId, Collection<MailAddress> finished, Instant retryAt, String lastReply);

    /** Every entry, oldest first. */
    List<QueueEntry> list();

    Optional<QueueEntry> get(long entryId);

    /** Makes the entry (or, with empty, every entry) due now; returns how many. */
    int retryNow(Optional<Long> entryId);

    /** Removes an entry without delivering or bouncing it; false if there was none. */
    boolean delete(long entryId);

    /** Calls {@code listener} (quickly, on the committing thread) after new entries are committed. */
    AutoCloseable onQueued(Runnable listener);
}
