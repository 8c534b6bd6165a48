package pigeon.server;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * SMTP senders for crash tests: several threads, each on its own connection, send messages until
 * stopped or their connection dies. Every message carries a unique token (in {@code X-Token} and
 * {@code Message-ID: <token@load.test>}), and
 * what became of it is recorded from the client's side of the wire:
 * <ul>
 * <li>{@link Outcome#ACKNOWLEDGED}: the reply to the end of DATA was {@code 250}: the server owes it;
 * <li>{@link Outcome#IN_DOUBT}: the end of DATA was written, but no reply came (the server died).
 *     The server may have committed it before dying, or not: it may be stored at most once;
 * <li>{@link Outcome#REFUSED}: any other reply to the end of DATA: must never be stored.
 * </ul>
 * A token that is not recorded at all never had its end of DATA sent, so the server never saw
 * a whole message: it must never be stored either.
 */
final class MailLoad implements AutoCloseable {
    enum Outcome { ACKNOWLEDGED, IN_DOUBT, REFUSED }

    /** Who sends to whom: {@code user} empty for the MX port, else the account that logs in (AUTH PLAIN, password "secret"). */
    record Route(int port, Optional<String> user, String from, String to) {}

    private final Route route;
    private final String prefix;
    private final Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
    private final AtomicInteger acknowledged = new AtomicInteger();
    private final AtomicBoolean stop = new AtomicBoolean();
    private final List<Thread> threads = new ArrayList<>();

    /** Starts {@code senders} threads; tokens are {@code prefix-sender-n}. */
    static MailLoad start(Route route, String prefix, int senders) {
        MailLoad load = new MailLoad(route, prefix);
        for (int t = 0; t < senders; t++) {
            int sender = t;
            load.threads.add(Thread.ofPlatform().name("load-" + prefix + "-" + t).start(() -> load.send(sender)));
        }
        return load;
    }

    private MailLoad(Route route, String prefix) {
        this.route = route;
        this.prefix = prefix;
    }

    int acknowledged() { return acknowledged.get(); }

    /** What became of each message whose end of DATA was sent (complete once {@link #close} returned). */
    Map<String, Outcome> outcomes() { return Map.copyOf(outcomes); }

    /** Stops the senders (those still connected finish the message they are on) and waits for them. */
    @Override public void close() throws InterruptedException {
        stop.set(true);
        for (Thread t : threads) t.join(30_000);
    }

    private void send(int sender) {
        try (Socket s = new Socket("127.0.0.1", route.port())) {
            s.setSoTimeout(30_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO load.test", "250");
            if (route.user().isPresent()) {
                String plain = Base64.getEncoder().encodeToString(("\0" + route.user().get() + "\0secret").getBytes(StandardCharsets.US_ASCII));
                command(out, in, "AUTH PLAIN " + plain, "235");
            }
            for (int i = 0; !stop.get(); i++) {
                String token = prefix + "-" + sender + "-" + i;
                command(out, in, "MAIL FROM:<" + route.from() + ">", "250");
                command(out, in, "RCPT TO:<" + route.to() + ">", "250");
                command(out, in, "DATA", "354");
                // Sizes vary so that the kill finds messages at every stage: in DATA, in the commit, in the fsync.
                String body = "x".repeat(70) + "\r\n";
                String message = "Message-ID: <" + token + "@load.test>\r\nX-Token: " + token + "\r\nSubject: " + token + "\r\n\r\n"
                        + body.repeat(1 + ThreadLocalRandom.current().nextInt(100)) + ".\r\n";
                outcomes.put(token, Outcome.IN_DOUBT);  // before the write: part of it may reach the server
                out.write(message.getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String reply = reply(in);
                outcomes.put(token, reply.startsWith("250 ") ? Outcome.ACKNOWLEDGED : Outcome.REFUSED);
                if (reply.startsWith("250 ")) acknowledged.incrementAndGet();
            }
            command(out, in, "QUIT", "221");
        } catch (IOException e) {
            // The server was killed: the message under way, if any, stays IN_DOUBT.
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line = reply(in);
        if (!line.startsWith(code + " ")) throw new IOException("expected " + code + ", got " + line);
    }

    /** The last line of a (possibly multi-line) reply. */
    private static String reply(BufferedReader in) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) throw new IOException("connection closed");
        } while (line.length() > 3 && line.charAt(3) == '-');
        return line;
    }
}
