package pigeon.smtp.relay;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.protocol.delivery.MailAddress;
import pigeon.protocol.queue.OutboundQueue;
import pigeon.protocol.queue.QueueEntry;

/**
 * Ends one attempt: bounces what failed for good (and, once the entry is older than the maximum age,
 * everything still pending), sends the delay notice when it is due, and records the attempt with
 * the next retry time.
 *
 * <p>The delay notice is sent once, without a flag in the queue: at the attempt whose number is the
 * first one that the retry schedule puts at or after the notice age (with the defaults, 4 h: the
 * 7th attempt, nominally 5 h 15 min after queueing). The attempt count grows by exactly one per
 * recorded attempt, so exactly one attempt has that number. A forced retry ({@code pigeon queue
 * retry}) can make that attempt early, and then the notice comes early too; if that attempt
 * delivers everything or the entry expires first, there is no notice.
 */
final class AttemptRecorder {
    private static final Logger log = LoggerFactory.getLogger(AttemptRecorder.class);

    private final RelayConfig config;
    private final OutboundQueue queue;
    private final Bouncer bouncer;
    private final Optional<Integer> noticeAttempt;

    AttemptRecorder(RelayConfig config, OutboundQueue queue, Bouncer bouncer) {
        this.config = config;
        this.queue = queue;
        this.bouncer = bouncer;
        this.noticeAttempt = config.delayNoticeAfter().map(config.retry()::firstAttemptAtOrAfter);
    }

    void record(QueueEntry entry, AttemptOutcome outcome, Instant now) {
        Instant expiry = entry.queuedAt().plus(config.maxAge());
        boolean expired = !now.isBefore(expiry);
        List<RecipientFailure> permanent = new ArrayList<>(outcome.permanent());
        List<RecipientFailure> temporary = outcome.temporary();
        if (expired && !temporary.isEmpty()) {
            // RFC 3463 4.4.7: delivery time expired; the last reply stays as the diagnostic.
            long days = Duration.between(entry.queuedAt(), now).toDays();
            for (RecipientFailure f : temporary)
                permanent.add(new RecipientFailure(f.recipient(), true, "4.4.7", f.remoteMta(), f.reply(),
                        "gave up after " + days + " days in the queue; last: " + f.detail()));
            temporary = List.of();
        }
        List<MailAddress> finished = new ArrayList<>(outcome.delivered());
        if (!permanent.isEmpty() && bounce(entry, permanent, false)) permanent.forEach(f -> finished.add(f.recipient()));
        if (!temporary.isEmpty() && noticeAttempt.isPresent() && entry.attempts() == noticeAttempt.get())
            bounce(entry, temporary, true);

        Instant retryAt = now.plus(config.retry().delayAfter(entry.attempts() + 1));
        if (expiry.isAfter(now) && retryAt.isAfter(expiry)) retryAt = expiry;  // bounce on time, not up to 4 h late
        String lastReply = summary(outcome, temporary, permanent);
        queue.recordAttempt(entry.id(), finished, retryAt, lastReply);
        log.info("entry {} to {}: {} delivered, {} failed, {} deferred{}", entry.id(), entry.domain(), outcome.delivered().size(),
                permanent.size(), temporary.size(), temporary.isEmpty() ? "" : " until " + retryAt + ": " + lastReply);
    }

    /** @return whether the recipients are done with: notice stored, or none to send (null sender) */
    private boolean bounce(QueueEntry entry, List<RecipientFailure> failures, boolean delayed) {
        if (entry.sender().isEmpty()) {
            // RFC 5321 §6.1 / RFC 3464 §2: never a notice about a notice.
            if (!delayed) log.warn("entry {}: {} recipient(s) failed for a message with the null sender; no bounce: {}",
                    entry.id(), failures.size(), failures.get(0).detail());
            return true;
        }
        try {
            bouncer.bounce(entry, failures, delayed);
            return true;
        } catch (Exception e) {
            log.error("entry {}: the {} could not be sent; trying again at the next attempt", entry.id(),
                    delayed ? "delay notice" : "bounce", e);
            return false;
        }
    }

    /** The queue's last_reply: the first still-pending failure, else the first bounced one, else delivered. */
    private static String summary(AttemptOutcome outcome, List<RecipientFailure> temporary, List<RecipientFailure> permanent) {
        RecipientFailure f = !temporary.isEmpty() ? temporary.get(0) : !permanent.isEmpty() ? permanent.get(0) : null;
        if (f == null) return "delivered (" + outcome.delivered().size() + ")";
        return f.reply().map(r -> f.remoteMta().map(h -> h + ": ").orElse("") + r).orElse(f.detail());
    }
}
