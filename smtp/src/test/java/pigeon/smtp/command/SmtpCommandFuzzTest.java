package pigeon.smtp.command;

import static org.junit.jupiter.api.Assertions.*;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.time.Duration;
import pigeon.protocol.delivery.MailAddress;

/**
 * Coverage-guided fuzzing of the SMTP command parser (Jazzer): any command line a client may send,
 * decoded as the session's line reader does (UTF-8, malformed bytes as U+FFFD, at most the default
 * 2048 octets). Without {@code JAZZER_FUZZ=1} this runs the seed corpus in
 * {@code SmtpCommandFuzzTestInputs/} as a regression test (README, "Fuzzing"). Properties:
 * <ul>
 * <li>{@link CommandParser#parse} never throws: bad syntax is {@link SmtpCommand.Invalid}, an
 *     unknown verb {@link SmtpCommand.Unknown} (at most 20 characters, as it is echoed in logs);
 * <li>no control character (CR, LF, NUL...) survives into any parsed value, so none can reach a
 *     header ({@code Return-Path}, {@code Received}) or a log line;
 * <li>an address that parses is a fixed point: parsing what it prints gives it back, within
 *     RFC 5321 §4.5.3.1's lengths.
 * </ul>
 */
class SmtpCommandFuzzTest {
    private static final int MAX_LINE = 2048;
    private final CommandParser parser = new CommandParser("mx.example.test");

    @FuzzTest(maxDuration = "45s")
    void parsesAnyLineIntoACommand(byte[] input) {
        // Never hangs: a slow input fails here, in ./test and while fuzzing alike.
        assertTimeoutPreemptively(Duration.ofSeconds(5), () -> parse(input));
    }

    private void parse(byte[] input) {
        byte[] line = Arrays.copyOf(input, Math.min(input.length, MAX_LINE));
        SmtpCommand command = parser.parse(new String(line, StandardCharsets.UTF_8));
        assertNotNull(command);
        String shown = command.toString();
        assertTrue(shown.chars().noneMatch(Character::isISOControl), "a control character in " + shown);
        switch (command) {
            case SmtpCommand.Mail m -> m.sender().ifPresent(SmtpCommandFuzzTest::fixedPoint);
            case SmtpCommand.Rcpt r -> fixedPoint(r.recipient());
            case SmtpCommand.Unknown u -> assertTrue(u.verb().length() <= 20, u.verb());
            case SmtpCommand.Auth a -> assertTrue(a.initialResponse().orElse("").chars().noneMatch(Character::isISOControl));
            default -> { }
        }
    }

    private static void fixedPoint(MailAddress a) {
        assertTrue(a.localPart().length() <= MailAddress.MAX_LOCAL_PART && a.domain().length() <= MailAddress.MAX_DOMAIN, a.toString());
        assertEquals(a, MailAddress.parse(a.toString()), "parses back to itself");
    }
}
