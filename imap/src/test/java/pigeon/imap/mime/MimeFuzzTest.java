package pigeon.imap.mime;

import static org.junit.jupiter.api.Assertions.*;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Duration;

/**
 * Coverage-guided fuzzing of the MIME scanner and what IMAP renders from it (Jazzer): any octets as
 * a stored message, described once as at delivery, then ENVELOPE, BODY and BODYSTRUCTURE rendered
 * from the description and the description sent through its stored form. Without
 * {@code JAZZER_FUZZ=1} this runs the seed corpus in {@code MimeFuzzTestInputs/} as a regression
 * test (README, "Fuzzing"). Properties:
 * <ul>
 * <li>nothing throws: there is no such thing as a message that cannot be described;
 * <li>every part lies inside the message, its header before its body, and a multipart's parts
 *     in order inside it;
 * <li>bounded input, bounded output: nesting stops at {@link MimeScanner#MAX_DEPTH}, and what is
 *     rendered grows at most linearly with the message;
 * <li>the stored form decodes to the same description.
 * </ul>
 */
class MimeFuzzTest {
    @FuzzTest(maxDuration = "45s")
    void describesAnyMessage(byte[] message) {
        // Never hangs: a slow input fails here, in ./test and while fuzzing alike.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> describe(message));
    }

    private void describe(byte[] message) throws IOException {
        MessageDescription d = MessageDescription.parse(new ByteArrayInputStream(message));
        assertEquals(message.length, d.size());
        check(d.body(), 0, message.length, 0);
        long bound = 200L * message.length + 4096;
        for (boolean utf8 : new boolean[] {false, true}) {
            assertTrue(ImapRenderer.bodyStructure(d.body(), utf8).length() <= bound, "BODYSTRUCTURE out of proportion");
            assertTrue(ImapRenderer.body(d.body(), utf8).length() <= bound, "BODY out of proportion");
            assertTrue(ImapRenderer.envelope(d.envelope(), utf8).length() <= bound, "ENVELOPE out of proportion");
        }
        assertEquals(d, MessageDescription.decode(d.encode()), "the stored form gives the same description");
        assertEquals(new Range(0, message.length), d.section().orElseThrow());
        d.section(1).ifPresent(r -> assertTrue(r.offset() + r.length() <= message.length));
    }

    /** The part lies within [from, to] of the message, and so do its children, in order. */
    private static void check(MimePart p, long from, long to, int depth) {
        assertTrue(depth <= 2 * MimeScanner.MAX_DEPTH + 2, "nesting beyond the limit: " + depth);
        Span s = p.span();
        assertTrue(s.start() >= from && s.end() <= to, "part " + s + " outside [" + from + ", " + to + "]");
        switch (p) {
            case MultiPart m -> {
                long at = s.bodyStart();
                for (MimePart child : m.parts()) {
                    check(child, at, s.end(), depth + 1);
                    at = child.span().start();
                }
            }
            case SinglePart single -> {
                if (single.message() != null) check(single.message().body(), s.bodyStart(), s.end(), depth + 1);
            }
        }
    }
}
