package pigeon.imap.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.message.MessageView;
import pigeon.store.Flag;
import pigeon.store.Mailboxes;

class SelectedMailboxTest {
    private final TestStore t = new TestStore();

    @AfterEach void close() { t.close(); }

    private SelectedMailbox select(boolean readOnly, boolean rev1) {
        return SelectedMailbox.open(t.services, t.inbox(), readOnly, rev1);
    }

    @Test void sequenceNumbersAndUids() throws Exception {
        for (int i = 1; i <= 5; i++) t.append(i);
        t.mailboxes().expunge(t.inbox().id(), List.of(2L, 4L));
        try (SelectedMailbox m = select(false, false)) {
            assertEquals(3, m.exists());
            assertEquals(List.of(1L, 3L, 5L), m.uids(SequenceSet.parse("1:*"), false));
            assertEquals(List.of(3L), m.uids(SequenceSet.parse("2:4"), true));
            assertEquals(List.of(3L, 5L), m.uids(SequenceSet.parse("2:5"), true));
            assertEquals(List.of(5L), m.uids(SequenceSet.parse("9:*"), true), "n:* always has the highest UID");
            assertEquals(List.of(5L), m.uids(SequenceSet.parse("*"), false));
            assertEquals(3, m.seqOf(5).getAsInt());
            assertTrue(m.seqOf(2).isEmpty());
            ImapException e = assertThrows(ImapException.class, () -> m.uids(SequenceSet.parse("2:4"), false));
            assertEquals(pigeon.imap.session.Outcome.Status.BAD, e.status());
            assertEquals(List.of(), m.uids(SequenceSet.parse("7"), true));
        }
    }

    @Test void emptyMailboxRefusesSequenceNumbersButNotUids() throws Exception {
        try (SelectedMailbox m = select(false, false)) {
            assertThrows(ImapException.class, () -> m.messages(SequenceSet.parse("1:*"), false));
            assertEquals(List.of(), m.messages(SequenceSet.parse("1:*"), true));
            assertEquals(List.of(), m.all());
        }
    }

    @Test void viewsCarryFlagsAndDescriptionsComputedOnDemand() throws Exception {
        t.append(1, Flag.SEEN);
        t.append(2, Flag.FLAGGED, Flag.DELETED);
        try (SelectedMailbox m = select(false, true)) {
            List<MessageView> views = m.messages(SequenceSet.parse("1:2"), false);
            assertEquals(Set.of("\\Seen", "\\Recent"), views.get(0).flags());
            assertEquals(List.of("\\Flagged", "\\Deleted", "\\Recent"), List.copyOf(views.get(1).flags()));
            MessageView v = views.get(1);
            assertEquals(2, v.seq());
            assertEquals(TestStore.message(2).length(), v.size());
            assertEquals("message 2", v.description().envelope().subject());
            // the description was stored for next time
            assertFalse(t.mailboxes().descriptions(List.of(t.mailboxes().entries(t.inbox().id()).get(1).messageId())).isEmpty());
            try (InputStream in = v.open()) {
                assertEquals(TestStore.message(2), new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
            try (InputStream in = v.open(0, 10)) {
                assertEquals("Subject: m", new String(in.readAllBytes(), StandardCharsets.US_ASCII));
            }
            assertEquals(List.of(2L), m.deletedUids());
            assertEquals(2, m.firstUnseen().getAsInt());
        }
    }

    /** The view as a session sees it, with the store's events handed over by hand, in any order. */
    private final class HeldEvents {
        final java.util.List<pigeon.store.MailboxChange> held = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
        final MailboxEvents events = new MailboxEvents();
        final SelectedMailbox view;

        HeldEvents() {
            t.mailboxes().subscribe(held::add);
            Services s = new Services(t.services.config(), t.store.directory(), t.mailboxes(), events, new RecentRegistry());
            view = SelectedMailbox.open(s, t.inbox(), false, false);
        }

        /** Hands over the held events in this order (indexes into what was held), then forgets them all. */
        void deliver(int... order) {
            for (int i : order) events.accept(held.get(i));
            held.clear();
        }
    }

    @Test void appliesTheEventsOwnEntriesWithoutReadingTheMailbox() {
        t.append(1);
        HeldEvents h = new HeldEvents();
        try (SelectedMailbox m = h.view) {
            t.append(2);
            t.append(3);
            h.events.accept(h.held.getFirst());  // only 2's event: the store already has 3, the view must not
            SelectedMailbox.Pending p = m.takePending(true);
            assertEquals(2, p.exists());
            assertEquals(List.of(2L), p.added());
            h.events.accept(h.held.get(1));
            h.held.clear();
            assertEquals(List.of(3L), m.takePending(true).added());
            h.deliver();
        }
    }

    @Test void eventsOutOfCommitOrderLeaveTheViewRight() {
        t.append(1);
        long box = t.inbox().id();
        HeldEvents h = new HeldEvents();
        try (SelectedMailbox m = h.view) {
            // additions: 3's event before 2's is a gap; the view reads the store once, and 2's event is then old news
            t.append(2);
            t.append(3);
            h.deliver(1);
            SelectedMailbox.Pending p = m.takePending(true);
            assertEquals(3, p.exists());
            assertEquals(List.of(2L, 3L), p.added());
            h.events.accept(new pigeon.store.MailboxChange.MessagesAdded(box, t.mailboxes().entries(box).subList(1, 2)));
            assertEquals(-1, m.takePending(true).exists(), "an addition seen already");

            // flag changes: the newer one first, then the older one, which must not undo it
            t.mailboxes().setFlags(box, List.of(1L), Mailboxes.FlagMode.ADD, Set.of(Flag.SEEN), Set.of(), OptionalLong.empty());
            t.mailboxes().setFlags(box, List.of(1L), Mailboxes.FlagMode.REPLACE, Set.of(Flag.FLAGGED), Set.of(), OptionalLong.empty());
            h.deliver(1, 0);
            List<SelectedMailbox.FlagUpdate> flags = m.takePending(true).flags();
            assertEquals(1, flags.size());
            assertEquals(Set.of("\\Flagged"), flags.getFirst().flags());
            assertEquals(List.of(), m.takePending(true).flags());

            // an expunge heard before the addition: the message never enters the view
            t.append(4);
            t.mailboxes().expunge(box, List.of(4L));
            t.append(5);
            h.deliver(1, 2, 0);
            p = m.takePending(true);
            assertEquals(4, p.exists());
            assertEquals(List.of(5L), p.added());
            assertTrue(p.expunged().isEmpty());
            assertTrue(m.seqOf(4).isEmpty());

            // flags of a message whose addition is still on its way: read from the store, with the new flags
            t.append(6);
            t.mailboxes().setFlags(box, List.of(6L), Mailboxes.FlagMode.ADD, Set.of(Flag.SEEN), Set.of(), OptionalLong.empty());
            h.deliver(1);
            p = m.takePending(true);
            assertEquals(List.of(6L), p.added());
            assertTrue(m.all().getLast().flags().contains("\\Seen"));
        }
    }

    @Test void aSilentSessionsQueueIsBounded() throws Exception {
        t.append(1);
        long box = t.inbox().id();
        try (SelectedMailbox m = select(false, false)) {
            java.util.List<pigeon.store.MessageEntry> one = t.mailboxes().entries(box);
            for (int i = 0; i <= SelectedMailbox.MAX_QUEUED + 10; i++) m.changed(new pigeon.store.MailboxChange.FlagsChanged(box, one));
            t.append(2);
            assertEquals(2, m.takePending(true).exists(), "dropped events: the store is read instead");
            assertEquals(-1, m.takePending(true).exists());
        }
    }

    @Test void newMessagesAreAnnouncedAsExists() {
        t.append(1);
        try (SelectedMailbox m = select(false, false)) {
            assertEquals(-1, m.takePending(true).exists());
            t.append(2);
            t.append(3);
            SelectedMailbox.Pending p = m.takePending(false);
            assertEquals(3, p.exists());
            assertEquals(-1, p.recent(), "no \\Recent for IMAP4rev2 sessions");
            assertEquals(-1, m.takePending(true).exists(), "announced once");
            assertEquals(4, m.uidNext());
        }
    }

    @Test void expungesWaitUntilAllowedAndKeepSequenceNumbersMeanwhile() throws Exception {
        for (int i = 1; i <= 4; i++) t.append(i);
        try (SelectedMailbox m = select(false, false)) {
            t.mailboxes().expunge(t.inbox().id(), List.of(2L, 3L));
            SelectedMailbox.Pending during = m.takePending(false);  // e.g. after FETCH 1:* by sequence number
            assertTrue(during.expunged().isEmpty());
            assertEquals(4, m.exists());
            assertTrue(m.isExpunged(2));
            assertEquals(List.of(1L, 2L, 3L, 4L), m.uids(SequenceSet.parse("1:4"), false));
            SelectedMailbox.Pending after = m.takePending(true);  // e.g. after NOOP
            assertEquals(List.of(2, 2), after.expunged().seqs(), "each number counts the removals before it");
            assertEquals(List.of(2L, 3L), after.expunged().uids());
            assertEquals(-1, after.exists());
            assertEquals(List.of(1L, 4L), m.uids(SequenceSet.parse("1:*"), false));
        }
    }

    @Test void othersFlagChangesAreAnnouncedOwnAreNot() {
        t.append(1);
        t.append(2);
        long box = t.inbox().id();
        try (SelectedMailbox m = select(false, false)) {
            t.mailboxes().setFlags(box, List.of(2L), Mailboxes.FlagMode.ADD, Set.of(Flag.SEEN), Set.of("$Junk"), OptionalLong.empty());
            List<SelectedMailbox.FlagUpdate> flags = m.takePending(false).flags();
            assertEquals(1, flags.size());
            assertEquals(2, flags.getFirst().seq());
            assertEquals(Set.of("\\Seen", "$Junk"), flags.getFirst().flags());
            assertEquals("2 FETCH (UID 2 FLAGS (\\Seen $Junk) MODSEQ (" + flags.getFirst().modSeq() + "))", Updates.fetchFlags(flags.getFirst(), true));
            // this session's own STORE: applied to the view, not announced again
            Mailboxes.FlagUpdate own = t.mailboxes().setFlags(box, List.of(1L), Mailboxes.FlagMode.ADD, Set.of(Flag.FLAGGED), Set.of(), OptionalLong.empty());
            m.applyFlags(own.entries());
            assertEquals(List.of(), m.takePending(true).flags());
            assertTrue(m.highestModSeq() >= own.entries().getFirst().modSeq());
            assertEquals(1, m.changedSince(flags.getFirst().modSeq()).size());
        }
    }

    @Test void ownExpungeIsRemovedAtOnce() {
        for (int i = 1; i <= 3; i++) t.append(i);
        try (SelectedMailbox m = select(false, false)) {
            List<Long> removed = t.mailboxes().expunge(t.inbox().id(), List.of(1L, 3L));
            SelectedMailbox.Expunged e = m.expunge(removed);
            assertEquals(List.of(1, 2), e.seqs());
            assertEquals(1, m.exists());
            SelectedMailbox.Pending p = m.takePending(true);
            assertTrue(p.expunged().isEmpty());
            assertEquals(-1, p.exists());
        }
    }

    @Test void recentBelongsToTheFirstReadWriteSession() {
        t.append(1);
        try (SelectedMailbox examine = select(true, true); SelectedMailbox first = select(false, true); SelectedMailbox second = select(false, true)) {
            assertEquals(1, examine.recentCount(), "EXAMINE shows \\Recent without taking it");
            assertEquals(1, first.recentCount());
            assertEquals(0, second.recentCount());
            t.append(2);
            SelectedMailbox.Pending p2 = second.takePending(true);  // the second session hears first now
            assertEquals(2, p2.exists());
            assertEquals(1, p2.recent());
            SelectedMailbox.Pending p1 = first.takePending(true);
            assertEquals(2, p1.exists());
            assertEquals(1, p1.recent());
        }
    }

    @Test void deletedMailboxIsGone() throws Exception {
        var box = t.mailboxes().create(t.alice.id(), "Temp", java.util.Optional.empty());
        try (SelectedMailbox m = SelectedMailbox.open(t.services, box, false, false)) {
            assertFalse(m.awaitChange(Duration.ofMillis(10)));
            t.mailboxes().delete(box.id());
            assertTrue(m.awaitChange(Duration.ofSeconds(1)), "the change wakes an idler");
            assertTrue(m.takePending(true).gone());
        }
    }

    @Test void closedViewHearsNothing() throws Exception {
        SelectedMailbox m = select(false, false);
        m.close();
        m.awaitChange(Duration.ofMillis(1));  // close() woke it once
        t.append(1);
        assertFalse(m.awaitChange(Duration.ofMillis(50)));
    }
    /** sync() learns of expunges made elsewhere (ghosts) but neither announces nor adds new messages. */
    @Test void syncMarksGhostsOnly() throws Exception {
        for (int i = 1; i <= 3; i++) t.append(i);
        try (SelectedMailbox m = select(false, false)) {
            t.mailboxes().expunge(t.inbox().id(), List.of(2L));
            t.append(4);
            m.sync();
            assertTrue(m.isExpunged(2));
            assertEquals(3, m.exists(), "the ghost keeps its number; message 4 waits for EXISTS");
            assertEquals(List.of(1L, 2L, 3L), m.uids(SequenceSet.parse("1:*"), false));
            SelectedMailbox.Pending p = m.takePending(true);
            assertEquals(List.of(2), p.expunged().seqs());
            assertEquals(3, p.exists());
        }
    }

    /** RFC 5182 §2.1: the saved result ($) loses expunged messages. */
    @Test void savedResultLosesExpungedMessages() throws Exception {
        for (int i = 1; i <= 4; i++) t.append(i);
        try (SelectedMailbox m = select(false, false)) {
            assertEquals(List.of(), m.savedResult());
            m.saveResult(List.of(4L, 2L, 3L));
            assertEquals(List.of(2L, 3L, 4L), m.savedResult());
            m.expunge(t.mailboxes().expunge(t.inbox().id(), List.of(3L)));
            assertEquals(List.of(2L, 4L), m.savedResult());
            t.mailboxes().expunge(t.inbox().id(), List.of(4L));  // by someone else: gone once announced
            m.takePending(true);
            assertEquals(List.of(2L), m.savedResult());
        }
    }
}
