package pigeon.pop3.session;

import java.io.IOException;
import java.io.InputStream;
import pigeon.pop3.Maildrop;
import pigeon.pop3.session.Pop3State.Transaction;

/** RETR and TOP (RFC 1939 §5, §7): stream a stored message onto the wire. */
final class RetrieveHandler {
    private final Maildrop maildrop;
    private final Replies replies;

    RetrieveHandler(Maildrop maildrop, Replies replies) {
        this.maildrop = maildrop;
        this.replies = replies;
    }

    Transaction retr(Transaction t, int n) throws IOException, Refused {
        Maildrop.Message m = t.message(n);
        // Opened before the first reply byte: a store failure here can still be answered with -ERR.
        try (InputStream in = maildrop.open(m)) {
            replies.ok(m.size() + " octets");
            send(in);
        }
        return t.retrievedOne();
    }

    Transaction top(Transaction t, int n, int lines) throws IOException, Refused {
        Maildrop.Message m = t.message(n);
        try (InputStream in = MessageStreams.top(maildrop.open(m), lines)) {
            replies.ok("top of message follows");
            send(in);
        }
        return t;
    }

    private void send(InputStream in) throws IOException {
        try {
            MessageStreams.writeDotStuffed(in, replies.body());
        } catch (RuntimeException e) {
            // The +OK and part of the message may be on the wire: no -ERR can follow, so end the session.
            throw new IOException("reading the stored message failed", e);
        }
        replies.end();
    }
}
