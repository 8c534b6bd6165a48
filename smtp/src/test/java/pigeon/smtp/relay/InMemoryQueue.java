package pigeon.smtp.relay;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import pigeon.protocol.delivery.MailAddress;
import pigeon.protocol.queue.OutboundQueue;
import pigeon.protocol.queue.QueueEntry;

/** The {@link OutboundQueue} contract in memory, for the relay's tests; remembers every recorded attempt. */
public final class InMemoryQueue implements OutboundQueue {
    /** One {@link #recordAttempt} call. */
    public record Attempt(long entryId, List<MailAddress> finished, Instant retryAt, String lastReply) {}

    private final Map<Long, QueueEntry> entries = new HashMap<>();
    private final Map<Long, Instant> leasedUntil = new HashMap<>();
    private final Map<Long, byte[]> messages = new HashMap<>();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    public final List<Attempt> attempts = new CopyOnWriteArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** Queues a message, due now; returns the entry. */
    public QueueEntry add(String sender, List<String> recipients, String message) {
        return add(sender, recipients, message.getBytes(StandardCharsets.UTF_8), Instant.now(), 0);
    }

    /** Queues a message with a given age and attempt count; {@code sender} "" is the null sender. */
    public QueueEntry add(String sender, List<String> recipients, byte[] message, Instant queuedAt, int attemptsSoFar) {
        QueueEntry e;
        synchronized (this) {
            long id = ids.incrementAndGet();
            List<MailAddress> rcpts = recipients.stream().map(MailAddress::parse).toList();
            e = new QueueEntry(id, 1000 + id, sender.isEmpty() ? Optional.empty() : Optional.of(MailAddress.parse(sender)),
                    rcpts.get(0).domain(), rcpts, attemptsSoFar, queuedAt, Instant.now(), Optional.empty());
            entries.put(id, e);
            messages.put(e.messageId(), message);
        }
        listeners.forEach(Runnable::run);
        return e;
    }

    @Override public synchronized List<QueueEntry> claimDue(Instant now, Duration lease, int max) {
        List<QueueEntry> due = entries.values().stream()
                .filter(e -> !e.nextAttemptAt().isAfter(now) && !leasedUntil.getOrDefault(e.id(), Instant.MIN).isAfter(now))
                .sorted(Comparator.comparing(QueueEntry::queuedAt)).limit(max).toList();
        due.forEach(e -> leasedUntil.put(e.id(), now.plus(lease)));
        return due;
    }

    @Override public synchronized InputStream openMessage(long messageId) {
        byte[] m = messages.get(messageId);
        if (m == null) throw new IllegalArgumentException("no message " + messageId);
        return new ByteArrayInputStream(m);
    }

    @Override public void recordAttempt(long entryId, Collection<MailAddress> finished, Instant retryAt, String lastReply) {
        synchronized (this) {
            QueueEntry e = entries.get(entryId);
            if (e == null) throw new IllegalStateException("no entry " + entryId);
            leasedUntil.remove(entryId);
            List<MailAddress> left = new ArrayList<>(e.recipients());
            left.removeAll(finished);
            if (left.isEmpty()) entries.remove(entryId);
            else entries.put(entryId, new QueueEntry(e.id(), e.messageId(), e.sender(), e.domain(), left, e.attempts() + 1,
                    e.queuedAt(), retryAt, Optional.of(lastReply)));
            attempts.add(new Attempt(entryId, List.copyOf(finished), retryAt, lastReply));
            notifyAll();
        }
    }

    @Override public synchronized List<QueueEntry> list() {
        return entries.values().stream().sorted(Comparator.comparing(QueueEntry::queuedAt)).toList();
    }

    @Override public synchronized Optional<QueueEntry> get(long entryId) { return Optional.ofNullable(entries.get(entryId)); }

    @Override public synchronized int retryNow(Optional<Long> entryId) {
        int n = 0;
        for (QueueEntry e : List.copyOf(entries.values())) {
            if (entryId.isPresent() && entryId.get() != e.id()) continue;
            entries.put(e.id(), new QueueEntry(e.id(), e.messageId(), e.sender(), e.domain(), e.recipients(), e.attempts(),
                    e.queuedAt(), Instant.now(), e.lastReply()));
            n++;
        }
        return n;
    }

    @Override public synchronized boolean delete(long entryId) { return entries.remove(entryId) != null; }

    @Override public AutoCloseable onQueued(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    /** Waits until the entry has had {@code n} attempts recorded, or is gone; fails after 10 s. */
    public synchronized void awaitAttempts(long entryId, int n) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (attempts.stream().filter(a -> a.entryId() == entryId).count() < n) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) throw new AssertionError("entry " + entryId + ": fewer than " + n + " attempts; queue " + entries);
            wait(left);
        }
    }

    /** Waits until the entry has left the queue; fails after 10 s. */
    public synchronized void awaitGone(long entryId) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (entries.containsKey(entryId)) {
            long left = deadline - System.currentTimeMillis();
            if (left <= 0) throw new AssertionError("entry " + entryId + " still queued: " + entries.get(entryId) + "; attempts " + attempts);
            wait(left);
        }
    }
}
