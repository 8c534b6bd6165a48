package pigeon.protocol.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLSession;
import javax.net.ssl.SSLSocket;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One accepted client connection: buffered input, buffered output flushed once per reply (with a
 * write timeout), the TLS upgrade, and a short session id that every log line of the session
 * carries (in the MDC as {@code session}).
 */
public final class Connection implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Connection.class);

    private final Socket plain;
    private final String id;
    private final ListenerConfig config;
    private final SessionInput in;
    private final SessionOutput out;
    private final LineReader lines;
    private Socket socket;  // the plain socket, or TLS over it
    private double commandTokens;  // a token bucket: maxCommandsPerSecond a second, as many at most
    private long tokensAt = System.nanoTime();
    private boolean slowedDown;

    Connection(Socket socket, String id, ListenerConfig config) throws IOException {
        this.plain = socket;
        this.socket = socket;
        this.id = id;
        this.config = config;
        this.in = new SessionInput(socket.getInputStream(), 16 * 1024);
        this.out = new SessionOutput(timed(socket.getOutputStream()), 16 * 1024);
        this.lines = new LineReader(in);
        this.commandTokens = config.maxCommandsPerSecond();
    }

    public String id() { return id; }
    public InetAddress remoteAddress() { return plain.getInetAddress(); }
    public InetAddress localAddress() { return plain.getLocalAddress(); }

    /** Whether the connection is encrypted (implicit TLS or after STARTTLS). */
    public boolean secure() { return socket instanceof SSLSocket; }

    /** Whether STARTTLS (STLS) can be offered now: TLS is configured and not yet on. */
    public boolean tlsAvailable() { return config.tls().isPresent() && !secure(); }

    /**
     * The one rule for mechanisms that send passwords in the clear (PLAIN, LOGIN, USER/PASS): only
     * over TLS, or from this machine where the configuration allows it (RFC 4954 §4, RFC 8314
     * §3.3). Every protocol asks here before offering or accepting them.
     */
    public boolean plaintextAuthAllowed() {
        return secure() || (config.plaintextOnLoopback() && remoteAddress().isLoopbackAddress());
    }

    /**
     * Counts a failed login (RFC 4954 §4, RFC 9051 §11.3: slow guessing down) and tells how long to
     * wait before answering it; see {@link pigeon.protocol.sasl.LoginThrottle}.
     */
    public Duration loginFailed(String user, Duration base) { return config.logins().failed(remoteAddress(), user, base); }

    public void loginSucceeded(String user) { config.logins().succeeded(user); }

    /**
     * Called by the session for each command it reads: past {@code max-commands-per-second} (after a
     * burst of as many), it waits for its turn, so that a flood of commands gets the server's time at
     * that rate and no faster. Pipelining clients keep working, just slower; logged once.
     */
    public void command() throws IOException {
        int rate = config.maxCommandsPerSecond();
        long now = System.nanoTime();
        commandTokens = Math.min(rate, commandTokens + (now - tokensAt) * (double) rate / 1e9);
        tokensAt = now;
        if (commandTokens >= 1) {
            commandTokens -= 1;
            return;
        }
        if (!slowedDown) {
            slowedDown = true;
            log.info("more than {} commands per second: slowed down", rate);
        }
        long wait = (long) Math.ceil((1 - commandTokens) * 1e9 / rate);
        out.flush();  // what is answered already need not wait
        try {
            Thread.sleep(Duration.ofNanos(wait));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while slowed down");
        }
        commandTokens = 0;
        tokensAt = System.nanoTime();
    }

    /** The TLS protocol and cipher suite, for Received fields and logs. */
    public Optional<String> tlsDescription() {
        if (!(socket instanceof SSLSocket s)) return Optional.empty();
        SSLSession session = s.getSession();
        return Optional.of(session.getProtocol() + " " + session.getCipherSuite());
    }

    /**
     * STARTTLS: the caller has sent its "go ahead" reply; flushes it, throws away whatever the client
     * sent after its command in the clear (RFC 3207 §4.2), and completes the handshake. From now on
     * every read and write goes through TLS; the caller discards all it knew of the session.
     *
     * @return false if the handshake failed (logged here): the connection is then unusable and the
     *         session ends without a word
     */
    public boolean startTls() throws IOException {
        if (!tlsAvailable()) throw new IllegalStateException("TLS is not available on this connection");
        out.flush();
        SSLSocket tls;
        try {
            tls = config.tls().get().accept(plain, handshakeTimeout());
        } catch (IOException e) {  // port scanners, clients that speak cleartext, protocol or cipher mismatch
            log.info("TLS handshake with {} failed: {}", remoteAddress().getHostAddress(), e.getMessage());
            return false;
        }
        int dropped = in.switchTo(tls.getInputStream());
        out.switchTo(timed(tls.getOutputStream()));
        socket = tls;
        if (dropped > 0) log.info("discarded {} octets sent in the clear after STARTTLS", dropped);
        log.info("TLS started: {}", tlsDescription().orElseThrow());
        return true;
    }

    /**
     * A handshake is a few round trips: it gets the read timeout, but at most {@link #MAX_HANDSHAKE}, so
     * that a client that opens the IMAP TLS port and says nothing is not kept for IMAP's 30 minutes.
     */
    Duration handshakeTimeout() {
        return config.readTimeout().compareTo(MAX_HANDSHAKE) < 0 ? config.readTimeout() : MAX_HANDSHAKE;
    }

    static final Duration MAX_HANDSHAKE = Duration.ofMinutes(1);

    /** The raw buffered input, for message bodies; shares its buffer with {@link #lines()}. */
    public InputStream input() { return in; }
    public LineReader lines() { return lines; }
    /** Buffered: call {@link #flush()} once a whole reply is written. */
    public OutputStream output() { return out; }

    /** Writes text as UTF-8 without flushing. */
    public void write(String s) throws IOException { out.write(s.getBytes(StandardCharsets.UTF_8)); }

    public void flush() throws IOException { out.flush(); }

    /** Sets the read timeout, after which a blocked read throws {@link java.net.SocketTimeoutException}. */
    public void setReadTimeout(java.time.Duration d) throws IOException { socket.setSoTimeout(Math.toIntExact(d.toMillis())); }

    // A blocked write is ended by closing the plain socket: closing the TLS one would wait for the writer's lock.
    private OutputStream timed(OutputStream o) { return new TimedOutputStream(o, plain, config.writeTimeout().toMillis()); }

    /** Closes the connection; TLS says goodbye (close_notify) unless the client does not read it in time. */
    @Override public void close() {
        var alarm = TimedOutputStream.closeLater(plain, config.writeTimeout().toMillis());
        try { socket.close(); } catch (IOException ignored) { /* already gone */ } finally { alarm.cancel(false); }
        try { plain.close(); } catch (IOException ignored) { /* already gone */ }
    }
}
