package pigeon.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.PartialRange;
import pigeon.imap.command.SearchReturn;
import pigeon.imap.message.MessageView;

class SearchResponsesTest {
    /** Messages with the given sequence numbers; UID = seq * 10, modseq = 100 - seq. */
    private static List<MessageView> messages(int... seqs) {
        return java.util.Arrays.stream(seqs)
                .mapToObj(s -> (MessageView) TestMessage.of(s, s * 10L, "Subject: x\n\nx\n").modSeq(100 - s).build()).toList();
    }

    @Test
    void plainSearch() {
        assertEquals("* SEARCH 2 5 9", SearchResponses.search(messages(2, 5, 9), false, false));
        assertEquals("* SEARCH 20 50 90", SearchResponses.search(messages(2, 5, 9), true, false));
        assertEquals("* SEARCH", SearchResponses.search(messages(), false, false));
    }

    @Test
    void plainSearchWithModSeq() {
        // RFC 7162 §3.1.5: the highest mod-sequence of the messages returned
        assertEquals("* SEARCH 2 5 9 (MODSEQ 98)", SearchResponses.search(messages(2, 5, 9), false, true));
        assertEquals("* SEARCH", SearchResponses.search(messages(), false, true));
        assertEquals("* SORT 9 2 (MODSEQ 98)", SearchResponses.sort(messages(9, 2), false, true));
        assertEquals("* SORT", SearchResponses.sort(messages(), true, false));
    }

    @Test
    void esearchItemsInFixedOrder() {
        Set<SearchReturn> every = EnumSet.of(SearchReturn.ALL, SearchReturn.COUNT, SearchReturn.MAX, SearchReturn.MIN);
        assertEquals("* ESEARCH (TAG \"a1\") UID MIN 20 MAX 90 COUNT 3 ALL 20,50,90",
                SearchResponses.esearch("a1", messages(2, 5, 9), true, every, false));
        assertEquals("* ESEARCH (TAG \"a1\") MIN 2 MAX 9 COUNT 3 ALL 2,5,9",
                SearchResponses.esearch("a1", messages(2, 5, 9), false, every, false));
    }

    @Test
    void esearchRfcExamples() {
        // RFC 4731 §3.1 / RFC 9051 §6.4.4
        assertEquals("* ESEARCH (TAG \"A282\") MIN 2 COUNT 3",
                SearchResponses.esearch("A282", messages(2, 10, 11), false, EnumSet.of(SearchReturn.MIN, SearchReturn.COUNT), false));
        assertEquals("* ESEARCH (TAG \"A283\") ALL 2,10:11",
                SearchResponses.esearch("A283", messages(2, 10, 11), false, Set.of(), false));
        assertEquals("* ESEARCH (TAG \"A285\") UID MIN 70 MAX 3800",
                SearchResponses.esearch("A285", List.of(messages(7).getFirst(), messages(380).getFirst()), true,
                        EnumSet.of(SearchReturn.MIN, SearchReturn.MAX), false));
    }

    @Test
    void esearchWithoutMatches() {
        // MIN, MAX and ALL are left out; COUNT is always there when asked
        assertEquals("* ESEARCH (TAG \"t\") COUNT 0", SearchResponses.esearch("t", messages(), false,
                EnumSet.allOf(SearchReturn.class), true));
        assertEquals("* ESEARCH (TAG \"t\") UID", SearchResponses.esearch("t", messages(), true, Set.of(SearchReturn.ALL), true));
    }

    @Test
    void esearchCompressesAll() {
        assertEquals("* ESEARCH (TAG \"t\") ALL 1:5,7,9:10",
                SearchResponses.esearch("t", messages(1, 2, 3, 4, 5, 7, 9, 10), false, Set.of(SearchReturn.ALL), false));
    }

    @Test
    void esearchModSeqFollowsRfc4731Section32() {
        List<MessageView> found = messages(2, 5, 9); // modseqs 98, 95, 91
        assertEquals("* ESEARCH (TAG \"t\") MIN 2 MODSEQ 98",
                SearchResponses.esearch("t", found, false, EnumSet.of(SearchReturn.MIN), true));
        assertEquals("* ESEARCH (TAG \"t\") MAX 9 MODSEQ 91",
                SearchResponses.esearch("t", found, false, EnumSet.of(SearchReturn.MAX), true));
        assertEquals("* ESEARCH (TAG \"t\") MIN 2 MAX 9 MODSEQ 98",
                SearchResponses.esearch("t", found, false, EnumSet.of(SearchReturn.MIN, SearchReturn.MAX), true));
        assertEquals("* ESEARCH (TAG \"t\") MAX 9 COUNT 3 MODSEQ 98",
                SearchResponses.esearch("t", found, false, EnumSet.of(SearchReturn.MAX, SearchReturn.COUNT), true));
        assertEquals("* ESEARCH (TAG \"t\") ALL 2,5,9 MODSEQ 98",
                SearchResponses.esearch("t", found, false, Set.of(), true));
    }

    @Test
    void sequenceSetCompression() {
        assertEquals("", SearchResponses.sequenceSet(List.of()));
        assertEquals("3", SearchResponses.sequenceSet(List.of(3L)));
        assertEquals("1,3", SearchResponses.sequenceSet(List.of(1L, 3L)));
        assertEquals("1:2", SearchResponses.sequenceSet(List.of(1L, 2L)));
        assertEquals("1:5,7", SearchResponses.sequenceSet(List.of(1L, 2L, 3L, 4L, 5L, 7L)));
        assertEquals("4294967294:4294967295", SearchResponses.sequenceSet(List.of(4294967294L, 4294967295L)));
    }

    @Test
    void answerRev1PlainSearch() {
        SearchAnswer a = SearchResponses.answer(Commands.search("a1 SEARCH ALL"), messages(1, 2), false, false);
        assertEquals(List.of("* SEARCH 1 2"), a.untagged());
        assertEquals(Optional.empty(), a.saved());
        a = SearchResponses.answer(Commands.search("a1 UID SEARCH ALL"), messages(1, 2), true, false);
        assertEquals(List.of("* SEARCH 10 20 (MODSEQ 99)"), a.untagged());
    }

    @Test
    void answerRev2PlainSearchIsEsearchAll() {
        SearchAnswer a = SearchResponses.answer(Commands.search("a1 SEARCH ALL"), messages(1, 2, 3), false, true);
        assertEquals(List.of("* ESEARCH (TAG \"a1\") ALL 1:3"), a.untagged());
        a = SearchResponses.answer(Commands.search("a2 UID SEARCH ALL"), messages(), false, true);
        assertEquals(List.of("* ESEARCH (TAG \"a2\") UID"), a.untagged());
    }

    @Test
    void answerWithReturnOptions() {
        SearchAnswer a = SearchResponses.answer(Commands.search("a1 SEARCH RETURN () ALL"), messages(1, 3), false, false);
        assertEquals(List.of("* ESEARCH (TAG \"a1\") ALL 1,3"), a.untagged());
        a = SearchResponses.answer(Commands.search("a2 SEARCH RETURN (COUNT) ALL"), messages(1, 3), false, false);
        assertEquals(List.of("* ESEARCH (TAG \"a2\") COUNT 2"), a.untagged());
    }

    @Test
    void saveAloneAnswersNothingAndKeepsEveryMatch() {
        // RFC 5182 §2.1
        SearchAnswer a = SearchResponses.answer(Commands.search("a1 SEARCH RETURN (SAVE) ALL"), messages(1, 3, 4), false, false);
        assertEquals(List.of(), a.untagged());
        assertEquals(Optional.of(List.of(10L, 30L, 40L)), a.saved());
        a = SearchResponses.answer(Commands.search("a1 SEARCH RETURN (SAVE) ALL"), messages(), false, true);
        assertEquals(Optional.of(List.of()), a.saved());
    }

    @Test
    void saveWithMinOrMaxKeepsOnlyThose() {
        SearchAnswer a = SearchResponses.answer(Commands.search("a1 SEARCH RETURN (SAVE MIN) ALL"), messages(1, 3, 4), false, false);
        assertEquals(List.of("* ESEARCH (TAG \"a1\") MIN 1"), a.untagged());
        assertEquals(Optional.of(List.of(10L)), a.saved());
        a = SearchResponses.answer(Commands.search("a1 UID SEARCH RETURN (MAX SAVE MIN) ALL"), messages(1, 3, 4), false, false);
        assertEquals(List.of("* ESEARCH (TAG \"a1\") UID MIN 10 MAX 40"), a.untagged());
        assertEquals(Optional.of(List.of(10L, 40L)), a.saved());
        a = SearchResponses.answer(Commands.search("a1 SEARCH RETURN (MIN SAVE COUNT) ALL"), messages(1, 3, 4), false, false);
        assertEquals(List.of("* ESEARCH (TAG \"a1\") MIN 1 COUNT 3"), a.untagged());
        assertEquals(Optional.of(List.of(10L, 30L, 40L)), a.saved());
        a = SearchResponses.answer(Commands.search("a1 SEARCH RETURN (SAVE MIN MAX) ALL"), messages(3), false, false);
        assertEquals(Optional.of(List.of(30L)), a.saved());
    }

    @Test
    void partialOfSearchAndSort() {
        // RFC 9394 §3.1: the page by position, ascending for SEARCH; COUNT and MIN/MAX of the whole result
        assertEquals("* ESEARCH (TAG \"t\") UID MIN 20 COUNT 4 PARTIAL (-1:-2 50,90)", SearchResponses.esearch("t", messages(9, 2, 5, 3), true,
                EnumSet.of(SearchReturn.PARTIAL, SearchReturn.MIN, SearchReturn.COUNT), Optional.of(new PartialRange(-2, -1)), false));
        assertEquals("* ESEARCH (TAG \"t\") PARTIAL (5:9 NIL)", SearchResponses.esearch("t", messages(1, 2), false,
                EnumSet.of(SearchReturn.PARTIAL), Optional.of(new PartialRange(5, 9)), false));
        // SORT: the page in sort order
        assertEquals("* ESEARCH (TAG \"t\") PARTIAL (2:4 3:4,2)", SearchResponses.esort("t", messages(5, 3, 4, 2, 1), false,
                EnumSet.of(SearchReturn.PARTIAL), Optional.of(new PartialRange(2, 4)), false));
        // SAVE keeps the page when neither ALL nor COUNT was asked
        assertEquals(List.of(30L, 40L), SearchResponses.savedUidsOfSort(messages(5, 3, 4, 2), EnumSet.of(SearchReturn.SAVE, SearchReturn.PARTIAL),
                Optional.of(new PartialRange(2, 3))));
        assertEquals(List.of(20L, 30L, 40L), SearchResponses.savedUids(messages(2, 3, 4), EnumSet.of(SearchReturn.SAVE, SearchReturn.PARTIAL,
                SearchReturn.COUNT), Optional.of(new PartialRange(1, 1))));
    }

    @Test
    void updateImpliesNothingAndContextUpdatesListPairs() {
        // RFC 5267 §4.3: with UPDATE alone the first answer names nothing; CONTEXT alone still means ALL
        assertEquals("* ESEARCH (TAG \"t\") UID", SearchResponses.esearch("t", messages(2), true, EnumSet.of(SearchReturn.UPDATE), false));
        assertEquals("* ESEARCH (TAG \"t\") ALL 2", SearchResponses.esearch("t", messages(2), false, EnumSet.of(SearchReturn.CONTEXT), false));
        assertEquals("* ESEARCH (TAG \"t\") UID REMOVEFROM (0 5,9:10) ADDTO (0 1:2)", SearchResponses.contextUpdate("t", true,
                List.of(new SearchResponses.ContextChange(0, List.of(10L, 9L, 5L))), List.of(new SearchResponses.ContextChange(0, List.of(2L, 1L)))));
        assertEquals("* ESEARCH (TAG \"t\") ADDTO (1 7,3:4 6 2)", SearchResponses.contextUpdate("t", false, List.of(),
                List.of(new SearchResponses.ContextChange(1, List.of(7L, 3L, 4L)), new SearchResponses.ContextChange(6, List.of(2L)))));
    }
}
