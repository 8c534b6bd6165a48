package pigeon.server.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The runner against {@link FakeServer}: what passes, and how what fails is reported. */
class TranscriptRunnerTest {

    private FakeServer server;
    private FakeServer other;
    private Map<String, InetSocketAddress> ports;

    @BeforeEach
    void start() throws IOException {
        server = new FakeServer();
        other = new FakeServer();
        ports = Map.of("fake", server.address(), "other", other.address());
    }

    @AfterEach
    void stop() throws Exception {
        assertAllClosed();
        server.close();
        other.close();
    }

    private void run(String text) throws Exception {
        Transcripts.run("x.t", "@timeout 300\n" + text, "fake", ports, Fixtures.NONE);
    }

    private String failure(String text) {
        return assertThrows(AssertionError.class, () -> run(text)).getMessage();
    }

    /** Every transcript closes its sockets, passed or failed (the server sees EOF soon after). */
    private void assertAllClosed() throws InterruptedException {
        for (int i = 0; i < 100 && server.open() + other.open() > 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(0, server.open() + other.open(), "connections left open");
    }

    @Test
    void aPassingTranscriptUsesEveryDirective() throws Exception {
        run("""
                S: 220 fake
                C: hello
                S: OK hello
                C+ DUMP \\x00
                C: \\t\\xff
                S: DUMP 44554d50200009ff0d0a
                C: @bytes 3 z
                S: OK zzz
                C: SAY c|a \\*|b
                S{
                  S: a \\*
                  S: *
                  S: c
                S}
                SESSION 2 other
                S: 220 *
                DROP
                WAIT 1
                SESSION 1
                C: SAY\s
                S:
                C: CLOSE
                S: <closed>
                """);
        assertEquals(1, server.accepted());
        assertEquals(1, other.accepted());
    }

    @Test
    void fixturesAreAppliedInOrderBeforeTheFirstStep() throws Exception {
        List<String> applied = new ArrayList<>();
        Transcripts.run("f.t", "@fixture one\n@fixture two things\nS: 220 fake", "fake", ports, applied::add);
        assertEquals(List.of("one", "two things"), applied);
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Transcripts.run("f.t", "@fixture nope\nS: x", "fake", ports, Fixtures.NONE));
        assertTrue(e.getMessage().startsWith("f.t: fixture 'nope' failed"), e.getMessage());
        assertEquals(1, server.accepted(), "no connection when a fixture fails");
    }

    @Test
    void aWrongLineShowsFileLineExpectedActualAndHistory() {
        String message = failure("""
                S: 220 fake
                C: SAY 250 he\\x01llo\\t!
                S: 250 world*
                """);
        assertEquals("""
                x.t:4 (session 1): server line does not match
                  expected: 250 world*
                  actual:   "250 he\\x01llo\\t!"
                last lines exchanged:
                  S: 220 fake
                  C: SAY 250 he\\x01llo\\t!
                  S: 250 he\\x01llo\\t!""", message);
    }

    @Test
    void aMissingLineTimesOut() {
        String message = failure("S: 220 fake\nC: SILENT\nS: OK *");
        assertTrue(message.startsWith("x.t:4 (session 1): server sent nothing within 300 ms\n  expected: OK *"),
                message);
        assertTrue(failure("C: PARTIAL abc\nS: 220 *\nS: abc").contains("server sent no line end within 300 ms"
                + "\n  expected: abc\n  partial:  \"abc\""));
    }

    @Test
    void aBareLfIsAFailureEvenWhenThePatternMatches() {
        String message = failure("S: *\nC: BARE 250 ok\nS: 250 ok");
        assertTrue(message.contains("server line is not ended by CRLF\n  expected: 250 ok\n"
                + "  actual:   \"250 ok\"  [ended by a bare LF]"), message);
    }

    @Test
    void unorderedBlocksNeedExactlyTheirLines() throws Exception {
        run("S: *\nC: SAY x1|y|x2\nS{\nS: x*\nS: x1\nS: y\nS}");
        String extra = failure("S: *\nC: SAY a|extra|b\nS{\nS: a\nS: b\nS}");
        assertTrue(extra.contains("x.t:4 (session 1): lines of the S{ ... S} block do not match"
                + " its patterns in any order\n  no line for:  b   (line 6)\n  unexpected:   \"extra\""), extra);
        String after = failure("S: *\nC: SAY a|b|extra\nS{\nS: a\nS: b\nS}\nC: SAY z\nS: OK z");
        assertTrue(after.contains("x.t:9 (session 1): server line does not match\n  expected: OK z\n"
                + "  actual:   \"extra\""), after);
        String missing = failure("S: *\nC: SAY a\nS{\nS: a\nS: b\nS}");
        assertTrue(missing.contains("server sent nothing within 300 ms\n  expected: (S{ block) b"), missing);
    }

    @Test
    void closingIsExpectedOrReported() {
        assertTrue(failure("S: *\nC: hi\nS: <closed>").contains(
                "server sent a line instead of closing\n  expected: <closed>\n  actual:   \"OK hi\""));
        assertTrue(failure("S: *\nC: SILENT\nS: <closed>").contains("server did not close within 300 ms"));
        assertTrue(failure("S: *\nC: CLOSE\nS: OK").contains(
                "x.t:4 (session 1): server closed the connection (EOF)\n  expected: OK"));
    }

    @Test
    void dropResetsTheConnectionAtOnceAndOtherSessionsGoOn() throws Exception {
        run("""
                S: 220 fake
                C: hello
                S: OK hello
                DROP
                SESSION 2
                S: 220 fake
                C: SAY still here
                S: still here
                """);
        assertEquals(2, server.accepted());
        for (int i = 0; i < 100 && server.resets() == 0; i++) {
            Thread.sleep(10);
        }
        assertEquals(1, server.resets(), "session 1 reset, session 2 closed in order at the end");
        assertTrue(failure("S: *\nC: SAY a|b\nS: a\nDROP").startsWith(
                "x.t:5 (session 1): server sent more than the transcript expects\n  unread:   \"b\\r\\n\""));
        assertTrue(failure("S: *\nDROP\nC: hi").startsWith("x.t:4 (session 1): session 1 was dropped\n"
                + "last lines exchanged:\n  S: 220 fake\n  DROP"));
        assertTrue(failure("DROP").startsWith("x.t:2 (session 1): nothing to drop: session 1 is not open"));
    }

    @Test
    void linesNobodyReadFailTheTranscript() {
        String message = failure("S: *\nC: SAY a|b\nS: a\nWAIT 100");
        assertTrue(message.startsWith("x.t (session 1): server sent more than the transcript expects\n"
                + "  unread:   \"b\\r\\n\""), message);
    }

    @Test
    void sessionsArePrefixedAndHistoryKeepsTenLines() {
        String message = failure("""
                S: 220 *
                SESSION 2
                S: 220 *
                C: SAY 1|2|3|4|5|6|7|8
                S: 1
                S: 2
                S: 3
                S: 4
                S: 5
                S: 6
                S: 7
                S: 9
                """);
        assertTrue(message.endsWith("""
                last lines exchanged:
                  2 S: 220 fake
                  2 C: SAY 1|2|3|4|5|6|7|8
                  2 S: 1
                  2 S: 2
                  2 S: 3
                  2 S: 4
                  2 S: 5
                  2 S: 6
                  2 S: 7
                  2 S: 8"""), message);
        assertEquals(2, server.accepted());
    }

    @Test
    void portsAreCheckedAndKeptPerSession() {
        assertTrue(failure("SESSION 2 mars\nS: *").startsWith(
                "x.t:3 (session 2): no address for port 'mars'\n  known ports: [fake, other]"));
        assertTrue(failure("S: *\nSESSION 1 other\nS: *").startsWith(
                "x.t:3 (session 1): session 1 is already open on port 'fake'"));
    }

    @Test
    void theTranscriptPortHeaderWinsOverTheDefault() throws Exception {
        run("@port other\nS: 220 fake");
        assertEquals(0, server.accepted());
        assertEquals(1, other.accepted());
    }
}
