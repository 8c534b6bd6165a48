package pigeon.store;

import static org.junit.jupiter.api.Assertions.*;
import static pigeon.store.MessageOperationsTest.bytes;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pigeon.protocol.delivery.MailAddress;
import pigeon.store.Mailboxes.FlagMode;

/** What IMAP changes survives a restart; concurrent sessions never share a UID or a MODSEQ. */
class MailboxDurabilityTest {
    private static final OptionalLong ANY = OptionalLong.empty();

    /** Everything the IMAP side can observe of an account. */
    private record Snapshot(List<MailboxInfo> mailboxes, Map<Long, List<MessageEntry>> entries, Map<Long, List<Long>> expunged,
                            Map<Long, String> descriptions) {
        static Snapshot of(Mailboxes boxes, long accountId) {
            List<MailboxInfo> list = boxes.list(accountId);
            Map<Long, List<MessageEntry>> entries = new HashMap<>();
            Map<Long, List<Long>> expunged = new HashMap<>();
            Set<Long> messageIds = new HashSet<>();
            for (MailboxInfo m : list) {
                entries.put(m.id(), boxes.entries(m.id()));
                expunged.put(m.id(), boxes.expungedSince(m.id(), 0));
                entries.get(m.id()).forEach(e -> messageIds.add(e.messageId()));
            }
            Map<Long, String> descriptions = new HashMap<>();
            boxes.descriptions(messageIds).forEach((id, d) -> descriptions.put(id, new String(d)));
            return new Snapshot(list, entries, expunged, descriptions);
        }
    }

    @Test void everythingSurvivesARestart(@TempDir Path dir) throws Exception {
        Snapshot before;
        long accountId, work, old;
        try (MailStore store = MailStore.open(StoreConfig.h2File(dir, "pw"), MessageOperationsTest.ANALYZER)) {
            Mailboxes boxes = store.mailboxes();
            store.directory().addDomain("example.test");
            accountId = store.directory().addAccount(MailAddress.parse("alice@example.test"), "s").id();
            long inbox = boxes.find(accountId, "INBOX").orElseThrow().id();
            long archive = boxes.find(accountId, "Archive").orElseThrow().id();
            long trash = boxes.find(accountId, "Trash").orElseThrow().id();
            work = boxes.create(accountId, "Projects/2026", Optional.empty()).id();
            boxes.rename(boxes.find(accountId, "Projects").orElseThrow().id(), "Work");
            Instant date = Instant.parse("2024-05-06T07:08:09Z");
            long w1 = boxes.append(work, bytes("Subject: w1\r\n\r\n1\r\n"), Set.of(Flag.SEEN), Set.of("$Work"), date);
            long w2 = boxes.append(work, bytes("Subject: w2\r\n\r\n2\r\n"), Set.of(), Set.of(), date);
            long w3 = boxes.append(work, bytes("Subject: BOOM\r\n\r\n3\r\n"), Set.of(), Set.of(), date);  // no description
            boxes.setFlags(work, List.of(w1, w2), FlagMode.ADD, Set.of(Flag.FLAGGED), Set.of("Later"), ANY);
            boxes.copy(work, List.of(w1, w3), archive);
            boxes.move(work, List.of(w2), trash);
            boxes.expunge(archive, List.of(1L));
            boxes.append(inbox, bytes("Subject: in\r\n\r\nin\r\n"), Set.of(Flag.ANSWERED), date);
            boxes.rename(inbox, "Old/Inbox");
            old = boxes.find(accountId, "Old/Inbox").orElseThrow().id();
            boxes.setSubscribed(accountId, "Junk", false);
            boxes.delete(boxes.find(accountId, "Drafts").orElseThrow().id());
            boxes.setDescription(boxes.entries(work).get(1).messageId(), "computed later".getBytes());
            before = Snapshot.of(boxes, accountId);
        }
        assertEquals(Set.of("INBOX", "Archive", "Junk", "Sent", "Trash", "Old", "Old/Inbox", "Work", "Work/2026"),
                new HashSet<>(before.mailboxes().stream().map(MailboxInfo::name).toList()));
        assertEquals(List.of(2L), before.expunged().get(work));
        assertEquals(4, before.descriptions().size(), "w1, w2, the INBOX message, and w3 described later");

        try (MailStore store = MailStore.open(StoreConfig.h2File(dir, "pw"), MessageOperationsTest.ANALYZER)) {
            Mailboxes boxes = store.mailboxes();
            assertEquals(before, Snapshot.of(boxes, accountId));
            // … and it carries on where it left off.
            MailboxInfo w = boxes.find(accountId, "Work/2026").orElseThrow();
            long next = boxes.append(work, bytes("Subject: after\r\n\r\n\r\n"), Set.of(), Instant.now().truncatedTo(ChronoUnit.SECONDS));
            assertEquals(w.uidNext(), next);
            var r = boxes.setFlags(work, List.of(next), FlagMode.ADD, Set.of(Flag.SEEN), Set.of(), ANY);
            assertEquals(w.highestModSeq() + 2, r.entries().get(0).modSeq());
            long maxValidity = before.mailboxes().stream().mapToLong(MailboxInfo::uidValidity).max().orElseThrow();
            assertTrue(boxes.create(accountId, "Drafts", Optional.of("Drafts")).uidValidity() > maxValidity);
            assertEquals(1, boxes.entries(old).size());
        }
    }

    @Test void flywayIsLeftOutOnlyWhenEveryMigrationIsApplied(@TempDir Path dir) throws Exception {
        StoreConfig config = StoreConfig.h2File(dir, "pw");
        org.h2.jdbcx.JdbcDataSource ds = new org.h2.jdbcx.JdbcDataSource();
        ds.setURL(config.jdbcUrl());
        ds.setUser(config.user());
        ds.setPassword(config.password());
        assertFalse(MailStore.hasEveryMigration(ds), "a new database");
        org.flywaydb.core.Flyway.configure().dataSource(ds).locations("classpath:db/migration")
                .placeholders(Map.of("blob", "BLOB", "varbinary", "VARBINARY")).target("3").load().migrate();
        assertFalse(MailStore.hasEveryMigration(ds), "a migration is pending");
        MailStore.open(config).close();
        assertTrue(MailStore.hasEveryMigration(ds), "all applied");
        try (var c = ds.getConnection(); var s = c.createStatement()) {
            s.executeUpdate("UPDATE \"flyway_schema_history\" SET \"success\" = FALSE WHERE \"version\" = '2'");
        }
        assertFalse(MailStore.hasEveryMigration(ds), "one failed");
    }

    @Test void aVersion1DatabaseIsUpgradedInPlace(@TempDir Path dir) throws Exception {
        StoreConfig config = StoreConfig.h2File(dir, "pw");
        org.flywaydb.core.Flyway.configure().dataSource(config.jdbcUrl(), config.user(), config.password())
                .locations("classpath:db/migration").placeholders(Map.of("blob", "BLOB", "varbinary", "VARBINARY"))
                .target("1").load().migrate();
        long far = 4_000_000_000L;  // a UIDVALIDITY from before, above anything the clock would give
        try (var c = java.sql.DriverManager.getConnection(config.jdbcUrl(), config.user(), config.password()); var s = c.createStatement()) {
            s.executeUpdate("INSERT INTO domains (name) VALUES ('example.test')");
            s.executeUpdate("INSERT INTO accounts (domain_id, local_part, local_key, password_hash, created_at) SELECT id, 'old', 'old', 'x', CURRENT_TIMESTAMP FROM domains");
            s.executeUpdate("INSERT INTO mailboxes (account_id, name, uid_validity, uid_next, highest_modseq) SELECT id, 'INBOX', " + far + ", 2, 2 FROM accounts");
            s.executeUpdate("INSERT INTO messages (size, header_size, internal_date, content) VALUES (4, 4, CURRENT_TIMESTAMP, X'0D0A0D0A')");
            s.executeUpdate("INSERT INTO mailbox_messages (mailbox_id, uid, message_id, modseq) SELECT (SELECT id FROM mailboxes), 1, id, 2 FROM messages");
        }
        try (MailStore store = MailStore.open(config, MessageOperationsTest.ANALYZER)) {
            Mailboxes boxes = store.mailboxes();
            long accountId = store.directory().account(MailAddress.parse("old@example.test")).orElseThrow().id();
            long inbox = boxes.find(accountId, "INBOX").orElseThrow().id();
            List<MessageEntry> entries = boxes.entries(inbox);
            assertEquals(1, entries.size());
            assertEquals(4, entries.get(0).size(), "the entry took its message's size (V4)");
            assertTrue(boxes.descriptions(List.of(entries.get(0).messageId())).isEmpty(), "stored before the analyzer: no description");
            MailboxInfo created = boxes.create(accountId, "New", Optional.empty());
            assertEquals(far + 1, created.uidValidity(), "the counter starts above every existing UIDVALIDITY");
            assertEquals(List.of(1L), boxes.expunge(inbox, List.of(1L)));
            assertEquals(List.of(1L), boxes.expungedSince(inbox, 2));
        }
    }

    @Test void concurrentAppendsAndFlagChangesNeverShareAUidOrModSeq() throws Exception {
        try (MailStore store = MailStore.open(StoreConfig.h2Memory("c" + System.nanoTime()))) {
            Mailboxes boxes = store.mailboxes();
            store.directory().addDomain("example.test");
            long accountId = store.directory().addAccount(MailAddress.parse("alice@example.test"), "s").id();
            long inbox = boxes.find(accountId, "INBOX").orElseThrow().id();
            long first = boxes.append(inbox, bytes("Subject: shared\r\n\r\n\r\n"), Set.of(), Instant.now());
            long startModSeq = boxes.find(accountId, "INBOX").orElseThrow().highestModSeq();
            int appends = 60, toggles = 80;
            CyclicBarrier start = new CyclicBarrier(4);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<List<Long>>> appenders = new ArrayList<>();
                for (int t = 0; t < 2; t++) {
                    int thread = t;
                    appenders.add(pool.submit(() -> {
                        start.await();
                        List<Long> uids = new ArrayList<>();
                        for (int i = 0; i < appends; i++)
                            uids.add(boxes.append(inbox, bytes("Subject: " + thread + "/" + i + "\r\n\r\n\r\n"), Set.of(), Instant.now()));
                        return uids;
                    }));
                }
                List<Future<List<Long>>> storers = new ArrayList<>();
                for (Flag flag : List.of(Flag.SEEN, Flag.FLAGGED)) {
                    storers.add(pool.submit(() -> {  // two sessions storing flags on the same message
                        start.await();
                        List<Long> modSeqs = new ArrayList<>();
                        for (int i = 0; i < toggles; i++) {
                            FlagMode mode = i % 2 == 0 ? FlagMode.ADD : FlagMode.REMOVE;
                            MessageEntry e = boxes.setFlags(inbox, List.of(first), mode, Set.of(flag), Set.of(), ANY).entries().get(0);
                            assertEquals(mode == FlagMode.ADD, e.flags().contains(flag), "no lost update");
                            modSeqs.add(e.modSeq());
                        }
                        return modSeqs;
                    }));
                }
                Set<Long> allUids = new HashSet<>();
                for (var f : appenders) {
                    List<Long> uids = f.get();
                    for (int i = 1; i < uids.size(); i++) assertTrue(uids.get(i) > uids.get(i - 1), "ascending within a session");
                    allUids.addAll(uids);
                }
                assertEquals(2 * appends, allUids.size(), "no UID handed out twice");
                List<Long> modSeqs = new ArrayList<>();
                for (var f : storers) {
                    List<Long> m = f.get();
                    for (int i = 1; i < m.size(); i++) assertTrue(m.get(i) > m.get(i - 1), "every change a new, higher MODSEQ");
                    modSeqs.addAll(m);
                }
                List<MessageEntry> entries = boxes.entries(inbox);
                assertEquals(1 + 2 * appends, entries.size());
                for (MessageEntry e : entries) if (e.uid() != first) modSeqs.add(e.modSeq());
                assertEquals(modSeqs.size(), new HashSet<>(modSeqs).size(), "no MODSEQ shared by two changes");
                MailboxInfo after = boxes.find(accountId, "INBOX").orElseThrow();
                assertEquals(startModSeq + 2 * appends + 2 * toggles, after.highestModSeq(), "one step per change, none lost");
                assertEquals(Collections.max(modSeqs), after.highestModSeq());
                assertEquals(Set.of(), entries.get(0).flags(), "both sessions ended with a removal");
                assertEquals(first + 1 + 2 * appends, after.uidNext());
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
