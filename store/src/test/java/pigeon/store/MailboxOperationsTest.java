package pigeon.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pigeon.protocol.delivery.MailAddress;

/** CREATE, DELETE, RENAME and SUBSCRIBE as the IMAP server uses them, on a real (in-memory H2) database. */
class MailboxOperationsTest {
    private MailStore store;
    private Mailboxes boxes;
    private Account alice;
    private final List<MailboxChange> events = Collections.synchronizedList(new ArrayList<>());

    @BeforeEach void open() {
        store = MailStore.open(StoreConfig.h2Memory("m" + System.nanoTime()));
        boxes = store.mailboxes();
        store.directory().addDomain("example.test");
        alice = store.directory().addAccount(MailAddress.parse("alice@example.test"), "s");
        boxes.subscribe(events::add);
    }

    @AfterEach void close() { store.close(); }

    private MailboxInfo box(String name) { return boxes.find(alice.id(), name).orElseThrow(() -> new AssertionError("no " + name)); }

    private List<String> names() { return boxes.list(alice.id()).stream().map(MailboxInfo::name).toList(); }

    private long append(long mailbox, String subject, Flag... flags) throws Exception {
        InputStream in = new ByteArrayInputStream(("Subject: " + subject + "\r\n\r\n" + subject + "\r\n").getBytes(StandardCharsets.UTF_8));
        return boxes.append(mailbox, in, Set.of(flags), Instant.now().truncatedTo(ChronoUnit.SECONDS));
    }

    @Test void createMakesMissingParentsUnsubscribedWithFreshUidValidity() {
        MailboxInfo c = boxes.create(alice.id(), "a/b/c", Optional.of("archive"));
        assertEquals("a/b/c", c.name());
        assertEquals(Optional.of("Archive"), c.specialUse(), "canonical spelling");
        assertFalse(c.subscribed(), "CREATE doesn't subscribe (RFC 9051 §6.3.7 is the client's choice)");
        assertEquals(1, c.uidNext());
        assertEquals(List.of("INBOX", "Archive", "Drafts", "Junk", "Sent", "Trash", "a", "a/b", "a/b/c"), names());
        assertEquals(Optional.empty(), box("a").specialUse());
        assertFalse(box("a/b").subscribed());
        assertTrue(box("Trash").subscribed(), "the standard mailboxes start subscribed");
        List<Long> validities = boxes.list(alice.id()).stream().map(MailboxInfo::uidValidity).distinct().toList();
        assertEquals(9, validities.size(), "every mailbox its own UIDVALIDITY");
        assertTrue(c.uidValidity() > box("a/b").uidValidity() && box("a/b").uidValidity() > box("Trash").uidValidity());

        boxes.create(alice.id(), "a/x", Optional.empty());  // parent exists already
        assertTrue(boxes.find(alice.id(), "a/x").isPresent());
        assertThrows(IllegalArgumentException.class, () -> boxes.create(alice.id(), "a/b", Optional.empty()), "exists");
        assertThrows(IllegalArgumentException.class, () -> boxes.create(alice.id(), "Sent", Optional.empty()));
        assertThrows(IllegalArgumentException.class, () -> boxes.create(alice.id(), "x", Optional.of("Important")));
    }

    @Test void namesAreValidatedAndInboxIsReservedInAnyCase() {
        for (String bad : List.of("", "/a", "a/", "a//b", "/", "a\u0007b", "tab\there", "del\u007f", "star*", "per%cent",
                "INBOX", "inbox", "InBoX", "x".repeat(1001)))
            assertThrows(IllegalArgumentException.class, () -> boxes.create(alice.id(), bad, Optional.empty()), bad);
        assertEquals(6, names().size(), "nothing was created");
        MailboxInfo child = boxes.create(alice.id(), "inbox/Sub", Optional.empty());
        assertEquals("INBOX/Sub", child.name(), "INBOX as the first level is INBOX too");
        assertEquals(child.id(), box("Inbox/Sub").id());
        assertTrue(boxes.find(alice.id(), "INBOX/sub").isEmpty(), "other levels are case-sensitive");
        assertEquals("Ünïcødé/日本", boxes.create(alice.id(), "Ünïcødé/日本", Optional.empty()).name());
    }

    @Test void recreatedMailboxGetsAGreaterUidValidity() {
        MailboxInfo first = boxes.create(alice.id(), "Temp", Optional.empty());
        boxes.delete(first.id());
        MailboxInfo again = boxes.create(alice.id(), "Temp", Optional.empty());
        assertTrue(again.uidValidity() > first.uidValidity(), "RFC 9051 §2.3.1.1, even within the same second");
    }

    @Test void deleteDropsTheMailboxAndItsMessagesButKeepsChildren() throws Exception {
        MailboxInfo a = boxes.create(alice.id(), "a/b", Optional.empty());
        long parent = box("a").id();
        append(parent, "only in a");
        long shared = append(parent, "also in a/b");
        boxes.copy(parent, List.of(shared), a.id());
        long onlyId = boxes.entries(parent).get(0).messageId();
        long sharedId = boxes.entries(parent).get(1).messageId();
        events.clear();

        boxes.delete(parent);
        assertTrue(boxes.find(alice.id(), "a").isEmpty());
        assertEquals(1, boxes.entries(a.id()).size(), "the child and its messages stay");
        assertEquals(sharedId, boxes.entries(a.id()).get(0).messageId());
        assertThrows(StoreException.class, () -> boxes.openContent(onlyId).close(), "an unreferenced message is deleted");
        try (InputStream in = boxes.openContent(sharedId)) { assertTrue(in.readAllBytes().length > 0); }
        assertEquals(List.of(new MailboxChange.MailboxRemoved(parent)), Changes.uidsOnly(events));
        assertTrue(boxes.entries(parent).isEmpty());
        assertTrue(boxes.expungedSince(parent, 0).isEmpty());
        assertEquals(List.of(), boxes.expunge(parent, List.of(1L, 2L)), "a session that still had it selected expunges nothing");

        assertThrows(IllegalArgumentException.class, () -> boxes.delete(box("INBOX").id()));
        assertThrows(IllegalArgumentException.class, () -> boxes.delete(parent), "gone already");
        boxes.create(alice.id(), "a", Optional.empty());  // the name is free again
    }

    @Test void renameTakesChildrenAlongAndCreatesNewParents() throws Exception {
        MailboxInfo a = boxes.create(alice.id(), "a", Optional.empty());
        MailboxInfo ax = boxes.create(alice.id(), "a/x", Optional.empty());
        MailboxInfo axy = boxes.create(alice.id(), "a/x/y", Optional.of("Sent"));
        MailboxInfo ab = boxes.create(alice.id(), "ab", Optional.empty());  // not a child of "a"
        boxes.setSubscribed(alice.id(), "a/x", true);
        boxes.setSubscribed(alice.id(), "a/x/gone", true);  // a name without a mailbox moves along too
        long uid = append(axy.id(), "keep me", Flag.FLAGGED);
        events.clear();

        boxes.rename(a.id(), "n/m");
        assertEquals(List.of("INBOX", "Archive", "Drafts", "Junk", "Sent", "Trash", "ab", "n", "n/m", "n/m/x", "n/m/x/y"), names());
        MailboxInfo moved = box("n/m/x/y");
        assertEquals(axy.id(), moved.id(), "a renamed mailbox keeps its id …");
        assertEquals(axy.uidValidity(), moved.uidValidity(), "… its UIDVALIDITY (RFC 9051 allows it) …");
        assertEquals(Optional.of("Sent"), moved.specialUse());
        assertTrue(box("n/m/x").subscribed(), "… and its subscription");
        assertFalse(box("n/m").subscribed());
        assertTrue(boxes.subscriptions(alice.id()).containsAll(List.of("n/m/x", "n/m/x/gone")));
        assertFalse(boxes.subscriptions(alice.id()).contains("a/x"));
        assertEquals(List.of(uid), boxes.entries(moved.id()).stream().map(MessageEntry::uid).toList());
        assertEquals(ab.id(), box("ab").id());
        assertTrue(events.isEmpty(), "no event: sessions that have it selected keep it");

        assertThrows(IllegalArgumentException.class, () -> boxes.rename(box("ab").id(), "n/m"), "exists");
        assertThrows(IllegalArgumentException.class, () -> boxes.rename(box("ab").id(), "inbox"), "INBOX exists");
        assertThrows(IllegalArgumentException.class, () -> boxes.rename(box("n/m").id(), "n/m/x/z"), "under itself");
        assertThrows(IllegalArgumentException.class, () -> boxes.rename(box("n/m").id(), "bad//name"));
    }

    @Test void renameFailsWholeWhenAChildsNewNameIsTaken() {
        MailboxInfo a = boxes.create(alice.id(), "a/x", Optional.empty());
        boxes.create(alice.id(), "z/x", Optional.empty());
        List<String> before = names();
        assertThrows(IllegalArgumentException.class, () -> boxes.rename(box("a").id(), "z"));
        boxes.delete(box("z").id());  // "z/x" stays, "z" is free
        assertThrows(IllegalArgumentException.class, () -> boxes.rename(box("a").id(), "z"), "z/x would be taken twice");
        assertEquals(before.stream().filter(n -> !n.equals("z")).toList(), names());
        assertEquals("a/x", boxes.find(alice.id(), "a/x").orElseThrow().name());
        assertEquals(a.id(), box("a/x").id());
    }

    @Test void renameUpwardsOverItsOwnChildsName() {
        MailboxInfo ab = boxes.create(alice.id(), "a/b", Optional.empty());
        MailboxInfo abb = boxes.create(alice.id(), "a/b/b", Optional.empty());
        boxes.delete(box("a").id());
        boxes.rename(ab.id(), "a");  // "a/b/b" becomes "a/b", the name "a/b" had
        assertEquals(ab.id(), box("a").id());
        assertEquals(abb.id(), box("a/b").id());
    }

    @Test void renamingInboxMovesItsMessagesToANewMailboxAndLeavesInboxEmpty() throws Exception {
        MailboxInfo inbox = box("INBOX");
        MailboxInfo child = boxes.create(alice.id(), "INBOX/child", Optional.empty());
        long u1 = append(inbox.id(), "one", Flag.SEEN);
        long u2 = append(inbox.id(), "two");
        long u3 = append(inbox.id(), "three", Flag.FLAGGED);
        boxes.expunge(inbox.id(), List.of(u2));
        boxes.setFlags(inbox.id(), List.of(u3), Mailboxes.FlagMode.ADD, Set.of(), Set.of("$Work"), java.util.OptionalLong.empty());
        List<MessageEntry> old = boxes.entries(inbox.id());
        long modSeqBefore = box("INBOX").highestModSeq();
        events.clear();

        boxes.rename(inbox.id(), "Old/Mail");
        MailboxInfo created = box("Old/Mail");
        assertTrue(boxes.find(alice.id(), "Old").isPresent(), "parent created");
        assertNotEquals(inbox.id(), created.id());
        assertNotEquals(inbox.uidValidity(), created.uidValidity());
        List<MessageEntry> moved = boxes.entries(created.id());
        assertEquals(List.of(1L, 2L), moved.stream().map(MessageEntry::uid).toList(), "new UIDs in the new mailbox");
        for (int i = 0; i < 2; i++) {
            assertEquals(old.get(i).messageId(), moved.get(i).messageId());
            assertEquals(old.get(i).flags(), moved.get(i).flags());
            assertEquals(old.get(i).keywords(), moved.get(i).keywords());
            assertEquals(old.get(i).internalDate(), moved.get(i).internalDate());
        }
        MailboxInfo after = box("INBOX");
        assertEquals(inbox.id(), after.id());
        assertTrue(boxes.entries(after.id()).isEmpty());
        assertEquals(inbox.uidValidity(), after.uidValidity());
        assertEquals(4, after.uidNext(), "INBOX's UIDs are not reused");
        assertEquals(modSeqBefore + 1, after.highestModSeq());
        assertEquals(List.of(u1, u3), boxes.expungedSince(inbox.id(), modSeqBefore));
        assertEquals(child.id(), box("INBOX/child").id(), "INBOX's children stay");
        assertEquals(List.of(Changes.added(created.id(), List.of(1L, 2L)),
                new MailboxChange.MessagesExpunged(inbox.id(), List.of(u1, u3))), Changes.uidsOnly(events));

        long u4 = append(after.id(), "four");
        assertEquals(4, u4);
        boxes.rename(inbox.id(), "Empty");  // renaming INBOX again, with one message, and an empty one
        assertEquals(1, boxes.entries(box("Empty").id()).size());
        boxes.rename(inbox.id(), "Empty2");
        assertTrue(boxes.entries(box("Empty2").id()).isEmpty());
        assertThrows(IllegalArgumentException.class, () -> boxes.rename(inbox.id(), "Empty"), "exists");
    }

    @Test void subscriptionsAreNamesThatOutliveTheirMailbox() {
        boxes.setSubscribed(alice.id(), "Trash", false);
        assertFalse(box("Trash").subscribed());
        boxes.setSubscribed(alice.id(), "Trash", true);
        boxes.setSubscribed(alice.id(), "Trash", true);  // twice is once
        assertTrue(box("Trash").subscribed());
        boxes.setSubscribed(alice.id(), "inbox", false);
        assertFalse(box("INBOX").subscribed(), "INBOX in any case");
        boxes.setSubscribed(alice.id(), "Not/There", true);
        MailboxInfo later = boxes.create(alice.id(), "Later", Optional.empty());
        boxes.setSubscribed(alice.id(), "Later", true);
        boxes.delete(later.id());
        // RFC 3501 §6.3.6: the server must not drop a subscription because the mailbox went away
        assertEquals(List.of("Archive", "Drafts", "Junk", "Later", "Not/There", "Sent", "Trash"), boxes.subscriptions(alice.id()));
        assertThrows(IllegalArgumentException.class, () -> boxes.setSubscribed(alice.id(), "a//b", true));
    }
}
