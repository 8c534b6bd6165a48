package pigeon.protocol.net;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * One accepted client connection: buffered input, buffered output flushed once per reply, and a
 * short session id that every log line of the session carries (in the MDC as {@code session}).
 */
public final class Connection implements AutoCloseable {
    private final Socket socket;
    private final String id;
    private final InputStream in;
    private final OutputStream out;
    private final LineReader lines;

    Connection(Socket socket, String id) throws IOException {
        this.socket = socket;
        this.id = id;
        this.in = new SessionInput(socket.getInputStream(), 16 * 1024);
        this.out = new SessionOutput(socket.getOutputStream(), 16 * 1024);
        this.lines = new LineReader(in);
    }

    public String id() { return id; }
    public InetAddress remoteAddress() { return socket.getInetAddress(); }
    public InetAddress localAddress() { return socket.getLocalAddress(); }
    /** Whether the connection is encrypted (implicit TLS or after STARTTLS). */
    public boolean secure() { return socket instanceof javax.net.ssl.SSLSocket; }
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

    @Override public void close() {
        try { socket.close(); } catch (IOException ignored) { /* already gone */ }
    }
}
