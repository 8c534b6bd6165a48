package pigeon.imap.process;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A bare IMAP client for tests: sends lines, reads lines up to a tagged reply. */
final class Client implements AutoCloseable {
    private final Socket socket = new Socket();
    private final InputStream in;
    private final OutputStream out;

    Client(InetSocketAddress address) throws IOException {
        socket.connect(address, 2000);
        socket.setSoTimeout(5000);
        in = socket.getInputStream();
        out = socket.getOutputStream();
    }

    void send(String text) throws IOException {
        out.write((text + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** One line without its CRLF; null at the end of the stream. */
    String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        int c;
        while ((c = in.read()) >= 0) {
            if (c == '\n') break;
            b.write(c);
        }
        if (c < 0 && b.size() == 0) return null;
        String s = b.toString(StandardCharsets.UTF_8);
        return s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
    }

    /** Sends a command and returns every line up to and including its tagged reply. */
    List<String> command(String tag, String command) throws IOException {
        send(tag + " " + command);
        return until(tag);
    }

    List<String> until(String tag) throws IOException {
        List<String> lines = new ArrayList<>();
        String l;
        do {
            l = line();
            if (l == null) throw new IOException("closed after " + lines);
            lines.add(l);
        } while (!l.startsWith(tag + " "));
        return lines;
    }

    @Override public void close() throws IOException { socket.close(); }
}
