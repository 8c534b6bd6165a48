package pigeon.imap.process;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import pigeon.imap.command.Catenation;
import pigeon.imap.decode.ImapUrl;
import pigeon.imap.fetch.FetchResponder;
import pigeon.imap.message.MessageView;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState;
import pigeon.imap.session.SessionContext;
import pigeon.store.Account;
import pigeon.store.MailboxInfo;

/**
 * RFC 4469 CATENATE: the new message as one stream, its parts read in turn as the store reads it: a TEXT
 * part from the wire, a URL part from the message or section it names (RFC 5092), which must be one of
 * this account's on this server. A URL that names nothing, or not here, stops the stream with
 * {@link BadUrl}; a message past the limit with {@link AppendHandler.TooBig}: the store then commits
 * nothing of the APPEND.
 */
final class CatenateParts extends InputStream {
    /** A URL part that names no message or part of this account: {@code NO [BADURL url]}. */
    static final class BadUrl extends IOException {
        final String url;

        BadUrl(String url, String why) {
            super(why);
            this.url = url;
        }

        /** The URL as it can go in a response code: octets outside printable ASCII, and {@code ]}, %-encoded. */
        String responseUrl() {
            StringBuilder b = new StringBuilder();
            for (byte x : url.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
                int c = x & 0xff;
                if (c > 0x20 && c < 0x7f && c != ']') b.append((char) c);
                else b.append('%').append(String.format("%02X", c));
            }
            return b.toString();
        }
    }

    private final Catenation parts;
    private final SessionContext ctx;
    private final ImapState state;
    private final long max;
    private final byte[] one = new byte[1];
    private InputStream current;
    private long total;

    CatenateParts(Catenation parts, SessionContext ctx, ImapState state, long max) {
        this.parts = parts;
        this.ctx = ctx;
        this.state = state;
        this.max = max;
    }

    @Override public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override public int read(byte[] buf, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, buf.length);
        if (len == 0) return 0;
        while (true) {
            if (current == null && !advance()) return -1;
            int n = current.read(buf, off, len);
            if (n >= 0) {
                total += n;
                if (total > max) throw new AppendHandler.TooBig();
                if (n > 0) return n;
            } else {
                current.close();
                current = null;
            }
        }
    }

    /** Opens the next part; false after the last (the catenation stays at its end). */
    private boolean advance() throws IOException {
        Optional<Catenation.Part> next = parts.nextPart();
        if (next.isEmpty()) return false;
        current = switch (next.get()) {
            case Catenation.Text t -> {
                // refused before the client is invited to send it
                if (total + t.literal().size() > max) throw new AppendHandler.TooBig();
                yield t.literal().open();
            }
            case Catenation.Url u -> open(u.url());
        };
        return true;
    }

    @Override public void close() throws IOException {
        if (current != null) current.close();
        current = null;
    }

    /** The octets a URL part names. */
    private InputStream open(String url) throws IOException {
        ImapUrl u;
        try {
            u = ImapUrl.parse(url);
        } catch (IllegalArgumentException e) {
            throw new BadUrl(url, "Not an IMAP URL of a message");
        }
        if (u.urlAuth()) throw new BadUrl(url, "URLAUTH is not supported");
        Account account = MailboxHandler.account(state);
        if (u.user().isPresent() && !u.user().get().equalsIgnoreCase(account.address().toString()))
            throw new BadUrl(url, "Another user's mailbox");
        if (u.host().isPresent() && !thisServer(u.host().get())) throw new BadUrl(url, "Another server's message");
        long mailboxId;
        long uidValidity;
        if (u.mailbox().isPresent()) {
            MailboxInfo info;
            try {
                info = MailboxHandler.find(ctx, account, ctx.mailboxName(u.mailbox().get()));
            } catch (ImapException e) {
                throw new BadUrl(url, "No such mailbox");
            }
            mailboxId = info.id();
            uidValidity = info.uidValidity();
        } else if (state instanceof ImapState.Selected s) {
            mailboxId = s.mailbox().mailboxId();
            uidValidity = s.mailbox().uidValidity();
        } else {
            throw new BadUrl(url, "A relative URL needs a selected mailbox");
        }
        if (u.uidValidity().isPresent() && u.uidValidity().getAsLong() != uidValidity) throw new BadUrl(url, "UIDVALIDITY has changed");
        MessageView m = ctx.storedMessage(mailboxId, u.uid()).orElseThrow(() -> new BadUrl(url, "No such message"));
        return FetchResponder.sectionOctets(m, u.section(), u.partial()).orElseThrow(() -> new BadUrl(url, "No such part"));
    }

    /** The host of an absolute URL: this server's name, or a loopback name or address. */
    private boolean thisServer(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        return h.equalsIgnoreCase(ctx.services().config().hostname()) || h.equalsIgnoreCase("localhost")
                || h.equals("127.0.0.1") || h.equals("::1");
    }
}
