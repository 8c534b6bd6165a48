package pigeon.imap.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.Flag;
import pigeon.imap.command.SearchKey;
import pigeon.imap.command.SortCriterion;
import pigeon.imap.message.MessageView;
import pigeon.imap.search.SearchResponses;
import pigeon.store.Mailboxes;

/** RFC 5267 §4.3 contexts over a real store: what changes, in which words, and when. */
class SearchUpdatesTest {
    private final TestStore t = new TestStore();
    private static final SearchKey SEEN = new SearchKey.HasFlag(Flag.SEEN, true);
    private static final List<SortCriterion> REVERSE_SUBJECT = List.of(new SortCriterion(SortCriterion.Key.SUBJECT, true));

    @AfterEach void close() { t.close(); }

    private void seen(long uid, Mailboxes.FlagMode mode) {
        t.mailboxes().setFlags(t.inbox().id(), List.of(uid), mode, Set.of(pigeon.store.Flag.SEEN), Set.of(), OptionalLong.empty());
    }

    private static long mark(SelectedMailbox m) { return SearchResponses.highestModSeq(m.all()).orElse(0); }

    @Test void searchAndSortContextsFollowAnotherSessionsFlags() throws Exception {
        for (int i = 1; i <= 4; i++) t.append(i);
        try (SelectedMailbox m = SelectedMailbox.open(t.services, t.inbox(), false, false)) {
            SearchUpdates contexts = m.contexts();
            contexts.add("s", false, SEEN, Optional.empty(), Set.of(), List.of(), mark(m));
            contexts.add("u", true, SEEN, Optional.of(REVERSE_SUBJECT), Set.of(), List.of(), mark(m));
            assertTrue(contexts.has("s"));
            assertEquals(List.of(), contexts.changed(m), "nothing changed yet");
            seen(2, Mailboxes.FlagMode.ADD);
            seen(4, Mailboxes.FlagMode.ADD);
            m.takePending(true);
            assertEquals(List.of("* ESEARCH (TAG \"s\") ADDTO (0 2,4)", "* ESEARCH (TAG \"u\") UID ADDTO (1 4,2)"), contexts.changed(m));
            seen(3, Mailboxes.FlagMode.ADD);
            m.takePending(true);
            assertEquals(List.of("* ESEARCH (TAG \"s\") ADDTO (0 3)", "* ESEARCH (TAG \"u\") UID ADDTO (2 3)"), contexts.changed(m));
            seen(4, Mailboxes.FlagMode.REMOVE);
            m.takePending(true);
            assertEquals(List.of("* ESEARCH (TAG \"s\") REMOVEFROM (0 4)", "* ESEARCH (TAG \"u\") UID REMOVEFROM (1 4)"), contexts.changed(m));
            assertEquals(List.of(), contexts.changed(m), "told once");
        }
    }

    @Test void expungesAreToldBeforeByTheOldNumbersAndSortWaitsForThem() throws Exception {
        for (int i = 1; i <= 4; i++) t.append(i, pigeon.store.Flag.SEEN);
        try (SelectedMailbox m = SelectedMailbox.open(t.services, t.inbox(), false, false)) {
            List<MessageView> all = m.all();
            m.contexts().add("s", false, SEEN, Optional.empty(), Set.of(), all, mark(m));
            m.contexts().add("o", false, SEEN, Optional.of(REVERSE_SUBJECT), Set.of(), all.reversed(), mark(m));
            t.mailboxes().expunge(t.inbox().id(), List.of(2L, 3L));
            t.append(5, pigeon.store.Flag.SEEN);
            m.takePending(false);  // the expunge may not be told yet: 2 and 3 are ghosts
            assertEquals(List.of("* ESEARCH (TAG \"s\") ADDTO (0 5)"), m.contexts().changed(m), "the SORT context waits for the expunge");
            SelectedMailbox.Pending p = m.takePending(true);
            assertEquals(List.of("* ESEARCH (TAG \"s\") REMOVEFROM (0 2:3)", "* ESEARCH (TAG \"o\") REMOVEFROM (2 3,2)"),
                    m.contexts().expunged(p.expunged()));
            assertEquals(List.of("* ESEARCH (TAG \"o\") ADDTO (1 3)"), m.contexts().changed(m), "then the arrival, by its new number");
        }
    }

    @Test void positionalCriteriaAreSearchedAgainAndCancelIsAllOrNothing() throws Exception {
        for (int i = 1; i <= 3; i++) t.append(i);
        try (SelectedMailbox m = SelectedMailbox.open(t.services, t.inbox(), false, false)) {
            SearchKey last = new SearchKey.Sequence(pigeon.imap.command.SequenceSet.parse("*"));
            m.contexts().add("p", true, last, Optional.empty(), Set.of(), m.messages(pigeon.imap.command.SequenceSet.parse("*"), false), mark(m));
            t.append(4);
            m.takePending(true);
            assertEquals(List.of("* ESEARCH (TAG \"p\") UID REMOVEFROM (0 3) ADDTO (0 4)"), m.contexts().changed(m));
            assertFalse(m.contexts().cancel(List.of("p", "nope")));
            assertTrue(m.contexts().has("p"));
            assertTrue(m.contexts().cancel(List.of("p")));
            assertFalse(m.contexts().has("p"));
        }
    }
}
