package pigeon.server.transcript;

import java.time.Duration;
import java.util.List;

/**
 * A parsed transcript: its header ({@code @fixture}, {@code @port}, {@code @timeout}) and
 * its steps. Built by {@link TranscriptParser}, run by {@link TranscriptRunner}.
 *
 * @param name     file name, used in failure messages
 * @param fixtures fixture names, in file order
 * @param port     the named port sessions connect to by default, or null for the runner's default
 * @param timeout  how long one expectation waits for the server
 * @param steps    what to do, in order
 */
record Transcript(String name, List<String> fixtures, String port, Duration timeout, List<Step> steps) {

    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    Transcript {
        fixtures = List.copyOf(fixtures);
        steps = List.copyOf(steps);
    }

    /** One line of a transcript; {@code line} is its 1-based line number in the file. */
    sealed interface Step {
        int line();
    }

    /** {@code C:}, {@code C+} or {@code C: @bytes}: bytes to send; {@code shown} is the source text. */
    record Send(int line, byte[] bytes, String shown) implements Step {}

    /** {@code S: pattern}: one line that must match. */
    record Expect(int line, Glob pattern) implements Step {}

    /** {@code S{ ... S}}: as many lines as patterns, matched in any order. */
    record ExpectUnordered(int line, List<Expect> patterns) implements Step {
        ExpectUnordered {
            patterns = List.copyOf(patterns);
        }
    }

    /** {@code S: <closed>}: the server closes the connection. */
    record ExpectClosed(int line) implements Step {}

    /** {@code DROP}: the client resets the current session's connection, as if it vanished. */
    record Drop(int line) implements Step {}

    /** {@code SESSION n [port]}: switch connection; port null means the transcript's default. */
    record Session(int line, int number, String port) implements Step {}

    /** {@code WAIT ms}. */
    record Wait(int line, long millis) implements Step {}

    /** {@code TLS}: the client starts the TLS handshake on the current connection (after STARTTLS/STLS). */
    record StartTls(int line) implements Step {}
}
