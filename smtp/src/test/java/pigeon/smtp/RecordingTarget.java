package pigeon.smtp;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import pigeon.protocol.delivery.Delivery;
import pigeon.protocol.delivery.DeliveryException;
import pigeon.protocol.delivery.DeliveryException.Reason;
import pigeon.protocol.delivery.DeliveryTarget;
import pigeon.protocol.delivery.Envelope;
import pigeon.protocol.delivery.MailAddress;

/**
 * An in-memory delivery target that behaves like the real store for one local domain,
 * {@code example.test}: known users are accepted, unknown ones get UNKNOWN_USER, other domains
 * RELAY_DENIED unless the session authenticated. An authenticated session may only use its own
 * account name as the sender (SENDER_NOT_OWNED otherwise). It records what was committed, every
 * envelope started, and how many transactions were aborted.
 */
final class RecordingTarget implements DeliveryTarget {
    static final String DOMAIN = "example.test";

    record Message(Envelope envelope, List<MailAddress> recipients, String text) {}

    private final Set<String> users;
    final List<Message> committed = new CopyOnWriteArrayList<>();
    final List<Envelope> envelopes = new CopyOnWriteArrayList<>();
    final AtomicInteger started = new AtomicInteger(), aborted = new AtomicInteger();

    RecordingTarget(String... users) { this.users = Set.of(users); }

    @Override public Delivery start(Envelope envelope) throws DeliveryException {
        envelopes.add(envelope);
        if (envelope.authenticatedUser().isPresent() && envelope.sender().isPresent()
                && !envelope.sender().get().toString().equalsIgnoreCase(envelope.authenticatedUser().get()))
            throw new DeliveryException(Reason.SENDER_NOT_OWNED, envelope.sender().get() + " is not " + envelope.authenticatedUser().get());
        started.incrementAndGet();
        return new Delivery() {
            private final List<MailAddress> recipients = new ArrayList<>();
            private byte[] body;
            private boolean done;

            @Override public void addRecipient(MailAddress r) throws DeliveryException {
                if (!r.domain().equals(DOMAIN)) {
                    if (envelope.authenticatedUser().isPresent()) {  // submission: relayed
                        recipients.add(r);
                        return;
                    }
                    throw new DeliveryException(Reason.RELAY_DENIED, "not local: " + r);
                }
                if (!users.contains(r.localPart().toLowerCase(Locale.ROOT))) throw new DeliveryException(Reason.UNKNOWN_USER, "unknown: " + r);
                recipients.add(r);
            }

            @Override public void body(InputStream message) throws IOException {
                body = message.readAllBytes();
            }

            @Override public void commit() {
                if (body == null || recipients.isEmpty()) throw new IllegalStateException("commit without body or recipients");
                done = true;
                committed.add(new Message(envelope, List.copyOf(recipients), new String(body, StandardCharsets.UTF_8)));
            }

            @Override public void abort() {
                if (!done) {
                    done = true;
                    aborted.incrementAndGet();
                }
            }
        };
    }

    /** Waits (briefly) until at least {@code n} transactions were aborted. */
    boolean awaitAborted(int n) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (aborted.get() < n) {
            if (System.nanoTime() > deadline) return false;
            Thread.sleep(5);
        }
        return true;
    }
}
