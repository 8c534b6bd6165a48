package pigeon.imap.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MailboxNamesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "&Jjo-!|\u263a!",
            "Entw&APw-rfe|Entwürfe",
            "~peter/mail/&U,BTFw-/&ZeVnLIqe-|~peter/mail/台北/日本語",  // RFC 3501 §5.1.3's example
            "Tom &- Jerry|Tom & Jerry",
            "INBOX|INBOX",
            "&AMQ-&-|Ä&",
            "&2D3eAA-|\ud83d\ude00",  // an emoji: a surrogate pair
            "Gel&APY-schte Elemente|Gelöschte Elemente",
    })
    void roundTrips(String utf7, String text) {
        assertEquals(text, MailboxNames.decodeUtf7(utf7));
        assertEquals(utf7, MailboxNames.encodeUtf7(text));
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "&Jjo",        // unterminated
            "&Jjo!-",      // not BASE64
            "&AGE-",       // encodes printable ASCII "a"
            "&Jj-",        // too few bits for a character
            "&Jjp-",       // non-zero padding bits
            "&2D0-",       // a lone high surrogate
            "caf\u00e9",   // 8-bit: not modified UTF-7
            "tab\there",
    })
    void invalid(String utf7) {
        assertThrows(IllegalArgumentException.class, () -> MailboxNames.decodeUtf7(utf7));
        assertEquals(Optional.empty(), MailboxNames.tryDecodeUtf7(utf7));
    }

    @Test void inboxInAnyCase() {
        assertTrue(MailboxNames.isInbox("inbox"));
        assertTrue(MailboxNames.isInbox("InBoX"));
        assertFalse(MailboxNames.isInbox("INBOX/Sub"));
        assertEquals("INBOX", MailboxNames.normalize("Inbox"));
        assertEquals("Sent", MailboxNames.normalize("Sent"));
        assertEquals("inbox.foo", MailboxNames.normalize("inbox.foo"));
    }
}
