package pigeon.webmail;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import pigeon.store.MailboxChange;
import pigeon.store.MailboxInfo;
import pigeon.store.Mailboxes;

/**
 * New mail (and any other change) pushed to open pages as server-sent events: the store's change
 * listener only drops the mailbox id into each interested browser's queue (listeners must not
 * block); each event stream, on its own virtual thread, writes what its queue holds.
 */
final class Push implements AutoCloseable {
    /** Comment lines keep proxies and Jetty's idle timeout from closing a quiet stream. */
    private static final long HEARTBEAT_SECONDS = 20;

    private final Mailboxes mailboxes;
    private final Map<Long, Set<LinkedBlockingQueue<Long>>> byAccount = new ConcurrentHashMap<>();
    private final Map<Long, Long> accountOfMailbox = new ConcurrentHashMap<>();
    private final AutoCloseable subscription;
    private volatile boolean closed;

    Push(Mailboxes mailboxes) {
        this.mailboxes = mailboxes;
        this.subscription = mailboxes.subscribe(this::changed);
    }

    private void changed(MailboxChange c) {
        Long account = accountOfMailbox.get(c.mailboxId());
        if (account == null) return;  // no open page of this mailbox's account
        Set<LinkedBlockingQueue<Long>> queues = byAccount.get(account);
        if (queues != null) for (LinkedBlockingQueue<Long> q : queues) q.offer(c.mailboxId());
    }

    /** The event stream of one page: {@code event: change} with the mailbox id, until the browser goes. */
    void stream(Context ctx) throws IOException {
        Sessions.WebSession s = Security.session(ctx);
        long account = s.account().id();
        for (MailboxInfo m : mailboxes.list(account)) accountOfMailbox.put(m.id(), account);
        LinkedBlockingQueue<Long> queue = new LinkedBlockingQueue<>(1000);
        byAccount.computeIfAbsent(account, k -> ConcurrentHashMap.newKeySet()).add(queue);
        ctx.contentType("text/event-stream; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Accel-Buffering", "no");
        try (OutputStream out = ctx.res().getOutputStream()) {
            write(out, "retry: 3000\n: connected\n\n");
            while (!closed) {
                Long mailbox = queue.poll(HEARTBEAT_SECONDS, TimeUnit.SECONDS);
                if (closed) break;
                if (mailbox == null) {
                    write(out, ": keep-alive\n\n");
                    continue;
                }
                queue.clear();  // one event says "look again"; a burst of changes needs no more
                write(out, "event: change\ndata: " + mailbox + "\n\n");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // the browser went away: nothing to do but stop
        } finally {
            Set<LinkedBlockingQueue<Long>> set = byAccount.get(account);
            if (set != null) set.remove(queue);
        }
    }

    /** A folder created after the page opened is learnt here too. */
    void know(MailboxInfo m) { accountOfMailbox.put(m.id(), m.accountId()); }

    private static void write(OutputStream out, String s) throws IOException {
        out.write(s.getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** Ends every open stream at once (a stop must not wait for the next heartbeat). */
    @Override public void close() {
        closed = true;
        byAccount.values().forEach(set -> set.forEach(q -> q.offer(-1L)));
        try {
            subscription.close();
        } catch (Exception e) {
            // nothing to release beyond the listener
        }
    }
}
