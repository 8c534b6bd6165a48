package pigeon.server.transcript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** One client socket, read byte by byte into lines split on LF, decoded as UTF-8. */
final class Connection implements AutoCloseable {

    /** Longer lines fail the transcript rather than fill the heap. */
    static final int MAX_LINE = 1 << 20;

    /** What one read produced. */
    sealed interface Read {}

    /** A line without its ending; {@code ending} is "CRLF", "LF" or "EOF" (closed mid-line). */
    record Line(String text, String ending) implements Read {}

    /** The server closed the connection ({@code how}: "EOF" or the reset message). */
    record Closed(String how) implements Read {}

    /** Nothing (or no line end) arrived in time; {@code partial} is what did. */
    record Silent(String partial) implements Read {}

    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private final byte[] buffer = new byte[8192];
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private int position;
    private int limit;
    private boolean eof;

    Connection(InetSocketAddress address, Duration timeout) throws IOException {
        socket = new Socket();
        try {
            socket.connect(address, (int) timeout.toMillis());
            in = socket.getInputStream();
            out = socket.getOutputStream();
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /**
     * Starts TLS as the client, trusting whatever certificate the server shows (the test server's
     * is self-signed). Anything the server sent in the clear but not yet read is an error.
     */
    void startTls() throws IOException {
        if (position < limit) throw new IOException("server sent data after its go-ahead, before the handshake");
        javax.net.ssl.SSLSocket tls = (javax.net.ssl.SSLSocket) trustAll().getSocketFactory()
                .createSocket(socket, socket.getInetAddress().getHostAddress(), socket.getPort(), true);
        tls.setUseClientMode(true);
        tls.startHandshake();
        socket = tls;
        in = tls.getInputStream();
        out = tls.getOutputStream();
    }

    /** The TLS protocol of the connection, or null in the clear (for tests). */
    String tlsProtocol() { return socket instanceof javax.net.ssl.SSLSocket s ? s.getSession().getProtocol() : null; }

    static javax.net.ssl.SSLContext trustAll() {
        try {
            javax.net.ssl.SSLContext c = javax.net.ssl.SSLContext.getInstance("TLS");
            c.init(null, new javax.net.ssl.TrustManager[] {new javax.net.ssl.X509TrustManager() {
                @Override public void checkClientTrusted(java.security.cert.X509Certificate[] chain, String auth) {}
                @Override public void checkServerTrusted(java.security.cert.X509Certificate[] chain, String auth) {}
                @Override public java.security.cert.X509Certificate[] getAcceptedIssuers() { return new java.security.cert.X509Certificate[0]; }
            }}, null);
            return c;
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    void send(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    /** Reads one line, waiting at most {@code timeout} for all of it. */
    Read read(Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            while (position < limit) {
                byte b = buffer[position++];
                if (b == '\n') {
                    return takeLine();
                }
                if (line.size() >= MAX_LINE) {
                    throw new IOException("server line longer than " + MAX_LINE + " bytes");
                }
                line.write(b);
            }
            if (eof) {
                return line.size() == 0 ? new Closed("EOF") : new Line(decode(line.toByteArray()), "EOF");
            }
            long left = (deadline - System.nanoTime()) / 1_000_000;
            if (left <= 0) {
                return new Silent(decode(line.toByteArray()));
            }
            try {
                socket.setSoTimeout((int) Math.min(left, Integer.MAX_VALUE));
                int n = in.read(buffer, 0, buffer.length);
                position = 0;
                limit = Math.max(n, 0);
                eof = n < 0;
            } catch (SocketTimeoutException e) {
                // loop: the deadline has passed
            } catch (SocketException e) {
                if (line.size() == 0) {
                    return new Closed(e.getMessage());
                }
                eof = true;
            }
        }
    }

    private Line takeLine() {
        byte[] bytes = line.toByteArray();
        line.reset();
        int length = bytes.length;
        boolean crlf = length > 0 && bytes[length - 1] == '\r';
        return new Line(new String(bytes, 0, crlf ? length - 1 : length, StandardCharsets.UTF_8), crlf ? "CRLF" : "LF");
    }

    /** What has arrived but was not read, without waiting; empty if nothing. */
    String unread() {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(line.toByteArray());
        all.write(buffer, position, limit - position);
        try {
            int available = eof ? 0 : in.available();
            all.writeBytes(in.readNBytes(Math.min(available, MAX_LINE)));
        } catch (IOException e) {
            // what was buffered is all we can show
        }
        return decode(all.toByteArray());
    }

    private static String decode(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** {@code text} with control characters shown as {@code \r \n \t \xNN}. */
    static String visible(String text) {
        StringBuilder shown = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '\r' -> shown.append("\\r");
                case '\n' -> shown.append("\\n");
                case '\t' -> shown.append("\\t");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        shown.append(String.format("\\x%02X", (int) c));
                    } else {
                        shown.append(c);
                    }
                }
            }
        }
        return shown.toString();
    }

    /** Closes with a TCP reset (no linger) instead of an orderly FIN: a client that vanishes. */
    void reset() throws IOException {
        try {
            socket.setSoLinger(true, 0);
        } finally {
            socket.close();
        }
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
