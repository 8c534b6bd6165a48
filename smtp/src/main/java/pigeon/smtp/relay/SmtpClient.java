package pigeon.smtp.relay;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.protocol.delivery.MailAddress;
import pigeon.protocol.net.TimedOutputStream;

/**
 * One client connection to a remote SMTP server (RFC 5321), blocking: greeting, EHLO (HELO when
 * EHLO is refused), opportunistic STARTTLS, then any number of mail transactions, then QUIT.
 * Not thread-safe: one worker uses it at a time.
 *
 * <p>8-bit content goes with {@code BODY=8BITMIME} when the server offers it (RFC 6152), and as it is
 * when it does not: converting to 7-bit (RFC 6152 §3 and RFC 1652's downgrade) is not done; almost
 * every server today accepts 8-bit data anyway.
 */
final class SmtpClient implements Closeable {
    private static final Logger log = LoggerFactory.getLogger(SmtpClient.class);
    private static final AtomicLong IDS = new AtomicLong();

    private final String id = "c" + IDS.incrementAndGet();
    private final String host;
    private final SmtpTimeouts timeouts;
    private Socket socket;
    private ReplyReader in;
    private TimedOutputStream timedOut;
    private OutputStream out;
    private Extensions extensions = Extensions.NONE;
    private boolean tls;

    private SmtpClient(String host, SmtpTimeouts timeouts) {
        this.host = host;
        this.timeouts = timeouts;
    }

    /**
     * Connects and greets: reads the 220, says EHLO (or HELO), and upgrades to TLS when offered and
     * {@code tryTls}.
     *
     * @param host the remote host's name, for logs and the DSN's Remote-MTA
     * @throws TlsFailedException when the TLS handshake failed (connect again with {@code tryTls} false)
     * @throws ReplyException     when the greeting or HELO was refused
     * @throws IOException        when the connection failed
     */
    static SmtpClient open(InetAddress address, int port, String host, String ourName, SmtpTimeouts timeouts, boolean tryTls)
            throws IOException {
        SmtpClient c = new SmtpClient(host, timeouts);
        try {
            c.connect(new InetSocketAddress(address, port));
            c.greet(ourName, tryTls);
            return c;
        } catch (IOException | RuntimeException e) {
            c.closeQuietly();
            throw e;
        }
    }

    private void connect(InetSocketAddress address) throws IOException {
        socket = new Socket();
        socket.setTcpNoDelay(true);
        socket.connect(address, (int) timeouts.connect().toMillis());
        streams();
        log.debug("{} connected to {} [{}]", id, host, address);
    }

    private void streams() throws IOException {
        in = new ReplyReader(new BufferedInputStream(socket.getInputStream(), 8192));
        timedOut = new TimedOutputStream(socket.getOutputStream(), socket, timeouts.command().toMillis());
        out = new BufferedOutputStream(timedOut, 8192);
    }

    private void greet(String ourName, boolean tryTls) throws IOException {
        SmtpReply greeting = read(timeouts.greeting());  // RFC 5321 §4.5.3.2.1
        if (greeting.code() != 220) throw new ReplyException("greeting", greeting);
        hello(ourName);
        if (tryTls && extensions.has("STARTTLS")) {
            SmtpReply r = command("STARTTLS");
            if (r.code() != 220) {  // RFC 3207 §4: go on without TLS
                log.debug("{} {} refused STARTTLS: {}", id, host, r);
                return;
            }
            try {
                socket.setSoTimeout((int) timeouts.command().toMillis());
                socket = OpportunisticTls.wrap(socket, host);
            } catch (IOException e) {
                throw new TlsFailedException(e);
            }
            streams();
            tls = true;
            hello(ourName);  // RFC 3207 §4.2: forget what was learnt before TLS
        }
    }

    /** RFC 5321 §4.1.1.1 and §3.2: EHLO, and HELO if the server does not know EHLO. */
    private void hello(String ourName) throws IOException {
        SmtpReply r = command("EHLO " + ourName);
        if (r.code() == 250) {
            extensions = Extensions.fromEhlo(r);
            return;
        }
        if (!r.permanent()) throw new ReplyException("EHLO", r);
        r = command("HELO " + ourName);
        if (r.code() != 250) throw new ReplyException("HELO", r);
        extensions = Extensions.NONE;
    }

    Extensions extensions() { return extensions; }

    boolean tls() { return tls; }

    String host() { return host; }

    String id() { return id; }

    boolean isOpen() { return socket != null && !socket.isClosed(); }

    /**
     * One mail transaction. With PIPELINING (RFC 2920) MAIL and every RCPT go in one write and their
     * replies are read after; DATA is sent only when a recipient was accepted, and is never pipelined.
     * The caller checks SMTPUTF8 support first.
     *
     * @throws IOException when the connection failed or the message could not be read: the
     *                     connection is then unusable, and nothing is known to be delivered
     */
    SendResult send(Optional<MailAddress> sender, List<MailAddress> recipients, Payload payload, boolean smtpUtf8)
            throws IOException {
        StringBuilder mail = new StringBuilder("MAIL FROM:<").append(sender.map(MailAddress::toString).orElse("")).append('>');
        if (extensions.has("SIZE")) mail.append(" SIZE=").append(payload.size());  // RFC 1870 §6
        if (payload.eightBit() && extensions.has("8BITMIME")) mail.append(" BODY=8BITMIME");  // RFC 6152 §3
        if (smtpUtf8) mail.append(" SMTPUTF8");  // RFC 6531 §3.4
        List<String> commands = new ArrayList<>();
        commands.add(mail.toString());
        for (MailAddress r : recipients) commands.add("RCPT TO:<" + r + ">");

        List<SmtpReply> replies = new ArrayList<>();
        if (extensions.has("PIPELINING")) {
            for (String c : commands) write(c);
            out.flush();
            for (int i = 0; i < commands.size(); i++) replies.add(read(timeouts.command()));
        } else {
            replies.add(command(commands.get(0)));
            if (replies.get(0).positive()) for (String c : commands.subList(1, commands.size())) replies.add(command(c));
        }
        SmtpReply mailReply = replies.get(0);
        if (!mailReply.positive()) {
            // RFC 2920 §3.1: a pipelined RCPT after a refused MAIL was refused too; RSET is the caller's.
            return new SendResult(mailReply, recipients.stream().map(r -> new SendResult.RecipientReply(r, mailReply)).toList());
        }
        List<MailAddress> accepted = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) if (replies.get(i + 1).positive()) accepted.add(recipients.get(i));
        SmtpReply end = accepted.isEmpty() ? null : data(payload);
        List<SendResult.RecipientReply> result = new ArrayList<>();
        for (int i = 0; i < recipients.size(); i++) {
            SmtpReply rcpt = replies.get(i + 1);
            result.add(new SendResult.RecipientReply(recipients.get(i), rcpt.positive() ? end : rcpt));
        }
        return new SendResult(mailReply, result);
    }

    /** DATA, the message dot-stuffed, and the final reply (RFC 5321 §4.1.1.4). */
    private SmtpReply data(Payload payload) throws IOException {
        SmtpReply go = command("DATA", timeouts.dataInit());
        if (go.code() != 354) return go;
        timedOut.timeout(timeouts.dataBlock().toMillis());
        try (InputStream message = payload.open()) {
            DotStuffingOutputStream data = new DotStuffingOutputStream(out);
            message.transferTo(data);
            data.finish();
        } finally {
            timedOut.timeout(timeouts.command().toMillis());
        }
        SmtpReply r = read(timeouts.dataTermination());
        log.debug("{} {} end of data: {}", id, host, r);
        return r;
    }

    /** RSET (RFC 5321 §4.1.1.5): clears a transaction; also checks that a reused connection is alive. */
    void reset() throws IOException {
        SmtpReply r = command("RSET");
        if (r.code() != 250) throw new ReplyException("RSET", r);
    }

    /** QUIT and close; never fails. */
    void quit() {
        try {
            if (socket != null && !socket.isClosed()) command("QUIT");
        } catch (IOException e) {
            log.debug("{} {} QUIT failed: {}", id, host, e.toString());
        } finally {
            closeQuietly();
        }
    }

    @Override public void close() { closeQuietly(); }

    private void closeQuietly() {
        try {
            if (socket != null) socket.close();
        } catch (IOException ignored) {
            // nothing more to do with it
        }
    }

    private SmtpReply command(String line) throws IOException { return command(line, timeouts.command()); }

    private SmtpReply command(String line, java.time.Duration timeout) throws IOException {
        write(line);
        out.flush();
        return read(timeout);
    }

    private void write(String line) throws IOException {
        log.debug("{} {} C: {}", id, host, line);
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private SmtpReply read(java.time.Duration timeout) throws IOException {
        socket.setSoTimeout((int) timeout.toMillis());
        SmtpReply r = in.read();
        log.debug("{} {} S: {}", id, host, r);
        return r;
    }
}
