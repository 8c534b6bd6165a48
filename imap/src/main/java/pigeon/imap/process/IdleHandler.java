package pigeon.imap.process;

import java.io.EOFException;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SelectedMailbox;
import pigeon.imap.session.SessionContext;
import pigeon.imap.session.Updates;
import pigeon.protocol.net.LineTooLongException;

/**
 * IDLE (RFC 2177): {@code + idling}, then the session's thread blocks reading {@code DONE} while a
 * second virtual thread pushes the selected mailbox's updates as the store reports them (woken by the
 * change event: no polling). Both write through the {@link pigeon.imap.encode.ResponseWriter}'s lock.
 */
final class IdleHandler {
    private static final Logger log = LoggerFactory.getLogger(IdleHandler.class);
    /** A safety net only: changes wake the pusher at once. */
    private static final Duration RECHECK = Duration.ofMinutes(1);

    Outcome idle(ImapState state, SessionContext ctx) throws IOException, ImapException {
        ctx.out().continuation("idling");
        AtomicBoolean done = new AtomicBoolean();
        SelectedMailbox mailbox = state instanceof ImapState.Selected s ? s.mailbox() : null;
        Thread pusher = null;
        if (mailbox != null) {
            Map<String, String> mdc = MDC.getCopyOfContextMap();
            pusher = Thread.ofVirtual().name("imap-idle").start(() -> {
                if (mdc != null) MDC.setContextMap(mdc);
                push(mailbox, ctx, done);
            });
        }
        String line;
        try {
            line = ctx.reader().readLine();
        } catch (LineTooLongException e) {
            line = "";
        } finally {
            done.set(true);
            if (pusher != null) {
                mailbox.wakeUp();
                try {
                    pusher.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        if (line == null) throw new EOFException("client left during IDLE");
        if (!line.strip().equalsIgnoreCase("DONE")) throw ImapException.bad("Expected DONE");
        return Outcome.ok(state, "IDLE terminated");
    }

    /** Writes updates (expunges included: RFC 2177 allows them) until DONE, or until the client is gone. */
    private static void push(SelectedMailbox mailbox, SessionContext ctx, AtomicBoolean done) {
        try {
            while (!done.get()) {
                boolean alive = Updates.write(mailbox, ctx, true);
                ctx.out().flush();
                if (!alive) {  // the mailbox was deleted: BYE is out, close so the reading thread ends too
                    ctx.connection().close();
                    return;
                }
                mailbox.awaitChange(RECHECK);
            }
        } catch (IOException e) {
            log.debug("IDLE push failed: {}", e.toString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            log.warn("IDLE push failed", e);
        }
    }
}
