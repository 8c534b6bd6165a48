package pigeon.imap.session;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.imap.mime.MessageDescription;
import pigeon.store.Mailboxes;

/**
 * The descriptions of one batch of messages (one FETCH or SEARCH): loaded from the store in bulk the
 * first time any is asked for; a message that has none (stored before there was an analyzer, or one
 * that can't be decoded) is parsed when asked for, and its description stored for next time.
 * Used by one thread at a time.
 */
final class DescriptionLoader {
    private static final Logger log = LoggerFactory.getLogger(DescriptionLoader.class);
    private static final int CHUNK = 500;

    private final Mailboxes store;
    private final List<Long> messageIds;
    private Map<Long, byte[]> stored;
    private final Map<Long, MessageDescription> decoded = new HashMap<>();

    DescriptionLoader(Mailboxes store, List<Long> messageIds) {
        this.store = store;
        this.messageIds = messageIds;
    }

    MessageDescription description(long messageId) {
        MessageDescription d = decoded.get(messageId);
        if (d != null) return d;
        if (stored == null) load();
        byte[] bytes = stored.remove(messageId);
        if (bytes != null && bytes.length > 0) {
            try {
                d = MessageDescription.decode(bytes);
            } catch (RuntimeException e) {
                log.warn("description of message {} can't be decoded, parsing the message again: {}", messageId, e.toString());
            }
        }
        if (d == null) d = parse(messageId);
        decoded.put(messageId, d);
        return d;
    }

    private void load() {
        stored = new HashMap<>();
        for (int i = 0; i < messageIds.size(); i += CHUNK) {
            stored.putAll(store.descriptions(messageIds.subList(i, Math.min(messageIds.size(), i + CHUNK))));
        }
    }

    private MessageDescription parse(long messageId) {
        try (InputStream in = store.openContent(messageId)) {
            MessageDescription d = MessageDescription.parse(in);
            store.setDescription(messageId, d.encode());
            return d;
        } catch (IOException e) {
            throw new UncheckedIOException("reading message " + messageId + " failed", e);
        }
    }
}
