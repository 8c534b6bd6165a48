package pigeon.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pigeon.imap.decode.ImapLimits;

/** The configuration file's IMAP and webmail keys: defaults, sizes with units, bounds, and typos refused. */
class PigeonConfigTest {
    @TempDir Path dir;

    @Test void imapLimitsDefaultAndComeFromTheFile() throws Exception {
        assertEquals(ImapLimits.DEFAULTS.maxLineLength(), PigeonConfig.load(dir, null, Map.of()).imap().limits().maxLineLength());
        Files.writeString(dir.resolve(PigeonConfig.FILE_NAME),
                "imap.max-line-length = 8192\nimap.max-literal-size = 2K\nimap.max-nesting = 5\nimap.max-literals = 2\nsmtp.max-message-size = 1M\n");
        ImapLimits l = PigeonConfig.load(dir, null, Map.of()).imap().limits();
        assertEquals(8192, l.maxLineLength());
        assertEquals(2048, l.maxLiteralSize());
        assertEquals(5, l.maxNesting());
        assertEquals(2, l.maxLiterals());
        assertEquals(1 << 20, l.maxMessageSize(), "APPEND's limit follows smtp.max-message-size");
    }

    @Test void badValuesAndUnknownKeysStopTheStart() {
        for (Map<String, String> bad : java.util.List.of(Map.of("imap.max-line-length", "100"), Map.of("imap.max-literal-size", "1G"),
                Map.of("imap.max-nesting", "0"), Map.of("imap.max-line-lenght", "8192"), Map.of("imap.timeout", "5m"))) {
            assertThrows(IllegalArgumentException.class, () -> PigeonConfig.load(dir, null, bad), bad.toString());
        }
    }

    @Test void webmailKeysDefaultAndComeFromTheFile() throws Exception {
        pigeon.webmail.WebmailConfig d = PigeonConfig.load(dir, null, Map.of()).webmail();
        assertEquals(8080, d.address().getPort());
        assertEquals("127.0.0.1", d.address().getAddress().getHostAddress(), "follows bind");
        assertEquals(java.time.Duration.ofHours(8), d.sessionTimeout());
        assertEquals(5, d.maxFailedLogins());
        assertEquals(50, d.pageSize());
        pigeon.webmail.WebmailConfig c = PigeonConfig.load(dir, null, Map.of("webmail.port", "9090", "webmail.bind", "0.0.0.0",
                "webmail.session-timeout", "30m", "webmail.max-failed-logins", "3", "webmail.failed-login-delay", "0s",
                "webmail.page-size", "20", "smtp.max-message-size", "2M")).webmail();
        assertEquals(9090, c.address().getPort());
        assertTrue(c.address().getAddress().isAnyLocalAddress());
        assertEquals(java.time.Duration.ofMinutes(30), c.sessionTimeout());
        assertEquals(3, c.maxFailedLogins());
        assertEquals(20, c.pageSize());
        assertEquals(2 << 20, c.maxMessageSize(), "the webmail's message limit follows smtp.max-message-size");
        for (Map<String, String> bad : java.util.List.of(Map.of("webmail.page-size", "0"), Map.of("webmail.session-timeout", "10s"),
                Map.of("webmail.max-failed-logins", "0"), Map.of("webmail.prot", "80"))) {
            assertThrows(IllegalArgumentException.class, () -> PigeonConfig.load(dir, null, bad), bad.toString());
        }
    }
}
