package pigeon.pop3;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** A bare POP3 client for tests: sends lines, reads lines that must end in CRLF. */
final class Client implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    Client(int port) throws IOException { this(InetAddress.getLoopbackAddress(), port); }

    Client(InetAddress address, int port) throws IOException {
        socket = new Socket(address, port);
        socket.setSoTimeout(5000);
        in = new BufferedInputStream(socket.getInputStream());
        out = socket.getOutputStream();
    }

    void send(String line) throws IOException { sendRaw(line + "\r\n"); }

    void sendRaw(String s) throws IOException { sendRaw(s.getBytes(StandardCharsets.UTF_8)); }

    void sendRaw(byte[] b) throws IOException {
        out.write(b);
        out.flush();
    }

    /** The next line without its CRLF; null at end of stream. Fails on a line without CR before LF. */
    String read() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0) {
                if (line.size() == 0) return null;
                throw new AssertionError("connection closed mid-line: " + line.toString(StandardCharsets.UTF_8));
            }
            line.write(b);
        }
        byte[] bytes = line.toByteArray();
        if (bytes.length == 0 || bytes[bytes.length - 1] != '\r')
            throw new AssertionError("line not ended by CRLF: " + line.toString(StandardCharsets.UTF_8));
        return new String(bytes, 0, bytes.length - 1, StandardCharsets.UTF_8);
    }

    /** Sends a command and answers the first line of the reply. */
    String command(String line) throws IOException {
        send(line);
        return read();
    }

    /** Reads raw bytes up to and including the terminating ".\r\n" of a multi-line reply body. */
    byte[] readBody() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        int b, p1 = '\n', p2 = '\r', p3 = -1, p4 = -1;  // the bytes before: as if after a CRLF
        while ((b = in.read()) >= 0) {
            body.write(b);
            // a line "." ends the body: CR LF '.' CR LF, the first CRLF possibly the status line's
            if (b == '\n' && p1 == '\r' && p2 == '.' && p3 == '\n' && p4 == '\r') return body.toByteArray();
            p4 = p3; p3 = p2; p2 = p1; p1 = b;
        }
        throw new AssertionError("connection closed inside a multi-line reply");
    }

    boolean atEnd() throws IOException { return in.read() < 0; }

    void login(String user, String password) throws IOException {
        String greeting = read();
        if (!greeting.startsWith("+OK")) throw new AssertionError(greeting);
        String r = command("USER " + user);
        if (!r.startsWith("+OK")) throw new AssertionError(r);
        r = command("PASS " + password);
        if (!r.startsWith("+OK")) throw new AssertionError(r);
    }

    @Override public void close() throws IOException { socket.close(); }
}
