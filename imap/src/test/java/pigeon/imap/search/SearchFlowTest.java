package pigeon.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.message.MessageView;

/** Command line in, response lines out: parser, engine and renderer together, as the session will use them. */
class SearchFlowTest {
    private final List<MessageView> box = List.copyOf(Mailbox.all());

    private SearchAnswer run(String line, Collection<Long> saved, boolean rev2) throws IOException {
        ImapCommand.Search c = Commands.search(line);
        List<MessageView> found = new SearchEngine().search(c.key(), box, SearchContext.of(box, saved));
        return SearchResponses.answer(c, found, SearchEngine.usesModSeq(c.key()), rev2);
    }

    @Test
    void modSeqSearchReportsTheHighestModSeqOfTheMatches() throws IOException {
        // modseqs: #1 5, #2 9, #3 7, #4 3, #5 12
        assertEquals(List.of("* SEARCH 1 2 3 (MODSEQ 9)"), run("a SEARCH MODSEQ 5 NOT UID 21", Set.of(), false).untagged());
        assertEquals(List.of("* SEARCH 10 11 15 21 (MODSEQ 12)"), run("a UID SEARCH MODSEQ 4", Set.of(), false).untagged());
        assertEquals(List.of("* SEARCH"), run("a SEARCH MODSEQ 100", Set.of(), false).untagged());
        assertEquals(List.of("* ESEARCH (TAG \"a\") ALL 1:3,5 MODSEQ 12"), run("a SEARCH MODSEQ 4", Set.of(), true).untagged());
        assertEquals(List.of("* ESEARCH (TAG \"a\") UID MIN 10 MODSEQ 5"),
                run("a UID SEARCH RETURN (MIN) MODSEQ 4", Set.of(), false).untagged());
    }

    @Test
    void saveThenUseDollar() throws IOException {
        SearchAnswer saved = run("a1 UID SEARCH RETURN (SAVE) UNSEEN", Set.of(), true);
        assertEquals(List.of(), saved.untagged());
        assertEquals(Optional.of(List.of(11L, 15L, 20L)), saved.saved());
        SearchAnswer next = run("a2 SEARCH RETURN (COUNT ALL) $ UNDELETED", saved.saved().get(), true);
        assertEquals(List.of("* ESEARCH (TAG \"a2\") COUNT 2 ALL 2:3"), next.untagged());
        assertEquals(Optional.empty(), next.saved());
    }

    @Test
    void starAndRev1Search() throws IOException {
        assertEquals(List.of("* SEARCH 4 5"), run("a SEARCH 4:*", Set.of(), false).untagged());
        assertEquals(List.of("* SEARCH 21"), run("a UID SEARCH UID *", Set.of(), false).untagged());
    }
}
