package pigeon.smtp.relay;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The small pieces: reply parsing, dot-stuffing, the retry schedule. */
class UnitsTest {
    static SmtpReply reply(String wire) throws IOException {
        return new ReplyReader(new ByteArrayInputStream(wire.getBytes(StandardCharsets.UTF_8))).read();
    }

    @Test void multiLineReply() throws IOException {
        SmtpReply r = reply("250-mx.test\r\n250-SIZE 10\r\n250 HELP\r\n");
        assertEquals(250, r.code());
        assertEquals(List.of("mx.test", "SIZE 10", "HELP"), r.lines());
        assertEquals("250 mx.test SIZE 10 HELP", r.toString());
    }

    @Test void bareCodeAndEnhancedStatus() throws IOException {
        assertEquals(List.of(""), reply("354\r\n").lines());
        assertEquals("5.1.1", reply("550 5.1.1 No such user\r\n").status());
        assertEquals("5.0.0", reply("550 no such user\r\n").status());
        assertEquals("4.0.0", reply("451 5.1.1 mismatched class\r\n").status(), "a status of another class is ignored");
    }

    @Test void malformedReplies() {
        assertThrows(ProtocolException.class, () -> reply("25 short\r\n"));
        assertThrows(ProtocolException.class, () -> reply("250-a\r\n251 b\r\n"));
        assertThrows(ProtocolException.class, () -> reply("250-unfinished\r\n"));
        assertThrows(ProtocolException.class, () -> reply("hello\r\n"));
    }

    static String stuff(String in) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        DotStuffingOutputStream d = new DotStuffingOutputStream(out);
        d.write(in.getBytes(StandardCharsets.UTF_8));
        d.finish();
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test void dotStuffing() throws IOException {
        assertEquals(".\r\n", stuff(""));
        assertEquals("a\r\n.\r\n", stuff("a"));
        assertEquals("a\r\n.\r\n", stuff("a\r\n"));
        assertEquals("..\r\n..b\r\nc.\r\n.\r\n", stuff(".\r\n.b\nc.\r"));
        assertEquals("a\r\n\r\nb\r\n.\r\n", stuff("a\r\rb"));
    }

    @Test void retryScheduleDoublesUpToTheCap() {
        RetrySchedule s = RetrySchedule.DEFAULT;
        assertEquals(List.of(5L, 10L, 20L, 40L, 80L, 160L, 240L, 240L),
                java.util.stream.IntStream.rangeClosed(1, 8).mapToObj(n -> s.delayAfter(n).toMinutes()).toList());
        assertEquals(Duration.ofHours(4), s.delayAfter(1000));
        // 5+10+20+40+80 = 155 min < 4 h ≤ 155+160 = 315 min: the 7th attempt (6 made before it).
        assertEquals(6, s.firstAttemptAtOrAfter(Duration.ofHours(4)));
        assertEquals(0, s.firstAttemptAtOrAfter(Duration.ZERO));
        assertEquals(1, s.firstAttemptAtOrAfter(Duration.ofMinutes(5)));
    }

    @Test void configDefaultsAndValidation() {
        RelayConfig c = RelayConfig.defaults("mail.example.org");
        assertEquals(25, c.remotePort());
        assertEquals(4, c.workers());
        assertEquals(Duration.ofDays(5), c.maxAge());
        assertEquals(Duration.ofHours(4), c.delayNoticeAfter().orElseThrow());
        assertEquals(Duration.ofSeconds(30), c.timeouts().connect());
        assertThrows(IllegalArgumentException.class, () -> c.withWorkers(0));
        assertThrows(IllegalArgumentException.class, () -> c.withRemotePort(0));
        assertThrows(IllegalArgumentException.class, () -> RelayConfig.defaults("bad name"));
    }
}
