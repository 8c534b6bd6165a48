package pigeon.server.transcript;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptParserTest {

    private static Transcript parse(String text) {
        return TranscriptParser.parse("t.t", text);
    }

    private static String sent(Transcript.Step step) {
        return new String(assertInstanceOf(Transcript.Send.class, step).bytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void headersCommentsAndBlankLines() {
        Transcript t = parse("# about\n@fixture alice-inbox-4\n@fixture bob two words?\n\n@port imap\n"
                + "@timeout 250\r\n  # indented comment\nC: x\n");
        assertEquals(List.of("alice-inbox-4", "bob two words?"), t.fixtures());
        assertEquals("imap", t.port());
        assertEquals(Duration.ofMillis(250), t.timeout());
        assertEquals(1, t.steps().size());
        assertEquals(8, t.steps().getFirst().line());
    }

    @Test
    void defaults() {
        Transcript t = parse("C: x");
        assertTrue(t.fixtures().isEmpty());
        assertNull(t.port());
        assertEquals(Duration.ofSeconds(5), t.timeout());
    }

    @Test
    void clientLinesAndEscapes() {
        List<Transcript.Step> steps = parse("""
                C: a1 LOGIN  x\s
                C:
                C+ raw\\n
                C: \\r\\n\\t\\\\\\*\\x00\\xfF*
                C: é
                C: @bytes 3 y
                C: @bytes 2 \\x00
                """).steps();
        assertEquals("a1 LOGIN  x \r\n", sent(steps.get(0)));
        assertEquals("\r\n", sent(steps.get(1)));
        assertEquals("raw\n", sent(steps.get(2)));
        assertEquals("\r\n\t\\*\u0000\u00ff*\r\n", sent(steps.get(3)));
        assertArrayEquals(new byte[] {(byte) 0xc3, (byte) 0xa9, '\r', '\n'},
                ((Transcript.Send) steps.get(4)).bytes());
        assertEquals("yyy\r\n", sent(steps.get(5)));
        assertEquals("\u0000\u0000\r\n", sent(steps.get(6)));
        assertEquals("C: @bytes 3 y", ((Transcript.Send) steps.get(5)).shown());
    }

    @Test
    void serverLinesBlocksSessionsWaitsAndDrops() {
        List<Transcript.Step> steps = parse("""
                S: a1 OK *
                S:
                S{
                  S: * 4 EXISTS
                  # comment inside
                  S: * FLAGS \\*
                S}
                S: <closed>
                SESSION 2
                SESSION 3 pop3
                WAIT 20
                DROP
                """).steps();
        Glob first = assertInstanceOf(Transcript.Expect.class, steps.get(0)).pattern();
        assertEquals(List.of("a1 OK ", ""), first.parts());
        assertEquals(List.of(""), ((Transcript.Expect) steps.get(1)).pattern().parts());
        Transcript.ExpectUnordered block = assertInstanceOf(Transcript.ExpectUnordered.class, steps.get(2));
        assertEquals(3, block.line());
        assertEquals(List.of("", " 4 EXISTS"), block.patterns().get(0).pattern().parts());
        assertEquals(List.of("", " FLAGS *"), block.patterns().get(1).pattern().parts());
        assertEquals(6, block.patterns().get(1).line());
        assertInstanceOf(Transcript.ExpectClosed.class, steps.get(3));
        assertEquals(new Transcript.Session(9, 2, null), steps.get(4));
        assertEquals(new Transcript.Session(10, 3, "pop3"), steps.get(5));
        assertEquals(new Transcript.Wait(11, 20), steps.get(6));
        assertEquals(new Transcript.Drop(12), steps.get(7));
    }

    @Test
    void errorsNameFileAndLine() {
        assertError("C: x\nX: y", "t.t:2: unknown directive: X: y");
        assertError("C: x\n@port smtp", "t.t:2: headers go before the first step");
        assertError("@colour red", "t.t:1: unknown header");
        assertError("S{\nS: a\n", "t.t:1: S{ is never closed");
        assertError("S{\nS}", "t.t:1: empty S{ block");
        assertError("S{\nS: <closed>\nS}", "t.t:2: S: <closed> cannot be inside");
        assertError("S{\nC: x\nS}", "t.t:2: only S: lines");
        assertError("C: a\\q", "t.t:1: unknown escape \\q");
        assertError("C: a\\", "t.t:1: lone backslash");
        assertError("S: \\x4", "t.t:1: \\x needs two hex digits");
        assertError("C: @bytes 2 ab", "t.t:1: @bytes repeats exactly one byte");
        assertError("WAIT -3", "t.t:1: expected a positive number");
        assertError("SESSION 1 smtp extra", "t.t:1: expected 2-3 words");
        assertError("C+", "t.t:1: unknown directive");
        assertError("DROP 2", "t.t:1: unknown directive");
    }

    private static void assertError(String text, String start) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> parse(text));
        assertTrue(e.getMessage().startsWith(start), () -> "message was: " + e.getMessage());
    }

    @Test
    void globMatching() {
        Glob okAnything = new Glob("a1 OK *", List.of("a1 OK ", ""));
        assertTrue(okAnything.matches("a1 OK "));
        assertTrue(okAnything.matches("a1 OK LOGIN completed"));
        assertFalse(okAnything.matches("a1 OK"));
        assertFalse(okAnything.matches("a1 NO x"));
        Glob middle = TranscriptParser.parse("g", "S: *a*b*a*").steps().stream()
                .map(s -> ((Transcript.Expect) s).pattern()).findFirst().orElseThrow();
        assertTrue(middle.matches("aba"));
        assertTrue(middle.matches("xxaxxbxxaxx"));
        assertFalse(middle.matches("ab"));
        assertFalse(middle.matches("bab"));
        Glob overlap = new Glob("ab*ba", List.of("ab", "ba"));
        assertFalse(overlap.matches("aba"), "prefix and suffix must not overlap");
        assertTrue(overlap.matches("abba"));
        assertTrue(Glob.literal("* OK").matches("* OK"));
        assertFalse(Glob.literal("* OK").matches("x OK"));
        assertTrue(new Glob("*", List.of("", "")).matches(""));
    }
}
