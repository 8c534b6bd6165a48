package pigeon.smtp;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A bare-hands SMTP client over a real socket: sends raw text, reads whole replies. */
final class SmtpClient implements AutoCloseable {
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;

    SmtpClient(int port) throws IOException { this(InetAddress.getByName("127.0.0.1"), port); }

    SmtpClient(InetAddress address, int port) throws IOException {
        socket = new Socket(address, port);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    /** Sends text as UTF-8, exactly as given (line endings included). */
    SmtpClient send(String raw) throws IOException { return sendBytes(raw.getBytes(StandardCharsets.UTF_8)); }

    SmtpClient sendBytes(byte[] raw) throws IOException {
        out.write(raw);
        out.flush();
        return this;
    }

    /** Sends one command line with CRLF. */
    SmtpClient cmd(String line) throws IOException { return send(line + "\r\n"); }

    /** Reads one whole reply; its lines, without CRLF. Every line must end in CRLF. */
    List<String> reply() throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String l = line();
            assertNotNull(l, "connection closed while waiting for a reply; got " + lines);
            assertTrue(l.matches("[2-5][0-9][0-9][ -].*"), "not a reply line: " + l);
            lines.add(l);
            if (l.charAt(3) == ' ') return lines;
        }
    }

    /** Reads one reply, checks it is a single line starting with {@code prefix}, and returns it. */
    String expect(String prefix) throws IOException {
        List<String> r = reply();
        assertEquals(1, r.size(), "expected one line, got " + r);
        assertTrue(r.get(0).startsWith(prefix), "expected '" + prefix + "…' but got '" + r.get(0) + "'");
        return r.get(0);
    }

    /** Whether the server closed the connection (after any replies already read). */
    boolean closedByServer() throws IOException { return in.read() < 0; }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0 && c != '\n') b.write(c);
        if (c < 0 && b.size() == 0) return null;
        String s = b.toString(StandardCharsets.UTF_8);
        assertTrue(s.endsWith("\r"), "reply line without CRLF: " + s);
        return s.substring(0, s.length() - 1);
    }

    @Override public void close() throws IOException { socket.close(); }
}
