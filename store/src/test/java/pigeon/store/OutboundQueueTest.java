package pigeon.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pigeon.protocol.delivery.Delivery;
import pigeon.protocol.delivery.Envelope;
import pigeon.protocol.delivery.MailAddress;
import pigeon.protocol.queue.OutboundQueue;
import pigeon.protocol.queue.QueueEntry;

/** The outbound queue on a real (H2) database: filled by authenticated deliveries, drained by claims. */
class OutboundQueueTest {
    private MailStore store;
    private OutboundQueue queue;
    private Account alice;

    @BeforeEach void open() { open(StoreConfig.h2Memory("q" + System.nanoTime())); }

    private void open(StoreConfig config) {
        store = MailStore.open(config);
        queue = store.queue();
        store.directory().addDomain("example.test");
        alice = store.directory().account(a("alice@example.test")).orElseGet(() -> store.directory().addAccount(a("alice@example.test"), "s"));
    }

    @AfterEach void close() { store.close(); }

    private static MailAddress a(String s) { return MailAddress.parse(s); }

    private static InputStream bytes(String s) { return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)); }

    /** Alice, authenticated, sends {@code body} to {@code recipients}; the sender is hers unless {@code <>}. */
    private void send(Optional<MailAddress> sender, String body, String... recipients) throws Exception {
        Envelope env = new Envelope(sender, "client", InetAddress.getLoopbackAddress(), Optional.of("alice@example.test"), "test");
        try (Delivery d = store.deliveryTarget().start(env)) {
            for (String r : recipients) d.addRecipient(a(r));
            d.body(bytes(body));
            d.commit();
        }
    }

    private void send(String... recipients) throws Exception {
        send(Optional.of(a("alice@example.test")), "Subject: out\r\n\r\nhi\r\n", recipients);
    }

    private String content(long messageId) throws Exception {
        try (InputStream in = queue.openMessage(messageId)) { return new String(in.readAllBytes(), StandardCharsets.UTF_8); }
    }

    private long inbox() { return store.mailboxes().find(alice.id(), "INBOX").orElseThrow().id(); }

    @Test void authenticatedDeliveriesQueueAnEntryPerDomainAndTellListenersAfterTheCommit() throws Exception {
        List<Integer> seenByListener = new ArrayList<>();
        AtomicInteger fired = new AtomicInteger();
        // The listener reads the queue on another connection: it sees the entries only if they are committed.
        AutoCloseable handle = queue.onQueued(() -> { fired.incrementAndGet(); seenByListener.add(queue.list().size()); });

        send(Optional.of(a("alice@example.test")), "Subject: out\r\n\r\nhi\r\n", "x@far.test", "Y@Far.test", "z@other.test", "alice@example.test");
        assertEquals(1, fired.get(), "once per delivery, however many entries");
        assertEquals(List.of(2), seenByListener);

        List<QueueEntry> entries = queue.list();
        assertEquals(List.of("far.test", "other.test"), entries.stream().map(QueueEntry::domain).toList());
        QueueEntry far = entries.get(0);
        assertEquals(List.of(a("Y@far.test"), a("x@far.test")), far.recipients());
        assertEquals(List.of(a("z@other.test")), entries.get(1).recipients());
        assertEquals(Optional.of(a("alice@example.test")), far.sender());
        assertEquals(0, far.attempts());
        assertEquals(Optional.empty(), far.lastReply());
        assertFalse(far.nextAttemptAt().isAfter(Instant.now()), "due at once");
        assertEquals(far.queuedAt(), far.nextAttemptAt());
        assertEquals(far.messageId(), entries.get(1).messageId(), "one stored copy");
        assertEquals(far.messageId(), store.mailboxes().entries(inbox()).get(0).messageId(), "shared with the local INBOX");
        assertEquals("Subject: out\r\n\r\nhi\r\n", content(far.messageId()));
        assertEquals(Optional.of(far), queue.get(far.id()));
        assertEquals(Optional.empty(), queue.get(9999));

        // Aborted: nothing queued, nobody told.
        try (Delivery d = store.deliveryTarget().start(new Envelope(Optional.of(a("alice@example.test")), "client",
                InetAddress.getLoopbackAddress(), Optional.of("alice@example.test"), "test"))) {
            d.addRecipient(a("x@far.test"));
            d.body(bytes("Subject: never\r\n\r\n"));
        }
        // Local only: nothing queued, nobody told.
        send("alice@example.test");
        assertEquals(1, fired.get());
        assertEquals(2, queue.list().size());

        // The null sender (a read receipt) is queued as the null sender.
        send(Optional.empty(), "Subject: read\r\n\r\nreceipt\r\n", "x@far.test");
        assertEquals(2, fired.get());
        assertEquals(Optional.empty(), queue.list().get(2).sender());

        handle.close();
        send("x@far.test");
        assertEquals(2, fired.get(), "a closed handle hears nothing");
    }

    @Test void listIsOldestFirst() throws Exception {
        send("a@one.test");
        send("b@two.test", "c@three.test");
        send("d@four.test");
        List<QueueEntry> entries = queue.list();
        assertEquals(List.of("one.test", "three.test", "two.test", "four.test"), entries.stream().map(QueueEntry::domain).toList());
        for (int i = 1; i < entries.size(); i++) assertFalse(entries.get(i).queuedAt().isBefore(entries.get(i - 1).queuedAt()));
    }

    @Test void claimDueLeasesOldestFirstAndLeasesRunOut() throws Exception {
        send("a@one.test");
        send("b@two.test");
        send("c@three.test");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS).plusSeconds(1);
        Duration lease = Duration.ofMinutes(5);

        List<QueueEntry> first = queue.claimDue(now, lease, 2);
        assertEquals(List.of("one.test", "two.test"), first.stream().map(QueueEntry::domain).toList());
        first.forEach(e -> assertEquals(now.plus(lease), e.nextAttemptAt()));
        assertEquals(List.of(a("a@one.test")), first.get(0).recipients());

        assertEquals(List.of("three.test"), queue.claimDue(now, lease, 10).stream().map(QueueEntry::domain).toList());
        assertEquals(List.of(), queue.claimDue(now.plus(lease).minusSeconds(1), lease, 10), "all leased");
        assertEquals(List.of(), queue.claimDue(now, lease, 0));
        assertThrows(IllegalArgumentException.class, () -> queue.claimDue(now, Duration.ZERO, 1));

        // The worker died: when its lease ends the entries are due again, by themselves.
        assertEquals(3, queue.claimDue(now.plus(lease), lease, 10).size());
        assertEquals(0, queue.list().get(0).attempts(), "a claim is not an attempt");
    }

    @Test void twoConcurrentClaimersNeverGetTheSameEntry() throws Exception {
        String[] recipients = new String[40];
        for (int i = 0; i < recipients.length; i++) recipients[i] = "r@d" + i + ".test";
        send(recipients);
        assertEquals(40, queue.list().size());
        Instant base = Instant.now().plusSeconds(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            for (int round = 0; round < 5; round++) {
                Instant now = base.plus(Duration.ofHours(2L * round));  // every lease of the round before has run out
                CyclicBarrier start = new CyclicBarrier(2);
                List<Future<List<Long>>> workers = new ArrayList<>();
                for (int w = 0; w < 2; w++) {
                    workers.add(pool.submit(() -> {
                        List<Long> mine = new ArrayList<>();
                        start.await();
                        List<QueueEntry> got;
                        while (!(got = queue.claimDue(now, Duration.ofHours(1), 3)).isEmpty()) got.forEach(e -> mine.add(e.id()));
                        return mine;
                    }));
                }
                List<Long> one = workers.get(0).get(), two = workers.get(1).get();
                Set<Long> all = new HashSet<>(one);
                all.addAll(two);
                assertEquals(one.size() + two.size(), all.size(), "round " + round + ": an entry was claimed twice: " + one + " " + two);
                assertEquals(40, all.size(), "round " + round + ": every entry claimed once");
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test void recordAttemptRemovesFinishedRecipientsThenTheEntryThenTheMessage() throws Exception {
        send("x@far.test", "y@far.test", "z@other.test");
        QueueEntry far = queue.list().get(0), other = queue.list().get(1);
        Instant retry = Instant.now().plus(Duration.ofMinutes(10)).truncatedTo(ChronoUnit.MICROS);

        String longReply = "451 4.7.1 " + "x".repeat(3000);
        queue.recordAttempt(far.id(), List.of(a("x@far.test"), a("unknown@far.test")), retry, longReply);
        QueueEntry after = queue.get(far.id()).orElseThrow();
        assertEquals(List.of(a("y@far.test")), after.recipients());
        assertEquals(1, after.attempts());
        assertEquals(retry, after.nextAttemptAt());
        assertEquals(longReply.substring(0, JdbcOutboundQueue.MAX_LAST_REPLY), after.lastReply().orElseThrow());
        assertEquals(far.queuedAt(), after.queuedAt());

        queue.recordAttempt(far.id(), List.of(), retry.plusSeconds(60), "connection refused");
        assertEquals(2, queue.get(far.id()).orElseThrow().attempts());
        assertEquals(Optional.of("connection refused"), queue.get(far.id()).orElseThrow().lastReply());

        queue.recordAttempt(far.id(), List.of(a("y@far.test")), retry, "250 2.0.0 OK");
        assertTrue(queue.get(far.id()).isEmpty(), "no recipient left: entry gone");
        assertEquals("Subject: out\r\n\r\nhi\r\n", content(other.messageId()), "still referenced by the other entry");

        queue.recordAttempt(other.id(), List.of(a("z@other.test")), retry, "250 2.0.0 OK");
        assertEquals(List.of(), queue.list());
        assertThrows(StoreException.class, () -> content(other.messageId()), "the last reference took the message with it");

        queue.recordAttempt(far.id(), List.of(a("y@far.test")), retry, "250");  // already gone: nothing happens
    }

    @Test void aMessageAlsoInALocalInboxOutlivesItsQueueEntry() throws Exception {
        send("x@far.test", "alice@example.test");
        QueueEntry e = queue.list().get(0);
        queue.recordAttempt(e.id(), e.recipients(), Instant.now(), "250 2.0.0 OK");
        assertEquals(List.of(), queue.list());
        try (InputStream in = store.mailboxes().openContent(store.mailboxes().entries(inbox()).get(0).messageId())) {
            assertEquals("Subject: out\r\n\r\nhi\r\n", new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    @Test void retryNowMakesLeasedOrWaitingEntriesDue() throws Exception {
        send("a@one.test");
        send("b@two.test");
        Instant now = Instant.now().plusSeconds(1);
        QueueEntry one = queue.claimDue(now, Duration.ofHours(1), 1).get(0);
        queue.recordAttempt(one.id(), List.of(), now.plus(Duration.ofDays(1)), "421 busy");
        queue.claimDue(now, Duration.ofHours(1), 1);  // two.test, leased
        assertEquals(List.of(), queue.claimDue(now, Duration.ofHours(1), 10));

        assertEquals(1, queue.retryNow(Optional.of(one.id())));
        assertEquals(List.of(one.id()), queue.claimDue(Instant.now().plusSeconds(1), Duration.ofHours(1), 10).stream().map(QueueEntry::id).toList());
        assertEquals(0, queue.retryNow(Optional.of(9999L)));
        assertEquals(2, queue.retryNow(Optional.empty()));
        assertEquals(2, queue.claimDue(Instant.now().plusSeconds(1), Duration.ofHours(1), 10).size());
        assertEquals(1, queue.get(one.id()).orElseThrow().attempts(), "retrying now keeps the count");
    }

    @Test void deleteRemovesTheEntryAndAnUnreferencedMessage() throws Exception {
        send("x@far.test", "z@other.test");
        QueueEntry far = queue.list().get(0), other = queue.list().get(1);
        assertTrue(queue.delete(far.id()));
        assertFalse(queue.delete(far.id()));
        assertEquals(List.of(other), queue.list());
        assertEquals("Subject: out\r\n\r\nhi\r\n", content(other.messageId()));
        assertTrue(queue.delete(other.id()));
        assertThrows(StoreException.class, () -> content(other.messageId()));
    }

    @Test void entriesSurviveARestart(@TempDir Path dir) throws Exception {
        store.close();
        open(StoreConfig.h2File(dir, "pw"));
        send("x@far.test", "y@far.test");
        QueueEntry before = queue.list().get(0);
        store.close();

        open(StoreConfig.h2File(dir, "pw"));
        assertEquals(List.of(before), queue.list());
        assertEquals(List.of(a("x@far.test"), a("y@far.test")), queue.list().get(0).recipients());
        assertEquals("Subject: out\r\n\r\nhi\r\n", content(before.messageId()));
        assertEquals(1, queue.claimDue(Instant.now().plusSeconds(1), Duration.ofMinutes(1), 10).size());
    }
}
