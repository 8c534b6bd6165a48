package pigeon.server.transcript;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * The runner over real sockets against GreenMail's SMTP and POP3 servers, with the sample
 * transcripts under {@code transcript-selftest/}: the shape the server's own transcript
 * tests take.
 */
class TranscriptRunnerSelfTest {

    private static GreenMail greenMail;

    @BeforeAll
    static void start() {
        greenMail = new GreenMail(ServerSetup.dynamicPort(ServerSetupTest.SMTP_POP3));
        greenMail.start();
        greenMail.setUser("alice@localhost", "alice", "secret");
    }

    @AfterAll
    static void stop() {
        greenMail.stop();
    }

    private static Map<String, InetSocketAddress> ports() {
        return Map.of(
                "smtp", new InetSocketAddress(greenMail.getSmtp().getBindTo(), greenMail.getSmtp().getPort()),
                "pop3", new InetSocketAddress(greenMail.getPop3().getBindTo(), greenMail.getPop3().getPort()));
    }

    /** {@code empty}: no messages anywhere; {@code alice-has-1}: one message in alice's inbox. */
    private static void fixture(String name) throws Exception {
        switch (name) {
            case "empty" -> greenMail.purgeEmailFromAllMailboxes();
            case "alice-has-1" -> greenMail.getUserManager().getUser("alice").deliver(GreenMailUtil.createTextEmail(
                    "alice@localhost", "bob@example.org", "Hello", "Hi Alice.\r\n", greenMail.getSmtp().getServerSetup()));
            default -> throw new IllegalArgumentException("unknown fixture " + name);
        }
    }

    @TestFactory
    Stream<DynamicTest> smtp() {
        return Transcripts.tests("transcript-selftest/smtp", ports(), TranscriptRunnerSelfTest::fixture);
    }

    @TestFactory
    Stream<DynamicTest> pop3() {
        return Transcripts.tests("transcript-selftest/pop3", ports(), TranscriptRunnerSelfTest::fixture);
    }
}
