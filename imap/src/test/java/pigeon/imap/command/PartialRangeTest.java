package pigeon.imap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class PartialRangeTest {
    private static final List<Integer> FIVE = List.of(10, 20, 30, 40, 50);

    @Test void positiveRangesCountFromTheStart() {
        assertEquals(List.of(10), new PartialRange(1, 1).select(FIVE));
        assertEquals(List.of(20, 30, 40), new PartialRange(2, 4).select(FIVE));
        assertEquals(List.of(40, 50), new PartialRange(4, 9).select(FIVE), "past the end: what there is");
        assertEquals(List.of(), new PartialRange(6, 9).select(FIVE));
        assertEquals(List.of(), new PartialRange(1, 3).select(List.of()));
    }

    @Test void negativeRangesCountFromTheEnd() {
        assertEquals(List.of(50), new PartialRange(-1, -1).select(FIVE));
        assertEquals(List.of(30, 40, 50), new PartialRange(-1, -3).select(FIVE));
        assertEquals(List.of(20, 30), new PartialRange(-3, -4).select(FIVE));
        assertEquals(List.of(10, 20, 30, 40, 50), new PartialRange(-1, -100).select(FIVE), "before the start: what there is");
        assertEquals(List.of(), new PartialRange(-6, -9).select(FIVE));
        assertEquals(List.of(10), new PartialRange(-5, -9).select(FIVE));
    }

    @Test void theSmallerMagnitudeComesFirst() {
        assertEquals(new PartialRange(2, 4), new PartialRange(4, 2));
        assertEquals("2:4", new PartialRange(4, 2).toString());
        assertEquals("-1:-100", new PartialRange(-100, -1).toString());
    }

    @Test void zeroAndMixedSignsAreNoRange() {
        assertThrows(IllegalArgumentException.class, () -> new PartialRange(0, 3));
        assertThrows(IllegalArgumentException.class, () -> new PartialRange(-1, 3));
    }

    @Test void hugeRangesDoNotOverflow() {
        assertEquals(List.of(50), new PartialRange(5, SequenceSet.MAX_NUMBER).select(FIVE));
        assertEquals(FIVE, new PartialRange(-1, -SequenceSet.MAX_NUMBER).select(FIVE));
    }
}
