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

    /** TLS and the limits issue 9 named: the same key names in every protocol, defaults as documented. */
    @Test void tlsAndLimitKeys() throws Exception {
        PigeonConfig d = PigeonConfig.load(dir, null, Map.of());
        assertEquals(java.util.List.of("submissions", "imaps", "pop3s"), d.implicitTls().stream().map(l -> l.protocol()).toList());
        assertEquals(java.util.List.of(2465, 2993, 2995), d.implicitTls().stream().map(l -> l.address().getPort()).toList());
        for (var l : java.util.List.of(d.smtpListener(), d.submissionListener(), d.pop3Listener(), d.imapListener())) {
            assertEquals(50, l.maxConnectionsPerIp(), l.protocol());
            assertEquals(10_000, l.maxConnections(), l.protocol());
            assertEquals(1000, l.maxCommandsPerSecond(), l.protocol());
            assertTrue(l.plaintextOnLoopback());
        }
        assertEquals(java.time.Duration.ofMinutes(5), d.smtpListener().readTimeout(), "RFC 5321 §4.5.3.2.7");
        assertEquals(java.time.Duration.ofMinutes(10), d.pop3Listener().readTimeout(), "RFC 1939 §3");
        assertEquals(java.time.Duration.ofMinutes(30), d.imapListener().readTimeout(), "RFC 9051 §5.4");
        assertTrue(d.tls().certificate().isEmpty(), "self-signed by default");

        PigeonConfig c = PigeonConfig.load(dir, null, Map.of("imaps.port", "off", "imap.max-connections", "7", "imap.max-errors", "4",
                "pop3.max-errors", "3", "pop3.max-line-length", "1000", "auth.plaintext-on-loopback", "false", "smtp.max-commands-per-second", "9"));
        assertEquals(java.util.List.of("submissions", "pop3s"), c.implicitTls().stream().map(l -> l.protocol()).toList());
        assertEquals(7, c.imapListener().maxConnections());
        assertEquals(4, c.imap().maxErrors());
        assertEquals(3, c.pop3().maxErrors());
        assertEquals(1000, c.pop3().maxLineLength());
        assertFalse(c.smtpListener().plaintextOnLoopback());
        assertEquals(9, c.smtpListener().maxCommandsPerSecond());
        for (Map<String, String> bad : java.util.List.of(Map.of("tls.certificate", "/x.pem"), Map.of("imaps.port", "99999"),
                Map.of("auth.plaintext-on-loopback", "maybe"), Map.of("smtp.max-commands-per-second", "0"))) {
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
