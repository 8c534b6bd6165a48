package pigeon.imap.session;

import java.io.IOException;
import java.io.InputStream;
import java.time.OffsetDateTime;
import java.util.Set;
import pigeon.imap.message.MessageView;
import pigeon.imap.mime.MessageDescription;
import pigeon.store.Mailboxes;

/** A {@link MessageView} of the selected mailbox at one moment; the description comes from its batch. */
record StoredMessage(int seq, long uid, long modSeq, Set<String> flags, OffsetDateTime internalDate, long size, long messageId,
                     DescriptionLoader loader, Mailboxes store) implements MessageView {
    @Override public MessageDescription description() { return loader.description(messageId); }

    @Override public InputStream open(long offset, long length) throws IOException {
        return offset == 0 && length >= size ? store.openContent(messageId) : store.openContent(messageId, offset, length);
    }

    @Override public String toString() { return "StoredMessage[seq=" + seq + ", uid=" + uid + "]"; }
}
