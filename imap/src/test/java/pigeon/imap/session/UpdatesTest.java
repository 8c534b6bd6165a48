package pigeon.imap.session;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pigeon.imap.encode.UidSets;

class UpdatesTest {
    @Test void fetchFlagsWithAndWithoutModSeq() {
        var f = new SelectedMailbox.FlagUpdate(3, 17, Set.of("\\Seen"), 42);
        assertEquals("3 FETCH (UID 17 FLAGS (\\Seen))", Updates.fetchFlags(f, false));
        assertEquals("3 FETCH (UID 17 FLAGS (\\Seen) MODSEQ (42))", Updates.fetchFlags(f, true));
    }

    @Test void uidSetsCompressRanges() {
        assertEquals("1:3,5,7:8", UidSets.format(List.of(8L, 1L, 2L, 3L, 5L, 7L)));
        assertEquals("4", UidSets.format(List.of(4L)));
        assertEquals("", UidSets.format(List.of()));
    }
}
