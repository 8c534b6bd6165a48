package pigeon.imap.search;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class NeedleTest {
    @Test
    void caseInsensitiveSubstring() {
        assertTrue(Needle.of("WORLD").in("hello world"));
        assertTrue(Needle.of("").in("anything"));
        assertFalse(Needle.of("x").in(null));
        assertFalse(Needle.of("worlds").in("hello world"));
        assertTrue(Needle.of("aab").in("aaab")); // the KMP fallback
    }

    @Test
    void unicodeCaseFolding() {
        assertTrue(Needle.of("ÉCOLE").in("une école"));
        assertTrue(Needle.of("σοφία").in("ΣΟΦΊΑ"));
        assertTrue(Needle.of("straße").in("STRAẞE")); // capital sharp s folds to ß
        assertTrue(Needle.of("i").in("I")); // no Turkish dotless-i rules: Locale.ROOT
        assertTrue(Needle.of("𐐨").in("𐐀")); // Deseret, outside the BMP
    }

    @Test
    void streamingAcrossPiecesButNotAcrossSeparations() {
        Needle.Scan scan = Needle.of("needle").scan();
        scan.feed("a nee");
        scan.feed("dle");
        assertTrue(scan.found());
        Needle.Scan split = Needle.of("needle").scan();
        split.feed("a nee");
        split.separate();
        split.feed("dle");
        assertFalse(split.found());
    }
}
