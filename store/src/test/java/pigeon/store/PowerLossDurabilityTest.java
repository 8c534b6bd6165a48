package pigeon.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pigeon.protocol.delivery.Delivery;
import pigeon.protocol.delivery.Envelope;
import pigeon.protocol.delivery.MailAddress;

/**
 * A committed delivery is on the disk surface, not only in the operating system's page cache,
 * before it is acknowledged: an fsync (FileChannel.force) of the database file begins after the
 * delivery starts and finishes before commit returns, so an OS crash or power cut cannot lose it.
 * Concurrent deliveries share fsyncs (the group commit), so the cost is not one fsync per message.
 */
class PowerLossDurabilityTest {
    @TempDir Path dir;

    @Test void everyCommittedDeliveryIsFsyncedBeforeItReturns() throws Exception {
        try (MailStore store = MailStore.open(SyncCountingFiles.h2File(dir, "pw"))) {
            store.directory().addDomain("example.test");
            store.directory().addAccount(MailAddress.parse("alice@example.test"), "s");
            for (int i = 0; i < 20; i++) {
                long mark = SyncCountingFiles.begun();
                deliver(store, "one-by-one " + i);
                assertTrue(SyncCountingFiles.finishedSince(mark), "delivery " + i + " returned before an fsync covered it");
            }
        }
    }

    @Test void concurrentDeliveriesShareTheirFsyncs() throws Exception {
        int threads = 8, each = 40;
        try (MailStore store = MailStore.open(SyncCountingFiles.h2File(dir, "pw"))) {
            store.directory().addDomain("example.test");
            store.directory().addAccount(MailAddress.parse("alice@example.test"), "s");
            CyclicBarrier start = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long before = SyncCountingFiles.begun();
            try {
                List<Future<?>> senders = new ArrayList<>();
                for (int t = 0; t < threads; t++) {
                    int sender = t;
                    senders.add(pool.submit(() -> {
                        start.await();
                        for (int i = 0; i < each; i++) {
                            long mark = SyncCountingFiles.begun();
                            deliver(store, sender + "/" + i);
                            assertTrue(SyncCountingFiles.finishedSince(mark), "returned before an fsync covered it");
                        }
                        return null;
                    }));
                }
                for (Future<?> f : senders) f.get();
            } finally {
                pool.shutdownNow();
            }
            long fsyncs = SyncCountingFiles.begun() - before;
            assertTrue(fsyncs > 0);
            assertTrue(fsyncs < threads * each, "a group commit shares fsyncs: " + fsyncs + " for " + threads * each + " deliveries");
        }
    }

    private static void deliver(MailStore store, String subject) throws Exception {
        Envelope envelope = new Envelope(Optional.of(MailAddress.parse("sender@far.test")), "client", InetAddress.getLoopbackAddress(), Optional.empty(), "test");
        try (Delivery d = store.deliveryTarget().start(envelope)) {
            d.addRecipient(MailAddress.parse("alice@example.test"));
            d.body(new ByteArrayInputStream(("Subject: " + subject + "\r\n\r\nbody\r\n").getBytes(StandardCharsets.US_ASCII)));
            d.commit();
        }
    }
}
