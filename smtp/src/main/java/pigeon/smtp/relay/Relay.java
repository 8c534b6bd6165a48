package pigeon.smtp.relay;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import pigeon.protocol.queue.OutboundQueue;
import pigeon.protocol.queue.QueueEntry;

/**
 * The relay: drains the {@link OutboundQueue} to remote domains over SMTP (RFC 5321). Workers claim
 * due entries, take them domain by domain, look up the domain's MX hosts, deliver (reusing open
 * connections to a host), and record each attempt: delivered and bounced recipients leave the
 * queue, the rest are retried with back-off until the maximum age, when they bounce too.
 *
 * <p>Graceful {@link #close()}: workers finish the entry they are sending (for up to 30 s, then
 * their sockets are closed) and start no other. Entries claimed but not started stay leased and
 * come back by themselves when the lease ends.
 */
public final class Relay implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Relay.class);
    private static final int CLAIM_BATCH = 16;
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(30);

    private final RelayConfig config;
    private final OutboundQueue queue;
    private final Signer signer;
    private final Clock clock;
    private final MxResolver resolver;
    private final ConnectionPool pool;
    private final Deliverer deliverer;
    private final AttemptRecorder recorder;
    private final Wakeup wakeup = new Wakeup();
    private final List<Thread> workers = new ArrayList<>();
    private Thread expirer;
    private volatile boolean running;
    private AutoCloseable subscription;

    /**
     * @param bouncer sends failure and delay notices (see {@link Bouncer})
     * @param signer  adds DKIM signatures; {@link Signer#NONE} for none
     */
    public Relay(RelayConfig config, OutboundQueue queue, Bouncer bouncer, Signer signer) {
        this(config, queue, bouncer, signer, MxResolver.create(config.dnsServer(), config.dnsTimeout()), Clock.systemUTC());
    }

    Relay(RelayConfig config, OutboundQueue queue, Bouncer bouncer, Signer signer, MxResolver resolver, Clock clock) {
        this.config = Objects.requireNonNull(config);
        this.queue = Objects.requireNonNull(queue);
        this.signer = Objects.requireNonNull(signer);
        this.clock = clock;
        this.resolver = resolver;
        this.pool = new ConnectionPool(config.idleConnection(), config.workers(), clock);
        this.deliverer = new Deliverer(config, pool);
        this.recorder = new AttemptRecorder(config, queue, Objects.requireNonNull(bouncer));
    }

    /** Starts the workers; new mail ({@link OutboundQueue#onQueued}) wakes them at once. */
    public synchronized void start() {
        if (running || !workers.isEmpty()) throw new IllegalStateException("already started");
        running = true;
        subscription = queue.onQueued(wakeup::signal);
        for (int i = 0; i < config.workers(); i++) workers.add(Thread.ofVirtual().name("relay-" + i).start(this::work));
        expirer = Thread.ofVirtual().name("relay-idle-connections").start(this::expireIdle);
        log.info("relay started: {} workers, remote port {}", config.workers(), config.remotePort());
    }

    private void work() {
        while (running) {
            long seen = wakeup.generation();
            try {
                List<QueueEntry> batch = queue.claimDue(clock.instant(), config.lease(), CLAIM_BATCH);
                if (batch.isEmpty()) wakeup.await(seen, config.pollInterval());
                else process(batch, clock.instant());
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                log.error("relay worker: queue failure; pausing", e);
                try {
                    wakeup.await(seen, config.pollInterval());
                } catch (InterruptedException ie) {
                    return;
                }
            }
        }
    }

    /** Entries domain by domain, so that one lookup and one connection serve a domain's run of messages. */
    private void process(List<QueueEntry> batch, Instant claimedAt) {
        Map<String, List<QueueEntry>> byDomain = new LinkedHashMap<>();
        for (QueueEntry e : batch) byDomain.computeIfAbsent(e.domain(), d -> new ArrayList<>()).add(e);
        Instant stale = claimedAt.plus(config.lease().dividedBy(2));
        for (var group : byDomain.entrySet()) {
            Resolution resolution = null;
            for (QueueEntry entry : group.getValue()) {
                // Past half the lease, another worker may soon take this entry: leave it to the lease.
                if (!running || clock.instant().isAfter(stale)) return;
                if (resolution == null) resolution = resolver.resolve(group.getKey());
                attempt(entry, resolution);
            }
        }
    }

    private void attempt(QueueEntry entry, Resolution resolution) {
        MDC.put("proto", "relay");
        MDC.put("session", "q" + entry.id());
        try {
            AttemptOutcome outcome = switch (resolution) {
                case Resolution.Failed f -> failedAll(entry, f.permanent(), f.status(), f.detail());
                case Resolution.Hosts h -> {
                    Optional<Payload> payload = payload(entry);
                    yield payload.isEmpty() ? failedAll(entry, false, "4.3.0", "cannot read the queued message")
                            : deliverer.deliver(entry, h.hosts(), payload.get());
                }
            };
            recorder.record(entry, outcome, clock.instant());
        } catch (RuntimeException e) {
            log.error("entry {}: attempt failed; it comes back when its lease ends", entry.id(), e);
        } finally {
            MDC.remove("proto");
            MDC.remove("session");
        }
    }

    /** The signer's header fields, then a scan for size and 8-bit content; empty if the message cannot be read. */
    private Optional<Payload> payload(QueueEntry entry) {
        Signer.Source source = () -> ReturnPath.strip(queue.openMessage(entry.messageId()));
        byte[] prefix;
        try {
            prefix = signer.headers(entry, source);
        } catch (Exception e) {
            // Unsigned mail beats no mail: a broken key must not stop the queue.
            log.warn("entry {}: signing failed, sending unsigned: {}", entry.id(), e.toString());
            prefix = new byte[0];
        }
        try {
            return Optional.of(Payload.scan(prefix, source));
        } catch (IOException | RuntimeException e) {
            log.error("entry {}: cannot read message {}", entry.id(), entry.messageId(), e);
            return Optional.empty();
        }
    }

    private static AttemptOutcome failedAll(QueueEntry entry, boolean permanent, String status, String detail) {
        return new AttemptOutcome(List.of(), entry.recipients().stream()
                .map(r -> new RecipientFailure(r, permanent, status, Optional.empty(), Optional.empty(), detail)).toList());
    }

    private void expireIdle() {
        long pause = Math.max(200, config.idleConnection().toMillis() / 2);
        while (running) {
            try {
                Thread.sleep(pause);
            } catch (InterruptedException e) {
                return;
            }
            pool.expire();
        }
    }

    /** Stops taking work, lets the workers finish the entries they are sending, and closes idle connections. */
    @Override public void close() {
        List<Thread> toJoin;
        synchronized (this) {
            if (!running) return;
            running = false;
            toJoin = List.copyOf(workers);
        }
        expirer.interrupt();
        try {
            if (subscription != null) subscription.close();
        } catch (Exception e) {
            log.warn("relay: cannot unsubscribe from the queue", e);
        }
        wakeup.signal();
        Instant deadline = Instant.now().plus(SHUTDOWN_GRACE);
        for (Thread t : toJoin) {
            try {
                if (!t.join(Duration.between(Instant.now(), deadline).plusMillis(1))) t.interrupt();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        pool.close();
        log.info("relay stopped");
    }
}
