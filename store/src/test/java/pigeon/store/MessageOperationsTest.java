package pigeon.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pigeon.protocol.delivery.Delivery;
import pigeon.protocol.delivery.Envelope;
import pigeon.protocol.delivery.MailAddress;
import pigeon.store.Mailboxes.FlagMode;
import pigeon.store.Mailboxes.FlagUpdate;

/** STORE, COPY, MOVE, EXPUNGE, partial content and descriptions, on a real (in-memory H2) database. */
class MessageOperationsTest {
    /** Describes a message as "size:first line"; fails on messages that ask for it. */
    static final MessageAnalyzer ANALYZER = message -> {
        byte[] all = message.readAllBytes();
        String text = new String(all, StandardCharsets.UTF_8);
        if (text.contains("BOOM")) throw new IOException("analyzer failed on purpose");
        if (text.contains("CRASH")) throw new IllegalStateException("analyzer bug on purpose");
        return (all.length + ":" + text.substring(0, text.indexOf('\r'))).getBytes(StandardCharsets.UTF_8);
    };

    private MailStore store;
    private Mailboxes boxes;
    private Account alice;
    private long inbox, archive;
    private final List<MailboxChange> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach void open() {
        store = MailStore.open(StoreConfig.h2Memory("o" + System.nanoTime()), ANALYZER);
        boxes = store.mailboxes();
        store.directory().addDomain("example.test");
        alice = store.directory().addAccount(MailAddress.parse("alice@example.test"), "s");
        inbox = boxes.find(alice.id(), "INBOX").orElseThrow().id();
        archive = boxes.find(alice.id(), "Archive").orElseThrow().id();
        boxes.subscribe(events::add);
    }

    @AfterEach void close() { store.close(); }

    static InputStream bytes(String s) { return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)); }

    private long append(long mailbox, String subject, Flag... flags) throws Exception {
        return boxes.append(mailbox, bytes("Subject: " + subject + "\r\n\r\n" + subject + "\r\n"), Set.of(flags),
                Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    private MailboxInfo info(long mailbox) {
        return boxes.list(alice.id()).stream().filter(m -> m.id() == mailbox).findFirst().orElseThrow();
    }

    private MessageEntry entry(long mailbox, long uid) {
        return boxes.entries(mailbox).stream().filter(e -> e.uid() == uid).findFirst().orElseThrow();
    }

    private static final OptionalLong ANY = OptionalLong.empty();

    @Test void appendKeepsKeywordsAndRefusesInvalidOnes() throws Exception {
        Instant date = Instant.parse("2020-02-03T04:05:06Z");
        long uid = boxes.append(inbox, bytes("Subject: k\r\n\r\nk\r\n"), Set.of(Flag.DRAFT), Set.of("$Forwarded", "Work", "$MDNSent"), date);
        MessageEntry e = entry(inbox, uid);
        assertEquals(Set.of(Flag.DRAFT), e.flags());
        assertEquals(Set.of("$Forwarded", "$MDNSent", "Work"), e.keywords());
        assertEquals(date, e.internalDate().toInstant());
        for (String bad : List.of("", "two words", "\\Seen", "paren(", "brace{", "quote\"", "star*", "pct%", "bracket]", "ü", "ctl\u0001"))
            assertThrows(IllegalArgumentException.class,
                    () -> boxes.append(inbox, bytes("Subject: x\r\n\r\n"), Set.of(), Set.of(bad), date), bad);
        assertEquals(1, boxes.entries(inbox).size());
        assertEquals(uid + 1, info(inbox).uidNext(), "refused before anything was stored");
        assertThrows(IllegalArgumentException.class, () -> append(-5, "nowhere"));
    }

    @Test void setFlagsAddsRemovesAndReplacesWithOneModSeqPerCall() throws Exception {
        long u1 = append(inbox, "1"), u2 = append(inbox, "2", Flag.SEEN), u3 = append(inbox, "3");
        long h0 = info(inbox).highestModSeq();
        assertTrue(entry(inbox, u3).modSeq() <= h0);
        long m1 = entry(inbox, u1).modSeq();
        events.clear();

        FlagUpdate add = boxes.setFlags(inbox, List.of(u2, u1, 999L), FlagMode.ADD, Set.of(Flag.SEEN), Set.of("$Label1"), ANY);
        assertEquals(List.of(u1, u2), add.entries().stream().map(MessageEntry::uid).toList(), "every existing UID, ascending");
        assertEquals(List.of(), add.failed());
        for (MessageEntry e : add.entries()) {
            assertEquals(h0 + 1, e.modSeq(), "the same new MODSEQ for all that changed");
            assertEquals(Set.of(Flag.SEEN), e.flags());
            assertEquals(Set.of("$Label1"), e.keywords());
        }
        assertEquals(h0 + 1, info(inbox).highestModSeq(), "one bump per call");
        assertEquals(add.entries().get(0), entry(inbox, u1), "what was returned is what is stored");
        assertEquals(List.of(Changes.flags(inbox, List.of(u1, u2))), Changes.uidsOnly(events));
        assertEquals(List.of(entry(inbox, u1), entry(inbox, u2)), ((MailboxChange.FlagsChanged) events.get(0)).entries(),
                "the event carries the entries as committed");

        events.clear();
        FlagUpdate same = boxes.setFlags(inbox, List.of(u1, u2), FlagMode.ADD, Set.of(Flag.SEEN), Set.of(), ANY);
        assertEquals(List.of(h0 + 1, h0 + 1), same.entries().stream().map(MessageEntry::modSeq).toList(), "nothing changed: MODSEQ kept");
        assertEquals(h0 + 1, info(inbox).highestModSeq());
        assertTrue(events.isEmpty(), "nothing changed: nothing announced");

        FlagUpdate remove = boxes.setFlags(inbox, List.of(u1, u2, u3), FlagMode.REMOVE, Set.of(Flag.SEEN), Set.of("$Label1"), ANY);
        assertEquals(List.of(h0 + 2, h0 + 2, entry(inbox, u3).modSeq()), remove.entries().stream().map(MessageEntry::modSeq).toList(),
                "u3 had neither, so it keeps its MODSEQ");
        assertTrue(remove.entries().stream().allMatch(e -> e.flags().isEmpty() && e.keywords().isEmpty()));
        assertEquals(List.of(Changes.flags(inbox, List.of(u1, u2))), Changes.uidsOnly(events.subList(events.size() - 1, events.size())));

        FlagUpdate replace = boxes.setFlags(inbox, List.of(u1, u3), FlagMode.REPLACE, Set.of(Flag.ANSWERED, Flag.FLAGGED),
                Set.of("Junk", "$NotJunk"), ANY);
        assertEquals(Set.of(Flag.ANSWERED, Flag.FLAGGED), entry(inbox, u3).flags());
        assertEquals(Set.of("$NotJunk", "Junk"), entry(inbox, u1).keywords());
        assertEquals(h0 + 3, info(inbox).highestModSeq());
        boxes.setFlags(inbox, List.of(u1), FlagMode.REPLACE, Set.of(Flag.DELETED), Set.of(), ANY);
        assertEquals(Set.of(Flag.DELETED), entry(inbox, u1).flags());
        assertEquals(Set.of(), entry(inbox, u1).keywords(), "REPLACE replaces keywords too");
        assertTrue(entry(inbox, u1).modSeq() > m1);
        assertEquals(h0 + 3, replace.entries().get(1).modSeq());

        assertThrows(IllegalArgumentException.class, () -> boxes.setFlags(inbox, List.of(u1), FlagMode.ADD, Set.of(), Set.of("bad kw"), ANY));
        assertThrows(IllegalArgumentException.class, () -> boxes.setFlags(-7, List.of(u1), FlagMode.ADD, Set.of(Flag.SEEN), Set.of(), ANY));
        assertEquals(new FlagUpdate(List.of(), List.of()), boxes.setFlags(inbox, List.of(12345L), FlagMode.ADD, Set.of(Flag.SEEN), Set.of(), ANY));
    }

    @Test void unchangedSinceLeavesNewerEntriesAloneAndReportsThem() throws Exception {
        long u1 = append(inbox, "1"), u2 = append(inbox, "2"), u3 = append(inbox, "3");
        long seen = info(inbox).highestModSeq();  // what a client knows
        boxes.setFlags(inbox, List.of(u2), FlagMode.ADD, Set.of(Flag.FLAGGED), Set.of(), ANY);  // another session
        events.clear();

        FlagUpdate r = boxes.setFlags(inbox, List.of(u1, u2, u3), FlagMode.ADD, Set.of(Flag.DELETED), Set.of(), OptionalLong.of(seen));
        assertEquals(List.of(u2), r.failed(), "RFC 7162 §3.1.3: modified since");
        assertEquals(Set.of(Flag.FLAGGED), entry(inbox, u2).flags(), "not changed");
        assertEquals(Set.of(Flag.FLAGGED), r.entries().get(1).flags(), "its current state is reported");
        assertEquals(Set.of(Flag.DELETED), entry(inbox, u1).flags());
        assertEquals(List.of(Changes.flags(inbox, List.of(u1, u3))), Changes.uidsOnly(events));

        FlagUpdate zero = boxes.setFlags(inbox, List.of(u1, u3), FlagMode.REMOVE, Set.of(Flag.DELETED), Set.of(), OptionalLong.of(0));
        assertEquals(List.of(u1, u3), zero.failed(), "UNCHANGEDSINCE 0 always fails");
        assertEquals(Set.of(Flag.DELETED), entry(inbox, u3).flags());
    }

    @Test void copyAndMoveShareTheMessageAndMapUidsInSourceOrder() throws Exception {
        long u1 = append(inbox, "1", Flag.SEEN), u2 = append(inbox, "2"), u3 = append(inbox, "3", Flag.FLAGGED), u4 = append(inbox, "4");
        boxes.setFlags(inbox, List.of(u4), FlagMode.ADD, Set.of(Flag.ANSWERED), Set.of("$Forwarded"), ANY);
        boxes.expunge(inbox, List.of(u2));
        append(archive, "already there");
        long archiveModSeq = info(archive).highestModSeq();
        events.clear();

        SortedMap<Long, Long> copied = boxes.copy(inbox, List.of(u4, 999L, u1, u3, u2), archive);
        assertEquals(new TreeMap<>(Map.of(u1, 2L, u3, 3L, u4, 4L)), copied, "absent UIDs skipped; new UIDs ascend with the source's");
        for (var e : copied.entrySet()) {
            MessageEntry from = entry(inbox, e.getKey()), to = entry(archive, e.getValue());
            assertEquals(from.messageId(), to.messageId(), "shared, not duplicated");
            assertEquals(from.flags(), to.flags());
            assertEquals(from.keywords(), to.keywords());
            assertEquals(from.internalDate(), to.internalDate());
            assertEquals(archiveModSeq + 1, to.modSeq());
        }
        assertEquals(archiveModSeq + 1, info(archive).highestModSeq());
        assertEquals(5, info(archive).uidNext());
        assertEquals(3, boxes.entries(inbox).size(), "COPY leaves the source alone");
        assertEquals(List.of(Changes.added(archive, List.of(2L, 3L, 4L))), Changes.uidsOnly(events));
        assertEquals(List.of(entry(archive, 2), entry(archive, 3), entry(archive, 4)), ((MailboxChange.MessagesAdded) events.get(0)).entries(),
                "the event carries the new entries as committed");

        long inboxModSeq = info(inbox).highestModSeq();
        events.clear();
        SortedMap<Long, Long> moved = boxes.move(inbox, List.of(u3, u1), archive);
        assertEquals(new TreeMap<>(Map.of(u1, 5L, u3, 6L)), moved);
        assertEquals(List.of(u4), boxes.entries(inbox).stream().map(MessageEntry::uid).toList());
        assertEquals(inboxModSeq + 1, info(inbox).highestModSeq());
        assertEquals(List.of(u1, u3), boxes.expungedSince(inbox, inboxModSeq));
        assertEquals(List.of(u2, u1, u3).stream().sorted().toList(), boxes.expungedSince(inbox, 0));
        assertEquals(Set.of(Flag.FLAGGED), entry(archive, 6).flags());
        assertEquals(List.of(Changes.added(archive, List.of(5L, 6L)), new MailboxChange.MessagesExpunged(inbox, List.of(u1, u3))),
                Changes.uidsOnly(events));
        try (InputStream in = boxes.openContent(entry(archive, 5).messageId())) {
            assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).startsWith("Subject: 1\r\n"));
        }

        assertTrue(boxes.copy(inbox, List.of(999L), archive).isEmpty());
        assertTrue(boxes.move(inbox, List.of(), archive).isEmpty());
        SortedMap<Long, Long> self = boxes.copy(archive, List.of(1L), archive);
        assertEquals(Map.of(1L, 7L), self, "COPY into the same mailbox makes a second entry");
        SortedMap<Long, Long> selfMove = boxes.move(archive, List.of(7L), archive);
        assertEquals(Map.of(7L, 8L), selfMove);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 8L), boxes.entries(archive).stream().map(MessageEntry::uid).toList());
        MailboxInfo a = info(archive);
        assertEquals(List.of(7L), boxes.expungedSince(archive, a.highestModSeq() - 1));
        assertEquals(a.highestModSeq(), entry(archive, 8).modSeq(), "one MODSEQ for the whole MOVE");
    }

    @Test void copyAndMoveStayWithinTheAccount() throws Exception {
        Account bob = store.directory().addAccount(MailAddress.parse("bob@example.test"), "s");
        long bobInbox = boxes.find(bob.id(), "INBOX").orElseThrow().id();
        long uid = append(inbox, "mine");
        assertThrows(IllegalArgumentException.class, () -> boxes.copy(inbox, List.of(uid), bobInbox));
        assertThrows(IllegalArgumentException.class, () -> boxes.move(inbox, List.of(uid), bobInbox));
        assertThrows(IllegalArgumentException.class, () -> boxes.copy(bobInbox, List.of(uid), inbox), "either way round");
        assertThrows(IllegalArgumentException.class, () -> boxes.copy(inbox, List.of(uid), -1), "no such mailbox");
        assertEquals(1, boxes.entries(inbox).size());
        assertTrue(boxes.entries(bobInbox).isEmpty());
    }

    @Test void expungeRecordsUidsWithTheirModSeqForQresync() throws Exception {
        long u1 = append(inbox, "1"), u2 = append(inbox, "2"), u3 = append(inbox, "3");
        long before = info(inbox).highestModSeq();
        assertEquals(List.of(u1), boxes.expunge(inbox, List.of(u1, 77L)));
        long m1 = info(inbox).highestModSeq();
        assertEquals(before + 1, m1);
        assertEquals(List.of(), boxes.expunge(inbox, List.of(u1)), "gone already");
        assertEquals(m1, info(inbox).highestModSeq(), "no change, no bump");
        assertEquals(List.of(u2, u3), boxes.expunge(inbox, List.of(u3, u2)));
        long m2 = info(inbox).highestModSeq();
        assertEquals(List.of(u1, u2, u3), boxes.expungedSince(inbox, before));
        assertEquals(List.of(u2, u3), boxes.expungedSince(inbox, m1));
        assertEquals(List.of(), boxes.expungedSince(inbox, m2));
        assertEquals(List.of(), boxes.expungedSince(archive, 0));
        assertTrue(append(inbox, "4") > u3, "UIDs are never reused");
    }

    @Test void expungeDeletedTakesWhatHasDeletedAtThatMomentWithinTheGivenUids() throws Exception {
        long u1 = append(inbox, "1", Flag.DELETED), u2 = append(inbox, "2"), u3 = append(inbox, "3", Flag.DELETED, Flag.SEEN);
        long u4 = append(inbox, "4", Flag.DELETED);
        boxes.setFlags(inbox, List.of(u1), FlagMode.REMOVE, Set.of(Flag.DELETED), Set.of(), ANY);  // another session undeletes it
        events.clear();
        assertEquals(List.of(u3), boxes.expungeDeleted(inbox, Optional.of(Set.of(u1, u2, u3))), "UID EXPUNGE: only those of the set");
        assertEquals(List.of(new MailboxChange.MessagesExpunged(inbox, List.of(u3))), events);
        assertEquals(List.of(u4), boxes.expungeDeleted(inbox, Optional.empty()));
        assertEquals(List.of(), boxes.expungeDeleted(inbox, Optional.empty()), "nothing left with \\Deleted");
        assertEquals(List.of(u1, u2), boxes.entries(inbox).stream().map(MessageEntry::uid).toList());
        assertEquals(List.of(u3, u4), boxes.expungedSince(inbox, 0));
    }

    @Test void contentRangesAreByteExact() throws Exception {
        String text = "Subject: range\r\n\r\n0123456789\r\n";
        long uid = boxes.append(inbox, bytes(text), Set.of(), Instant.now());
        long id = entry(inbox, uid).messageId();
        byte[] all = text.getBytes(StandardCharsets.US_ASCII);
        assertArrayEquals(all, read(id, 0, Long.MAX_VALUE));
        assertArrayEquals(Arrays.copyOfRange(all, 0, 5), read(id, 0, 5));
        assertArrayEquals(Arrays.copyOfRange(all, 18, 28), read(id, 18, 10));
        assertArrayEquals(Arrays.copyOfRange(all, all.length - 2, all.length), read(id, all.length - 2, 100), "cut at the end");
        assertArrayEquals(new byte[0], read(id, all.length, 5), "at the end: empty");
        assertArrayEquals(new byte[0], read(id, all.length + 10, 5), "beyond the end: empty");
        assertArrayEquals(new byte[0], read(id, 3, 0));
        assertThrows(IllegalArgumentException.class, () -> boxes.openContent(id, -1, 5));
        assertThrows(IllegalArgumentException.class, () -> boxes.openContent(id, 0, -5));
        assertThrows(StoreException.class, () -> boxes.openContent(-42, 0, 5));

        StringBuilder sb = new StringBuilder("Subject: big\r\n\r\n");
        for (int i = 0; sb.length() < 3 * Spool.MEMORY_LIMIT; i++) sb.append(String.format("line %08d of a message spooled to disk\r\n", i));
        byte[] big = sb.toString().getBytes(StandardCharsets.US_ASCII);
        long bigId = entry(inbox, boxes.append(inbox, new ByteArrayInputStream(big), Set.of(), Instant.now())).messageId();
        int off = 2 * Spool.MEMORY_LIMIT + 12345;
        assertArrayEquals(Arrays.copyOfRange(big, off, off + 70000), read(bigId, off, 70000));
        assertArrayEquals(Arrays.copyOfRange(big, big.length - 1, big.length), read(bigId, big.length - 1, 70000));
        try (InputStream in = boxes.openContent(bigId, 10, 20)) {  // single-byte reads and skips stop at the range's end
            assertEquals(big[10], in.read());
            assertEquals(5, in.skip(5));
            assertEquals(big[16], in.read());
            assertEquals(13, in.skip(100));
            assertEquals(-1, in.read());
        }
    }

    private byte[] read(long messageId, long offset, long length) throws IOException {
        try (InputStream in = boxes.openContent(messageId, offset, length)) { return in.readAllBytes(); }
    }

    private Delivery deliver(String text) throws Exception {
        Envelope env = new Envelope(Optional.of(MailAddress.parse("x@far.test")), "client", InetAddress.getLoopbackAddress(), Optional.empty(), "test");
        Delivery d = store.deliveryTarget().start(env);
        d.addRecipient(MailAddress.parse("alice@example.test"));
        d.body(bytes(text));
        d.commit();
        return d;
    }

    private byte[] descriptionOf(long mailbox, long uid) {
        return boxes.descriptions(List.of(entry(mailbox, uid).messageId())).get(entry(mailbox, uid).messageId());
    }

    @Test void theAnalyzerDescribesDeliveredAndAppendedMessagesUnlessItFails() throws Exception {
        String delivered = "Subject: delivered\r\n\r\nhello\r\n";
        deliver(delivered).close();
        assertEquals(delivered.length() + ":Subject: delivered", new String(descriptionOf(inbox, 1), StandardCharsets.UTF_8));
        String text = "Subject: appended\r\n\r\nx\r\n";
        long appended = boxes.append(archive, bytes(text), Set.of(), Set.of("k"), Instant.now());
        assertEquals(text.length() + ":Subject: appended", new String(descriptionOf(archive, appended), StandardCharsets.UTF_8));

        deliver("Subject: BOOM\r\n\r\nthe analyzer throws an IOException\r\n").close();
        long crashed = boxes.append(inbox, bytes("Subject: CRASH\r\n\r\nthe analyzer has a bug\r\n"), Set.of(), Instant.now());
        assertEquals(3, boxes.entries(inbox).size(), "the messages are stored all the same");
        assertNull(descriptionOf(inbox, 2));
        assertNull(descriptionOf(inbox, crashed));

        long later = entry(inbox, crashed).messageId();
        boxes.setDescription(later, new byte[] {1, 2, 3});  // a reader computed it
        assertArrayEquals(new byte[] {1, 2, 3}, boxes.descriptions(List.of(later)).get(later));
        boxes.setDescription(later, new byte[0]);
        assertFalse(boxes.descriptions(List.of(later)).containsKey(later), "empty means none");
        boxes.setDescription(-1, new byte[] {9});  // gone meanwhile: no error

        // In bulk, across several chunks, with unknown ids among them.
        List<Long> ids = new ArrayList<>();
        for (long i = -1200; i < 0; i++) ids.add(i);
        List<MessageEntry> all = new ArrayList<>(boxes.entries(inbox));
        all.addAll(boxes.entries(archive));
        all.forEach(e -> ids.add(600, e.messageId()));
        Map<Long, byte[]> found = boxes.descriptions(ids);
        assertEquals(Set.of(entry(inbox, 1).messageId(), entry(archive, appended).messageId()), found.keySet());
        assertTrue(boxes.descriptions(List.of()).isEmpty());
    }

    @Test void withoutAnAnalyzerMessagesHaveNoDescription() throws Exception {
        try (MailStore plain = MailStore.open(StoreConfig.h2Memory("plain" + System.nanoTime()))) {
            plain.directory().addDomain("example.test");
            Account a = plain.directory().addAccount(MailAddress.parse("a@example.test"), "s");
            long box = plain.mailboxes().find(a.id(), "INBOX").orElseThrow().id();
            plain.mailboxes().append(box, bytes("Subject: none\r\n\r\nx\r\n"), Set.of(), Instant.now());
            long id = plain.mailboxes().entries(box).get(0).messageId();
            assertTrue(plain.mailboxes().descriptions(List.of(id)).isEmpty(), "NONE's empty description is stored as none");
        }
    }

    /** RFC 3502: several messages in one transaction, in order; a failure on the way stores none of them. */
    @Test void appendAllIsAllOrNothing() throws Exception {
        java.time.OffsetDateTime date = java.time.OffsetDateTime.parse("2024-02-01T10:00:00+02:00");
        List<Mailboxes.NewMessage> two = new ArrayList<>(List.of(
                new Mailboxes.NewMessage(bytes("Subject: a\r\n\r\na\r\n"), Set.of(Flag.SEEN), Set.of(), date),
                new Mailboxes.NewMessage(bytes("Subject: b\r\n\r\nb\r\n"), Set.of(), Set.of("$Work"), date)));
        events.clear();
        List<Long> uids = boxes.appendAll(archive, () -> two.isEmpty() ? null : two.removeFirst());
        assertEquals(List.of(1L, 2L), uids);
        assertEquals(Set.of(Flag.SEEN), entry(archive, 1).flags());
        assertEquals(Set.of("$Work"), entry(archive, 2).keywords());
        assertEquals(date, entry(archive, 2).internalDate(), "the internal date keeps its zone");
        assertEquals(List.of(Changes.added(archive, List.of(1L, 2L))), Changes.uidsOnly(events), "one event for both");

        InputStream failing = new InputStream() {
            @Override public int read() throws IOException { throw new IOException("client went away"); }
        };
        List<Mailboxes.NewMessage> broken = new ArrayList<>(List.of(
                new Mailboxes.NewMessage(bytes("Subject: c\r\n\r\nc\r\n"), Set.of(), Set.of(), date),
                new Mailboxes.NewMessage(failing, Set.of(), Set.of(), date)));
        assertThrows(IOException.class, () -> boxes.appendAll(archive, () -> broken.isEmpty() ? null : broken.removeFirst()));
        assertEquals(2, boxes.entries(archive).size(), "the first of the failed APPEND is not stored");
        assertEquals(3, info(archive).uidNext());
        assertEquals(List.of(), boxes.appendAll(archive, () -> null));
    }
}
