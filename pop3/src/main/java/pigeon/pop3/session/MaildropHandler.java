package pigeon.pop3.session;

import java.io.IOException;
import java.util.OptionalInt;
import pigeon.pop3.session.Pop3State.Transaction;

/** STAT, LIST, UIDL, DELE, RSET and NOOP (RFC 1939 §5, §7): they read and mark the snapshot only. */
final class MaildropHandler {
    private final Replies replies;

    MaildropHandler(Replies replies) { this.replies = replies; }

    /** The reply to a login and to RSET (RFC 1939 §5): the messages not marked deleted. */
    static String summary(Transaction t) {
        return "Maildrop has " + t.count() + " messages (" + t.octets() + " octets)";
    }

    /** RFC 1939 §5 STAT: messages marked deleted are not counted. */
    Transaction stat(Transaction t) throws IOException {
        replies.ok(t.count() + " " + t.octets());
        return t;
    }

    /** RFC 1939 §5 LIST: sizes are the exact octets RETR sends before dot-stuffing. */
    Transaction list(Transaction t, OptionalInt message) throws IOException, Refused {
        if (message.isPresent()) {
            replies.ok(message.getAsInt() + " " + t.message(message.getAsInt()).size());
            return t;
        }
        replies.ok(t.count() + " messages (" + t.octets() + " octets)");
        for (int n = 1; n <= t.size(); n++) {
            if (!t.isDeleted(n)) replies.line(n + " " + t.snapshot().messages().get(n - 1).size());
        }
        replies.end();
        return t;
    }

    /** RFC 1939 §7 UIDL. */
    Transaction uidl(Transaction t, OptionalInt message) throws IOException, Refused {
        if (message.isPresent()) {
            replies.ok(message.getAsInt() + " " + t.message(message.getAsInt()).uniqueId());
            return t;
        }
        replies.ok("Unique-id listing follows");
        for (int n = 1; n <= t.size(); n++) {
            if (!t.isDeleted(n)) replies.line(n + " " + t.snapshot().messages().get(n - 1).uniqueId());
        }
        replies.end();
        return t;
    }

    /** RFC 1939 §5 DELE: only marks the message; the store is untouched until the UPDATE state. */
    Transaction dele(Transaction t, int message) throws IOException, Refused {
        t.message(message);  // refuses a missing or already deleted one
        replies.ok("message " + message + " deleted");
        return t.delete(message);
    }

    /** RFC 1939 §5 RSET. */
    Transaction rset(Transaction t) throws IOException {
        Transaction reset = t.undeleteAll();
        replies.ok(summary(reset));
        return reset;
    }

    Transaction noop(Transaction t) throws IOException {
        replies.ok("");
        return t;
    }
}
