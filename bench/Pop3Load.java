// bench/Pop3Load.java: a POP3 client for the benchmarks. Run it with the JDK's source launcher:
//
//   java bench/Pop3Load.java retr   --port 2110 --user alice@example.test --password secret [--expect N]
//   java bench/Pop3Load.java delete --port 2110 --user alice@example.test --password secret [--expect N]
//
// One session: greeting, USER/PASS, STAT, then
//   retr:   RETR 1..N, each read to its terminating "." line (RFC 1939 §3), QUIT; one at a time, or with
//           --window W up to W commands written ahead of the replies (pipelining, RFC 2449 §6.6);
//   delete: DELE 1..N (written in batches of 100 when the server announces PIPELINING, RFC 2449 §6.6,
//           one at a time otherwise), QUIT, which removes them (RFC 1939 §6, the UPDATE state).
// --quickack yes: acknowledge every segment at once (Linux TCP_QUICKACK) instead of the kernel's delayed
// ACK, which stalls ~40 ms against a server whose reply comes in two writes under Nagle's algorithm.
// With --expect N, a maildrop that does not hold exactly N messages fails the run before anything else.
// Any -ERR, or a reply that is not +OK, ends the program with status 1 and the reply on stderr.
//
// stdout, for scripts: "messages=<N>" and "octets=<STAT's size>", then for retr "start=<epoch seconds>"
// (just before the first RETR), "elapsed=<seconds>" (first RETR to the last "." line) and "bytes=<octets
// read in the RETR responses, without the status lines>"; for delete "deleted=<N>" once QUIT succeeded.
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import jdk.net.ExtendedSocketOptions;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

public final class Pop3Load {
    private static final String USAGE = """
            usage: java Pop3Load.java retr|delete --port PORT --user NAME --password SECRET
                   [--host 127.0.0.1] [--expect N] [--window 1] [--quickack no|yes]
                   [--timeout-seconds 120]""";

    record Options(String mode, String host, int port, String user, String password, int expect, int window,
                   boolean quickAck, int timeoutMillis) {}

    public static void main(String[] args) throws Exception {
        Options o = parse(args);
        try (Socket socket = new Socket()) {
            socket.setTcpNoDelay(true);
            socket.connect(new InetSocketAddress(o.host(), o.port()), o.timeoutMillis());
            socket.setSoTimeout(o.timeoutMillis());
            LineReader in = new LineReader(socket.getInputStream(), o.quickAck() ? socket : null);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 16 * 1024);

            ok("greeting", in.line());
            boolean pipelining = false;
            send(out, "CAPA");
            if (in.line().startsWith("+OK")) {  // RFC 2449 §5: a multi-line list of capabilities
                for (String l = in.line(); !l.equals("."); l = in.line())
                    if (l.toUpperCase(Locale.ROOT).equals("PIPELINING")) pipelining = true;
            }
            send(out, "USER " + o.user());
            ok("USER", in.line());
            send(out, "PASS " + o.password());
            ok("PASS", in.line());
            send(out, "STAT");
            String[] stat = ok("STAT", in.line()).split(" ");  // "+OK nn mm" (RFC 1939 §5)
            int messages = Integer.parseInt(stat[1]);
            System.out.printf(Locale.ROOT, "messages=%d%noctets=%s%n", messages, stat[2]);
            if (o.expect() >= 0 && messages != o.expect())
                fail("the maildrop holds " + messages + " messages, expected " + o.expect());

            if (o.mode().equals("retr")) {
                Instant start = Instant.now();
                long t0 = System.nanoTime(), bytes = 0;
                // Up to --window RETRs outstanding (RFC 2449 §6.6); 1: the next is sent once the last dot came.
                int sent = 0;
                for (int i = 1; i <= messages; i++) {
                    while (sent < messages && sent < i - 1 + o.window()) {
                        sent++;
                        out.write(("RETR " + sent + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    }
                    out.flush();
                    ok("RETR " + i, in.line());
                    bytes += in.skipMultiLine();
                }
                double elapsed = (System.nanoTime() - t0) / 1e9;
                System.out.printf(Locale.ROOT, "start=%d.%09d%nelapsed=%.6f%nbytes=%d%n",
                        start.getEpochSecond(), start.getNano(), elapsed, bytes);
            } else {
                int batch = pipelining ? 100 : 1;
                for (int i = 1; i <= messages; i += batch) {
                    int last = Math.min(messages, i + batch - 1);
                    for (int k = i; k <= last; k++) out.write(("DELE " + k + "\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    for (int k = i; k <= last; k++) ok("DELE " + k, in.line());
                }
            }
            send(out, "QUIT");
            ok("QUIT", in.line());
            if (o.mode().equals("delete")) System.out.printf(Locale.ROOT, "deleted=%d%n", messages);
        }
    }

    private static void send(OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    private static String ok(String step, String reply) {
        if (!reply.startsWith("+OK")) fail(step + ": unexpected reply " + reply);
        return reply;
    }

    private static void fail(String why) {
        System.err.println("Pop3Load: " + why);
        System.exit(1);
    }

    /** CRLF lines from the socket through its own buffer (no lock per byte); multi-line responses are
     *  skipped without building strings. */
    static final class LineReader {
        private final InputStream in;
        private final Socket quickAck;  // null: the kernel's delayed ACKs as usual
        private final byte[] buf = new byte[64 * 1024];
        private int pos, end;
        LineReader(InputStream in, Socket quickAck) { this.in = in; this.quickAck = quickAck; }

        private int read() throws IOException {
            if (pos == end) {
                // Linux drops TCP_QUICKACK again after a while: set it before every read.
                if (quickAck != null) quickAck.setOption(ExtendedSocketOptions.TCP_QUICKACK, true);
                end = in.read(buf, 0, buf.length);
                pos = 0;
                if (end <= 0) { end = 0; return -1; }
            }
            return buf[pos++] & 0xff;
        }

        String line() throws IOException {
            StringBuilder s = new StringBuilder();
            for (int c = read(); c != '\n'; c = read()) {
                if (c < 0) throw new IOException("connection closed by the server" + (s.isEmpty() ? "" : " after: " + s));
                if (s.length() > 8192) throw new IOException("response line too long");
                s.append((char) c);
            }
            if (!s.isEmpty() && s.charAt(s.length() - 1) == '\r') s.setLength(s.length() - 1);
            return s.toString();
        }

        /** Reads up to and including the line that is just "."; returns the octets before that line. */
        long skipMultiLine() throws IOException {
            long n = 0;
            int col = 0;              // position in the current line
            boolean dotOnly = false;  // the current line so far is "." or ".\r"
            while (true) {
                int c = read();
                if (c < 0) throw new IOException("connection closed inside a multi-line response");
                if (c == '\n') {
                    if (dotOnly) return n - col;  // the terminator line is not message data
                    col = 0;
                } else {
                    dotOnly = col == 0 ? c == '.' : dotOnly && col == 1 && c == '\r';
                    col++;
                }
                n++;
            }
        }
    }

    private static Options parse(String[] args) {
        if (args.length == 0 || !List.of("retr", "delete").contains(args[0])) usage("the first argument is retr or delete");
        Map<String, String> a = new HashMap<>(Map.of("--host", "127.0.0.1", "--expect", "-1", "--window", "1",
                "--quickack", "no", "--timeout-seconds", "120"));
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) usage("bad argument: " + args[i]);
            a.put(args[i], args[++i]);
        }
        for (String required : List.of("--port", "--user", "--password"))
            if (!a.containsKey(required)) usage("missing " + required);
        Options o = new Options(args[0], a.remove("--host"), number(a, "--port"), a.remove("--user"), a.remove("--password"),
                number(a, "--expect"), number(a, "--window"), yes(a, "--quickack"), number(a, "--timeout-seconds") * 1000);
        if (o.window() < 1) usage("--window must be at least 1");
        if (!a.isEmpty()) usage("unknown option(s): " + a.keySet());
        return o;
    }

    private static boolean yes(Map<String, String> a, String key) {
        String v = a.remove(key);
        if (!v.equals("yes") && !v.equals("no")) usage(key + " is yes or no (got '" + v + "')");
        return v.equals("yes");
    }

    private static int number(Map<String, String> a, String key) {
        String v = a.remove(key);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            usage(key + " must be an integer (got '" + v + "')");
            return 0;
        }
    }

    private static void usage(String why) {
        System.err.println("Pop3Load: " + why);
        System.err.println(USAGE);
        System.exit(2);
    }
}
