package pigeon.smtp.relay;

import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;

/**
 * Stored messages begin with the Return-Path that final delivery adds (RFC 5321 §4.4), one copy
 * for local mailboxes and the queue alike. Sent on, it must go: "a message-originating SMTP system
 * SHOULD NOT send a message that already contains a Return-path header field", and the final
 * delivery server adds its own.
 */
final class ReturnPath {
    private static final byte[] NAME = "return-path:".getBytes(StandardCharsets.US_ASCII);

    private ReturnPath() {}

    /** The message without a leading Return-Path field (and unchanged if it has none). */
    static InputStream strip(InputStream message) throws IOException {
        PushbackInputStream in = new PushbackInputStream(message, NAME.length);
        byte[] head = in.readNBytes(NAME.length);
        boolean match = head.length == NAME.length;
        for (int i = 0; match && i < NAME.length; i++) match = Character.toLowerCase(head[i]) == NAME[i];
        if (!match) {
            in.unread(head);
            return in;
        }
        int b;
        while ((b = in.read()) >= 0 && b != '\n') { /* the rest of the field's one line */ }
        return in;
    }
}
