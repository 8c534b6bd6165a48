package pigeon.pop3.session;

import java.io.IOException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.pop3.Maildrop;
import pigeon.pop3.Pop3Config;
import pigeon.pop3.session.Pop3State.Closed;
import pigeon.pop3.session.Pop3State.Transaction;
import pigeon.pop3.session.Pop3State.Update;
import pigeon.store.StoreException;

/**
 * RFC 1939 §6, the UPDATE state: entered only by QUIT in TRANSACTION, the one place where messages
 * marked by DELE are removed. A session that ends any other way (the client vanishes, the read
 * times out) removes nothing.
 */
final class UpdateHandler {
    private static final Logger log = LoggerFactory.getLogger(UpdateHandler.class);

    private final Pop3Config config;
    private final Maildrop maildrop;
    private final Replies replies;

    UpdateHandler(Pop3Config config, Maildrop maildrop, Replies replies) {
        this.config = config;
        this.maildrop = maildrop;
        this.replies = replies;
    }

    Closed update(Update update) throws IOException {
        Transaction t = update.ending();
        List<Maildrop.Message> doomed = t.markedDeleted();
        boolean removed = false;
        int count = 0;
        try {
            count = maildrop.delete(t.owner(), t.snapshot(), doomed);
            removed = true;
        } catch (StoreException e) {
            log.warn("removing {} deleted messages failed", doomed.size(), e);
        } finally {
            // Released before the reply, so that a client reconnecting at once finds the maildrop free.
            t.lease().close();
        }
        log.info("logout {}: {} retrieved, {} deleted{}", t.owner().name(), t.retrieved(), count,
                removed ? "" : " (" + doomed.size() + " marked, removal failed)");
        if (!removed) {
            replies.err("[SYS/TEMP] Some deleted messages not removed");
        } else {
            int left = t.count();
            replies.ok(config.hostname() + " POP3 server signing off (" + (left == 0 ? "maildrop empty" : left + " messages left") + ")");
        }
        return new Closed();
    }
}
