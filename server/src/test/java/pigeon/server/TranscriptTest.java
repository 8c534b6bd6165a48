package pigeon.server;

import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import pigeon.server.transcript.Transcripts;

/**
 * Every transcript under {@code transcripts/}, against the whole system over real sockets.
 * {@code @fixture accounts} starts a transcript from a fresh domain, so transcripts do not see
 * each other's mail.
 */
class TranscriptTest {
    static TestServer defaults, limits;

    @BeforeAll static void start() throws Exception {
        defaults = new TestServer();
        limits = new TestServer(Map.of("smtp.max-message-size", "4K", "smtp.max-recipients", "3",
                "smtp.max-line-length", "1000", "smtp.max-errors", "5",
                "imap.max-line-length", "1024", "imap.max-literal-size", "1K", "imap.max-nesting", "3",
                "imap.max-errors", "10", "pop3.max-errors", "3", "imap.max-search-contexts", "1"));
    }

    @AfterAll static void stop() throws Exception {
        defaults.close();
        limits.close();
    }

    @TestFactory Stream<DynamicTest> tls() { return Transcripts.tests("transcripts/tls", "smtp", defaults.ports(), defaults::fixture); }

    @TestFactory Stream<DynamicTest> smtp() { return Transcripts.tests("transcripts/smtp", "smtp", defaults.ports(), defaults::fixture); }

    @TestFactory Stream<DynamicTest> smtpLimits() { return Transcripts.tests("transcripts/smtp-limits", "smtp", limits.ports(), limits::fixture); }

    @TestFactory Stream<DynamicTest> submission() { return Transcripts.tests("transcripts/submission", "submission", defaults.ports(), defaults::fixture); }

    @TestFactory Stream<DynamicTest> pop3() { return Transcripts.tests("transcripts/pop3", "pop3", defaults.ports(), defaults::fixture); }

    @TestFactory Stream<DynamicTest> imapLimits() { return Transcripts.tests("transcripts/imap-limits", "imap", limits.ports(), limits::fixture); }

    @TestFactory Stream<DynamicTest> imap() { return Transcripts.tests("transcripts/imap", "imap", defaults.ports(), defaults::fixture); }
}
