package pigeon.smtp.relay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.IntFunction;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

/**
 * A receiving SMTP server whose replies the test chooses, on a real socket: for failure replies,
 * counting connections, and seeing exactly what the client sent. Replies are whole lines without
 * CRLF; multi-line replies are joined with "\n".
 */
final class ScriptedSmtpServer implements AutoCloseable {
    volatile String greeting = "220 scripted.test ESMTP";
    /** The EHLO reply, or null to refuse EHLO with 502 (a HELO-only server). */
    volatile String ehlo = "250-scripted.test\n250-PIPELINING\n250-SIZE 1000000\n250-8BITMIME\n250 SMTPUTF8";
    /** Reply to the n-th MAIL (1-based, counted over all connections). */
    volatile IntFunction<String> mail = n -> "250 2.1.0 OK";
    volatile Function<String, String> rcpt = address -> "250 2.1.5 OK";
    volatile String dataEnd = "250 2.0.0 queued";
    /** For STARTTLS: a context for a real handshake, or null to answer 220 and then send garbage. */
    volatile SSLContext tls;

    final AtomicInteger connections = new AtomicInteger();
    final AtomicInteger mails = new AtomicInteger();
    final AtomicInteger tlsSessions = new AtomicInteger();
    final List<String> commands = new CopyOnWriteArrayList<>();
    /** Message texts received, dot-stuffing removed, CRLF line endings. */
    final List<String> messages = new CopyOnWriteArrayList<>();
    /** Whether, when each MAIL line was read, more commands were already waiting (PIPELINING). */
    final List<Boolean> pipelined = new CopyOnWriteArrayList<>();

    private final ServerSocket server;
    private final Thread acceptor;

    ScriptedSmtpServer(String address, int port) throws IOException {
        server = new ServerSocket();
        server.bind(new InetSocketAddress(InetAddress.getByName(address), port));
        acceptor = Thread.ofVirtual().start(this::accept);
    }

    private void accept() {
        while (!server.isClosed()) {
            try {
                Socket s = server.accept();
                connections.incrementAndGet();
                Thread.ofVirtual().start(() -> session(s));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void session(Socket socket) {
        try (socket) {
            socket.setSoTimeout(10_000);
            Socket s = socket;
            BufferedReader in = reader(s);
            OutputStream out = s.getOutputStream();
            reply(out, greeting);
            if (!greeting.startsWith("220")) return;
            for (String line; (line = in.readLine()) != null; ) {
                commands.add(line);
                String verb = line.length() >= 4 ? line.substring(0, 4).toUpperCase() : line.toUpperCase();
                switch (verb) {
                    case "EHLO" -> reply(out, ehlo == null ? "502 5.5.1 EHLO not here" : ehlo);
                    case "HELO" -> reply(out, "250 scripted.test");
                    case "STAR" -> {
                        reply(out, "220 2.0.0 go ahead");
                        if (tls == null) {
                            out.write("this is not TLS\r\n".repeat(20).getBytes(StandardCharsets.US_ASCII));
                            out.flush();
                            return;
                        }
                        SSLSocket t = (SSLSocket) tls.getSocketFactory().createSocket(s, null, s.getPort(), true);
                        t.setUseClientMode(false);
                        t.startHandshake();
                        tlsSessions.incrementAndGet();
                        s = t;
                        in = reader(s);
                        out = s.getOutputStream();
                    }
                    case "MAIL" -> {
                        pipelined.add(in.ready());
                        reply(out, mail.apply(mails.incrementAndGet()));
                    }
                    case "RCPT" -> reply(out, rcpt.apply(line.substring(line.indexOf('<') + 1, line.lastIndexOf('>'))));
                    case "DATA" -> {
                        reply(out, "354 go ahead");
                        StringBuilder m = new StringBuilder();
                        for (String l; !(l = in.readLine()).equals("."); ) m.append(l.startsWith(".") ? l.substring(1) : l).append("\r\n");
                        messages.add(m.toString());
                        reply(out, dataEnd);
                    }
                    case "RSET", "NOOP" -> reply(out, "250 2.0.0 OK");
                    case "QUIT" -> {
                        reply(out, "221 2.0.0 bye");
                        return;
                    }
                    default -> reply(out, "500 5.5.2 what?");
                }
            }
        } catch (IOException | RuntimeException e) {
            // the client went away
        }
    }

    private static BufferedReader reader(Socket s) throws IOException {
        return new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.UTF_8));
    }

    private static void reply(OutputStream out, String reply) throws IOException {
        out.write((reply.replace("\n", "\r\n") + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    /** The commands whose verb is {@code verb}. */
    List<String> commands(String verb) {
        List<String> out = new ArrayList<>();
        for (String c : commands) if (c.regionMatches(true, 0, verb, 0, verb.length())) out.add(c);
        return out;
    }

    @Override public void close() throws IOException {
        server.close();
        try {
            acceptor.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
