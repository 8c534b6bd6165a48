package pigeon.smtp.relay;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import pigeon.protocol.queue.QueueEntry;

/** A {@link Bouncer} that remembers each notice (and fails when told to). */
final class RecordingBouncer implements Bouncer {
    record Notice(QueueEntry entry, List<RecipientFailure> failures, boolean delayed) {}

    final List<Notice> notices = new CopyOnWriteArrayList<>();
    volatile boolean failing;

    @Override public void bounce(QueueEntry entry, List<RecipientFailure> failures, boolean delayed) throws Exception {
        if (failing) throw new Exception("store is down");
        notices.add(new Notice(entry, List.copyOf(failures), delayed));
    }

    List<Notice> bounces() { return notices.stream().filter(n -> !n.delayed()).toList(); }

    List<Notice> delays() { return notices.stream().filter(Notice::delayed).toList(); }
}
