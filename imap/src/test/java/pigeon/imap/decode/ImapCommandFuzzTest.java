package pigeon.imap.decode;

import static org.junit.jupiter.api.Assertions.*;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.EOFException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Duration;
import pigeon.imap.command.Catenation;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.MessageLiteral;
import pigeon.imap.command.MessageLiteralException;

/**
 * Coverage-guided fuzzing of the IMAP command reader and parser (Jazzer): any octets a client may
 * send, read as a sequence of commands. Without {@code JAZZER_FUZZ=1} this runs the seed corpus in
 * {@code ImapCommandFuzzTestInputs/} as a regression test; with it, Jazzer mutates from there
 * (README, "Fuzzing"). Properties:
 * <ul>
 * <li>the reader never throws: a malformed command is a {@link ParseError}, the end of the input
 *     {@link ReadResult.EndOfInput}; APPEND's message stream throws only {@link MessageLiteralException};
 * <li>it always ends: each call consumes input, so there are at most as many results as octets;
 * <li>what goes back to the client is one bounded line: the error text has no CR or LF and is not
 *     longer than the command line limit allows.
 * </ul>
 * Small limits, so that the fuzzer reaches them: lines and literals of 1 KiB, messages of 4 KiB.
 */
class ImapCommandFuzzTest {
    private static final ImapLimits LIMITS = new ImapLimits(1024, 1024, 4096, 8192, 8, 4);

    @FuzzTest(maxDuration = "45s")
    void readsAnyInputIntoCommandsOrErrors(byte[] input) {
        // Never hangs: a slow input fails here, in ./test and while fuzzing alike.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> read(input));
    }

    private void read(byte[] input) throws IOException {
        ImapReader reader = new ImapReader(new ByteArrayInputStream(input), () -> {}, LIMITS);
        for (int results = 0; ; results++) {
            assertTrue(results <= input.length + 1, "more results than octets: the reader does not advance");
            ReadResult r = reader.next();
            switch (r) {
                case ReadResult.EndOfInput end -> { return; }
                case ParseError e -> {
                    String line = e.response();
                    assertFalse(line.contains("\r") || line.contains("\n"), "a reply line with CR or LF: " + line);
                    assertTrue(line.length() <= LIMITS.maxLineLength() + 200, "an error reply longer than the command: " + line.length());
                }
                case ReadResult.Parsed p -> {
                    if (p.command() instanceof ImapCommand.Append a) drain(a);
                }
            }
        }
    }

    /** Reads every message of the APPEND as a handler does: each literal to its end, then the next message. */
    private static void drain(ImapCommand.Append append) throws IOException {
        if (append.data() instanceof MessageLiteral first)
            assertTrue(first.size() <= LIMITS.maxMessageSize(), "a message over the limit was accepted");
        try {
            java.util.Optional<ImapCommand.AppendMessage> m = java.util.Optional.of(append.first());
            while (m.isPresent()) {
                switch (m.get().data()) {
                    case MessageLiteral l -> read(l);
                    case Catenation c -> {
                        for (var part = c.nextPart(); part.isPresent(); part = c.nextPart())
                            if (part.get() instanceof Catenation.Text t) read(t.literal());
                    }
                }
                m = m.get().data().next();
            }
        } catch (MessageLiteralException | EOFException | InputOutOfStepException e) {
            // the rest of the command line was bad (the session answers BAD), the client went away inside the
            // literal, or it goes on with a literal too large to skip (the session says BYE and closes)
        }
    }

    private static void read(MessageLiteral literal) throws IOException {
        try (InputStream in = literal.open()) {
            long n = in.transferTo(OutputStream.nullOutputStream());
            assertTrue(n <= literal.size(), "more octets than the literal announced: " + n);
        }
    }
}
