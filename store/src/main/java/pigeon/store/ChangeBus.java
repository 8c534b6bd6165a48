package pigeon.store;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Hands committed mailbox changes to listeners, on the committing thread: listeners must not block. */
final class ChangeBus {
    private static final Logger log = LoggerFactory.getLogger(ChangeBus.class);
    private final List<Consumer<MailboxChange>> listeners = new CopyOnWriteArrayList<>();

    AutoCloseable subscribe(Consumer<MailboxChange> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    void publish(MailboxChange change) {
        for (Consumer<MailboxChange> l : listeners) {
            try {
                l.accept(change);
            } catch (RuntimeException e) {
                log.warn("change listener failed on {}", change, e);
            }
        }
    }
}
