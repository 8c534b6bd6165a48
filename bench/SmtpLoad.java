// bench/SmtpLoad.java: an SMTP load generator that can authenticate (smtp-source cannot).
// Run it with the JDK's source launcher (no build step):
//
//   java bench/SmtpLoad.java --port 2587 --messages 10000 --sessions 20 --size 4096 \
//        --from alice@a.test --to 'rcpt@[127.0.0.1]' [--user alice@a.test --password secret]
//
// SESSIONS sessions run at once (virtual threads), each over one connection that it reuses for its
// share of the messages: greeting, EHLO, AUTH PLAIN when --user is given, then per message MAIL, RCPT
// and DATA (in one write when the server offers PIPELINING, RFC 2920; one by one otherwise), the
// message (a few header lines and SIZE bytes of body), and at the end QUIT. Any reply that is not what
// the step needs (2xx; 354 after DATA) ends the program with status 1 and the reply on stderr.
//
// stdout, for scripts: "start=<epoch seconds>" (when the sessions begin to connect), then, once every
// session is done, "elapsed=<seconds>", "accepted=<messages>" and "slowest-setup=<seconds>" (the longest
// any session took from connecting to being ready for its first MAIL: greeting, EHLO and AUTH).
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

public final class SmtpLoad {
    private static final String USAGE = """
            usage: java SmtpLoad.java --port PORT --messages N --from ADDRESS --to ADDRESS
                   [--host 127.0.0.1] [--sessions 20] [--size 4096] [--helo load.test]
                   [--user NAME --password SECRET] [--timeout-seconds 120]""";

    record Options(String host, int port, int sessions, int messages, int size, String from, String to,
                   String helo, String user, String password, int timeoutMillis) {}

    /** One reply (RFC 5321 §4.2): its code and every line's text, without the code. */
    record Reply(int code, List<String> lines) {
        @Override public String toString() { return code + " " + String.join(" / ", lines); }
    }

    private static final AtomicLong accepted = new AtomicLong();
    private static final AtomicLong slowestSetupNanos = new AtomicLong();  // connect to ready for MAIL (AUTH included)

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        byte[] body = body(o.size());
        String date = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now());
        String runId = Long.toString(System.currentTimeMillis(), 36);

        Instant start = Instant.now();
        long t0 = System.nanoTime();
        System.out.printf(Locale.ROOT, "start=%d.%09d%n", start.getEpochSecond(), start.getNano());
        System.out.flush();
        try (ExecutorService sessions = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < o.sessions(); i++) {
                // Session i sends messages/sessions messages, the first messages%sessions one more.
                int share = o.messages() / o.sessions() + (i < o.messages() % o.sessions() ? 1 : 0);
                if (share == 0) continue;
                int id = i;
                running.add(sessions.submit(() -> {
                    try {
                        session(o, id, share, body, date, runId);
                    } catch (Throwable e) {
                        // Fail the whole run at once: a half-finished load measures nothing.
                        System.err.println("SmtpLoad: session " + id + ": " + e.getMessage());
                        System.exit(1);
                    }
                }));
            }
            for (Future<?> f : running) f.get();
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "elapsed=%.6f%naccepted=%d%nslowest-setup=%.6f%n", elapsed, accepted.get(),
                slowestSetupNanos.get() / 1e9);
    }

    private static void session(Options o, int id, int count, byte[] body, String date, String runId) throws IOException {
        long began = System.nanoTime();
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(o.host(), o.port()), o.timeoutMillis());
            socket.setSoTimeout(o.timeoutMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream(), 8192);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 64 * 1024);

            expect("greeting", read(in), 2);
            write(out, "EHLO " + o.helo());
            out.flush();
            Reply ehlo = expect("EHLO", read(in), 2);
            boolean pipelining = ehlo.lines().stream().anyMatch(l -> l.toUpperCase(Locale.ROOT).matches("PIPELINING(\\s.*)?"));
            if (o.user() != null) {
                // RFC 4616: authzid NUL authcid NUL passwd; RFC 4954 §4: the initial response on the AUTH line.
                String plain = Base64.getEncoder().encodeToString(
                        ("\0" + o.user() + "\0" + o.password()).getBytes(StandardCharsets.UTF_8));
                write(out, "AUTH PLAIN " + plain);
                out.flush();
                expect("AUTH PLAIN", read(in), 2);
            }
            slowestSetupNanos.accumulateAndGet(System.nanoTime() - began, Math::max);
            String mail = "MAIL FROM:<" + o.from() + ">", rcpt = "RCPT TO:<" + o.to() + ">";
            for (int k = 0; k < count; k++) {
                if (pipelining) {
                    // RFC 2920 §3.1: DATA may end a group; the replies come back in order.
                    write(out, mail);
                    write(out, rcpt);
                    write(out, "DATA");
                    out.flush();
                    expect("MAIL", read(in), 2);
                    expect("RCPT", read(in), 2);
                    expect("DATA", read(in), 3);
                } else {
                    write(out, mail);
                    out.flush();
                    expect("MAIL", read(in), 2);
                    write(out, rcpt);
                    out.flush();
                    expect("RCPT", read(in), 2);
                    write(out, "DATA");
                    out.flush();
                    expect("DATA", read(in), 3);
                }
                String header = "From: <" + o.from() + ">\r\nTo: <" + o.to() + ">\r\nSubject: load " + id + "." + k
                        + "\r\nDate: " + date + "\r\nMessage-ID: <" + runId + "." + id + "." + k + "@load.test>\r\n\r\n";
                out.write(header.getBytes(StandardCharsets.UTF_8));
                out.write(body);
                out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect("end of data", read(in), 2);
                accepted.incrementAndGet();
            }
            write(out, "QUIT");
            out.flush();
            expect("QUIT", read(in), 2);
        }
    }

    /** SIZE bytes of body (at least 2): lines of printable ASCII (none starts with '.'), each ending in CRLF. */
    static byte[] body(int size) {
        size = Math.max(2, size);
        ByteArrayOutputStream b = new ByteArrayOutputStream(size);
        String alphabet = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        for (int line = 0; b.size() < size; line++) {
            int left = size - b.size();
            int n = Math.min(76, left - 2);              // text of this line; 0 is an empty line
            if (left - (n + 2) == 1) n--;                // never leave 1 byte: 2 make an empty line
            for (int i = 0; i < n; i++) b.write(alphabet.charAt((line + i) % alphabet.length()));
            b.write('\r');
            b.write('\n');
        }
        return b.toByteArray();
    }

    private static void write(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
    }

    private static Reply expect(String step, Reply r, int codeClass) throws IOException {
        if (r.code() / 100 != codeClass) throw new IOException(step + ": unexpected reply " + r);
        return r;
    }

    /** One reply, however many lines ("250-..." continues, "250 ..." ends it). */
    private static Reply read(InputStream in) throws IOException {
        List<String> lines = new ArrayList<>();
        while (true) {
            String line = readLine(in);
            if (line.length() < 3 || !line.substring(0, 3).chars().allMatch(Character::isDigit))
                throw new IOException("malformed reply line: " + line);
            lines.add(line.length() > 4 ? line.substring(4) : "");
            if (line.length() == 3 || line.charAt(3) != '-') return new Reply(Integer.parseInt(line.substring(0, 3)), lines);
        }
    }

    private static String readLine(InputStream in) throws IOException {
        StringBuilder s = new StringBuilder();
        while (true) {
            int c = in.read();
            if (c < 0) throw new IOException("connection closed by the server" + (s.isEmpty() ? "" : " after: " + s));
            if (c == '\n') break;
            if (s.length() > 4096) throw new IOException("reply line too long");
            s.append((char) c);
        }
        int end = s.length();
        if (end > 0 && s.charAt(end - 1) == '\r') s.setLength(end - 1);
        return s.toString();
    }

    private static Options parse(String[] args) {
        Map<String, String> a = new HashMap<>(Map.of("--host", "127.0.0.1", "--sessions", "20", "--size", "4096",
                "--helo", "load.test", "--timeout-seconds", "120"));
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) usage("bad argument: " + args[i]);
            a.put(args[i], args[++i]);
        }
        for (String required : List.of("--port", "--messages", "--from", "--to"))
            if (!a.containsKey(required)) usage("missing " + required);
        if (a.containsKey("--user") != a.containsKey("--password")) usage("--user and --password go together");
        Options o = new Options(a.remove("--host"), number(a, "--port"), number(a, "--sessions"), number(a, "--messages"),
                number(a, "--size"), a.remove("--from"), a.remove("--to"), a.remove("--helo"), a.remove("--user"),
                a.remove("--password"), number(a, "--timeout-seconds") * 1000);
        if (!a.isEmpty()) usage("unknown option(s): " + a.keySet());
        return o;
    }

    private static int number(Map<String, String> a, String key) {
        String v = a.remove(key);
        try {
            int n = Integer.parseInt(v);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // fall through
        }
        usage(key + " must be a positive integer (got '" + v + "')");
        return 0;
    }

    private static void usage(String why) {
        System.err.println("SmtpLoad: " + why);
        System.err.println(USAGE);
        System.exit(2);
    }
}
