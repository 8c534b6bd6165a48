package pigeon.imap.mime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DescriptionCodecTest {
    @ParameterizedTest
    @ValueSource(strings = {"plain.eml", "alternative.eml", "attachment.eml", "related.eml", "forward.eml", "bounce.eml",
            "missing.eml", "groups.eml", "encoded.eml", "utf8-header.eml", "digest.eml", "dovecot.eml"})
    void roundTrip(String name) {
        byte[] m = TestMessages.load(name);
        MessageDescription d = TestMessages.describe(m);
        byte[] stored = d.encode();
        assertEquals(DescriptionCodec.VERSION, stored[0]);
        MessageDescription back = MessageDescription.decode(stored);
        assertEquals(d, back);
        assertArrayEquals(stored, back.encode());
        for (boolean utf8 : new boolean[] {false, true}) {
            assertEquals(ImapRenderer.bodyStructure(d.body(), utf8), ImapRenderer.bodyStructure(back.body(), utf8));
            assertEquals(ImapRenderer.envelope(d.envelope(), utf8), ImapRenderer.envelope(back.envelope(), utf8));
        }
        // compact: well under the size of the BODYSTRUCTURE and ENVELOPE text it replaces
        int rendered = ImapRenderer.bodyStructure(d.body(), true).length() + ImapRenderer.envelope(d.envelope(), true).length();
        assertTrue(stored.length < rendered * 0.7, name + ": " + stored.length + " vs " + rendered);
    }

    @Test
    void senderSameAsFromIsStoredOnce() {
        MessageDescription d = TestMessages.describe(TestMessages.load("plain.eml"));
        MessageDescription back = MessageDescription.decode(d.encode());
        assertEquals(back.envelope().from(), back.envelope().sender());
        assertEquals(back.envelope().from(), back.envelope().replyTo());
    }

    @Test
    void refusesUnknownVersionsAndDamage() {
        byte[] stored = TestMessages.describe(TestMessages.load("forward.eml")).encode();
        byte[] v2 = stored.clone();
        v2[0] = 2;
        assertThrows(IllegalArgumentException.class, () -> MessageDescription.decode(v2));
        assertThrows(IllegalArgumentException.class, () -> MessageDescription.decode(new byte[0]));
        assertThrows(IllegalArgumentException.class,
                () -> MessageDescription.decode(Arrays.copyOf(stored, stored.length - 3)));
        byte[] longer = Arrays.copyOf(stored, stored.length + 1);
        assertThrows(IllegalArgumentException.class, () -> MessageDescription.decode(longer));
    }
}
