package pigeon.server.transcript;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A line server that the runner's own tests steer from the transcript. It greets with
 * {@code "220 fake"}, then answers each line (split on LF, a CR before it dropped):
 * <ul>
 *   <li>{@code SAY a|b|c}: lines a, b and c, each with CRLF</li>
 *   <li>{@code BARE x}: x with a bare LF; {@code PARTIAL x}: x with no ending</li>
 *   <li>{@code DUMP...}: {@code "DUMP <hex of the whole line as received, LF included>"}</li>
 *   <li>{@code SILENT}: nothing; {@code CLOSE}: closes the connection</li>
 *   <li>anything else: {@code "OK <line>"}</li>
 * </ul>
 */
final class FakeServer implements AutoCloseable {

    private final ServerSocket server;
    private final AtomicInteger open = new AtomicInteger();
    private final AtomicInteger accepted = new AtomicInteger();
    private final AtomicInteger resets = new AtomicInteger();

    FakeServer() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        Thread.ofVirtual().start(this::acceptLoop);
    }

    InetSocketAddress address() {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), server.getLocalPort());
    }

    /** Connections accepted and not yet closed (by either side). */
    int open() {
        return open.get();
    }

    int accepted() {
        return accepted.get();
    }

    /** Connections the client ended with a reset rather than an orderly close. */
    int resets() {
        return resets.get();
    }

    private void acceptLoop() {
        while (!server.isClosed()) {
            try {
                Socket socket = server.accept();
                open.incrementAndGet();
                accepted.incrementAndGet();
                Thread.ofVirtual().start(() -> serve(socket));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket socket) {
        try (socket) {
            InputStream in = socket.getInputStream();
            OutputStream out = socket.getOutputStream();
            out.write("220 fake\r\n".getBytes(StandardCharsets.UTF_8));
            ByteArrayOutputStream line = new ByteArrayOutputStream();
            for (int b = in.read(); b >= 0; b = in.read()) {
                line.write(b);
                if (b == '\n') {
                    if (!answer(line.toByteArray(), out)) {
                        return;
                    }
                    line.reset();
                }
            }
        } catch (SocketException e) {
            resets.incrementAndGet();  // "Connection reset": the client vanished
        } catch (IOException e) {
            // the client went away
        } finally {
            open.decrementAndGet();
        }
    }

    private static boolean answer(byte[] raw, OutputStream out) throws IOException {
        String line = new String(raw, StandardCharsets.UTF_8).replaceAll("\r?\n$", "");
        String reply;
        if (line.startsWith("SAY ")) {
            reply = String.join("\r\n", line.substring(4).split("\\|")) + "\r\n";
        } else if (line.startsWith("BARE ")) {
            reply = line.substring(5) + "\n";
        } else if (line.startsWith("PARTIAL ")) {
            reply = line.substring(8);
        } else if (line.startsWith("DUMP")) {
            reply = "DUMP " + HexFormat.of().formatHex(raw) + "\r\n";
        } else if (line.equals("SILENT")) {
            reply = "";
        } else if (line.equals("CLOSE")) {
            return false;
        } else {
            reply = "OK " + line + "\r\n";
        }
        out.write(reply.getBytes(StandardCharsets.UTF_8));
        out.flush();
        return true;
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
