package pigeon.server;

import static org.junit.jupiter.api.Assertions.*;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pigeon.imap.decode.ImapLimits;

/** The configuration file's IMAP keys: defaults, sizes with units, bounds, and typos refused. */
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
}
