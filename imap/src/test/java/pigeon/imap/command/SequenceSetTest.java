package pigeon.imap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SequenceSetTest {

    private static List<Long> all(String set, long max) { return SequenceSet.parse(set).stream(max).boxed().toList(); }

    @Test void starIsTheLargestNumber() {
        SequenceSet star = SequenceSet.parse("*");
        assertTrue(star.contains(7, 7));
        assertFalse(star.contains(6, 7));
        assertEquals(List.of(7L), all("*", 7));
        assertEquals(List.of(), all("*", 0), "nothing in an empty mailbox");
        assertTrue(star.usesStar());
    }

    @Test void oneToStarIsEverything() {
        assertEquals(List.of(1L, 2L, 3L, 4L), all("1:*", 4));
        assertTrue(SequenceSet.parse("1:*").contains(4, 4));
        assertFalse(SequenceSet.parse("1:*").contains(5, 4));
    }

    @Test void rangesMayBeBackwards() {
        assertEquals(SequenceSet.parse("3:5").normalize(10), SequenceSet.parse("5:3").normalize(10));
        assertEquals(List.of(3L, 4L, 5L), all("5:3", 10));
        assertTrue(SequenceSet.parse("5:3").contains(4, 10));
    }

    @Test void nToStarContainsTheLargestEvenWhenNIsLarger() {
        // RFC 9051 §6.4.8: "UID 10:*" with largest UID 7 still matches 7
        assertEquals(List.of(7L), all("10:*", 7));
        assertTrue(SequenceSet.parse("10:*").contains(7, 7));
    }

    @Test void normalisationSortsAndMerges() {
        assertEquals(List.of(new SequenceSet.Range(1, 5), new SequenceSet.Range(7, 9)), SequenceSet.parse("5:3,1,2,9:*,8").normalize(7));
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 7L), all("5:3,1,2,9:*,8,3", 7), "ascending, each once, none above max");
        assertEquals(List.of(2L, 3L), all("20,3,2,15:30", 3));
        assertEquals(List.of(new SequenceSet.Range(1, 10)), SequenceSet.parse("1:4,5:10,2").normalize(10));
    }

    @Test void savedResult() {
        SequenceSet saved = SequenceSet.parse("$");
        assertTrue(saved.isSaved());
        assertEquals(SequenceSet.SAVED, saved);
        assertEquals("$", saved.toString());
        assertThrows(IllegalStateException.class, () -> saved.contains(1, 1));
        assertThrows(IllegalStateException.class, () -> saved.stream(1));
    }

    @Test void textRoundTrips() {
        for (String s : List.of("1", "1:*", "*", "5:3", "1,3:5,7:*", "4294967295")) assertEquals(s, SequenceSet.parse(s).toString());
        assertEquals(SequenceSet.parse("2,4"), SequenceSet.of(List.of(new SequenceSet.Range(2, 2), new SequenceSet.Range(4, 4))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0:5", "1:", ":2", "1,,2", "1:2:3", "4294967296", "01", "$,1", "1,$", "a", "1 2", "*:*:1"})
    void invalid(String s) {
        assertThrows(IllegalArgumentException.class, () -> SequenceSet.parse(s));
    }

    @Test void largeSetsStreamLazily() {
        assertEquals(List.of(1L, 2L, 3L), SequenceSet.parse("1:*").stream(4294967295L).limit(3).boxed().toList());
        assertEquals(4294967295L, SequenceSet.parse("*").stream(4294967295L).findFirst().orElseThrow());
    }
}
