// bench/ImapLoad.java: the IMAP client of bench/imap: loads mailboxes, times FETCH, runs a mixed load of
// concurrent sessions, and holds thousands of IDLE connections. Run it with the JDK's source launcher
// (no build step); `java bench/ImapLoad.java` prints the usage.
//
//   load  --port P --user U --password W --messages N [--first 0] [--connections 4] [--window 50] [--accounts 1]
//         APPENDs N generated messages (message numbers FIRST..FIRST+N-1) to INBOX over CONNECTIONS
//         connections, WINDOW commands in flight on each (non-synchronizing literals, RFC 7888, when the
//         server offers LITERAL+). With --accounts K and a U containing %d: the same into each of the K
//         accounts U(%d = 1..K), all at once. Prints appended=, bytes=, elapsed=.
//   maildir --dir D --messages N [--first 0]
//         The same messages as load (same numbers, same flags) written straight into the Maildir folder D,
//         for a server that reads Maildir (Dovecot) and would take an hour to APPEND 100,000: each written
//         to D/tmp, its mtime set to the message's internal date, then renamed into D/cur (a client has
//         seen it: no move from new/ at first access) as TIME.PpidQn.bench,S=size,W=vsize:2,FLAGS (TIME:
//         the internal date, so the names sort in message order and the server numbers the UIDs so).
//         The files have LF line ends, as Dovecot stores what it is APPENDed (mail_save_crlf = no): the
//         server gives the CRLF text back, byte for byte what load appends. Prints written=, bytes= (with
//         CRLF, as load counts), elapsed=. The files (mode 0600) belong to whoever runs this: chown them after.
//   fetch --server NAME=PORT ... --user U --password W [--rounds 5] [--warmup 2] [--expect N]
//         [--commands select,flags,envelope,search-header,search-body] [--header-word Lisbon] [--body-word Quentin]
//         One connection per server, LOGIN and SELECT INBOX once; then, per round, each command on each
//         server in turn (the servers alternate): select `SELECT INBOX` (again), flags `UID FETCH 1:* (FLAGS)`,
//         envelope `FETCH 1:* (ENVELOPE)`, envelope-bodystructure `FETCH 1:* (ENVELOPE BODYSTRUCTURE)`,
//         search-header `UID SEARCH HEADER SUBJECT word`, search-body `UID SEARCH BODY word`.
//         Each is timed from sending the command to reading its tagged OK; every response is read
//         whole (literals included). A FETCH must give one untagged FETCH per message, a SELECT the
//         EXISTS of the first; a search's hits (UIDs in * SEARCH) are printed. One "result" line per
//         timing; warm-up rounds have round=0.
//   mixed --server NAME=PORT ... --user U --password W [--clients 20] [--seconds 20] [--rounds 3]
//         [--warmup-seconds 10]
//         Per round and server in turn: CLIENTS sessions log in (not timed; session i as U with %d
//         replaced by i, from 1, when U contains %d: an account each), then for SECONDS each loops
//         SELECT INBOX; FETCH a random range of 50 (FLAGS ENVELOPE); STORE 3 of them +FLAGS (\Seen);
//         UID STORE the message it appended last time +FLAGS (\Deleted) and EXPUNGE; APPEND a new one.
//         Commands whose tagged OK arrives within the window are counted. Prints "result" lines.
//   idle  --port P --user U --password W --connections N [--setup-concurrency 16] [--hold-file F]
//         [--pushes K --smtp-port P | --pushes K --deliver-command CMD]
//         Opens N connections (virtual threads), each: greeting, LOGIN, SELECT INBOX, IDLE, and counts
//         the "+" continuations. Prints "idling=... failed=... seconds=..." once every connection is
//         idling or has failed. With --hold-file it then waits until that file exists; then sends DONE
//         on each (the tagged OK proves the connection lasted) and LOGOUT, and prints "still-idling=...".
//         With --pushes K, before "ready", K times: one message to U by SMTP on --smtp-port, and the time
//         from its final 250 to "* n EXISTS" on every idler: "push=k heard=... median_ms=... p99_ms=...".
//         With --deliver-command instead, each message goes to `sh -c CMD` on its standard input (a local
//         delivery program, e.g. dovecot-lda) and the time is taken from that program's exit. The next
//         delivery follows a second after every idler heard this one, or after --push-wait-seconds (60);
//         which deliveries an idler has heard is read from the EXISTS count (base + k: push k).
//   sample --messages N | --message I
//         Sizes and shapes of the generated messages 0..N-1, or message I itself, on stdout.
//
// Common options: --host 127.0.0.1, --seed 1 (the generated messages depend on it and on their
// number only, so every server gets the very same messages), --timeout-seconds 300.
//
// Any unexpected reply (BAD, a NO where only OK makes sense, a wrong number of FETCH responses, a
// closed connection) ends the program with status 1 and the reason on stderr; idle mode counts
// failures instead and reports them.
import java.io.ByteArrayOutputStream;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

public final class ImapLoad {
    private static final String USAGE = """
            usage: java ImapLoad.java load  --port P --user U --password W --messages N [--first 0] [--connections 4] [--window 50]
                                            [--accounts 1]
                   java ImapLoad.java maildir --dir D --messages N [--first 0]
                   java ImapLoad.java fetch --server NAME=PORT... --user U --password W [--rounds 5] [--warmup 2] [--expect N]
                                            [--commands select,flags,...] [--header-word W] [--body-word W]
                   java ImapLoad.java mixed --server NAME=PORT... --user U --password W [--clients 20] [--seconds 20]
                                            [--rounds 3] [--warmup-seconds 10]
                   java ImapLoad.java idle  --port P --user U --password W --connections N [--setup-concurrency 16] [--hold-file F]
                                            [--pushes K (--smtp-port P | --deliver-command CMD) [--push-wait-seconds 60]]
                   java ImapLoad.java sample --messages N | --message I
                   common: [--host 127.0.0.1] [--seed 1] [--timeout-seconds 300]""";

    // ---------------------------------------------------------------------------------------------------
    // Options
    // ---------------------------------------------------------------------------------------------------

    record Server(String name, int port) {}

    static final class Options {
        final Map<String, String> values = new HashMap<>();
        final List<Server> servers = new ArrayList<>();

        String get(String key, String fallback) { String v = values.get(key); return v != null ? v : fallback; }

        String required(String key) {
            String v = values.get(key);
            if (v == null) usage("missing " + key);
            return v;
        }

        int number(String key, int fallback) {
            String v = values.get(key);
            if (v == null) {
                if (fallback < 0) usage("missing " + key);
                return fallback;
            }
            try {
                int n = Integer.parseInt(v);
                if (n >= 0) return n;
            } catch (NumberFormatException e) {
                // below
            }
            usage(key + " must be a non-negative integer (got '" + v + "')");
            return 0;
        }
    }

    static String host = "127.0.0.1";
    static long seed = 1;
    static int timeoutMillis = 300_000;

    public static void main(String[] args) throws Exception {
        if (args.length == 0) usage("no mode given");
        Options o = new Options();
        for (int i = 1; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) usage("bad argument: " + args[i]);
            String key = args[i], value = args[++i];
            if (key.equals("--server")) {
                int eq = value.indexOf('=');
                if (eq <= 0) usage("--server wants NAME=PORT (got '" + value + "')");
                try {
                    o.servers.add(new Server(value.substring(0, eq), Integer.parseInt(value.substring(eq + 1))));
                } catch (NumberFormatException e) {
                    usage("--server wants NAME=PORT (got '" + value + "')");
                }
            } else {
                o.values.put(key, value);
            }
        }
        host = o.get("--host", host);
        seed = Long.parseLong(o.get("--seed", "1"));
        timeoutMillis = o.number("--timeout-seconds", 300) * 1000;
        try {
            switch (args[0]) {
                case "load" -> load(o);
                case "maildir" -> maildir(o);
                case "fetch" -> fetch(o);
                case "mixed" -> mixed(o);
                case "idle" -> idle(o);
                case "sample" -> sample(o);
                default -> usage("unknown mode " + args[0]);
            }
        } catch (IOException | RuntimeException e) {
            System.err.println("ImapLoad " + args[0] + ": " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);  // idle mode leaves nothing running, but be sure no stray thread holds the JVM
    }

    /** sample --messages N: sizes of messages 0..N-1 by shape; sample --message I: message I itself. */
    static void sample(Options o) {
        if (o.values.containsKey("--message")) {
            byte[] m = message(o.number("--message", 0)).bytes();
            System.out.write(m, 0, m.length);
            System.out.flush();
            return;
        }
        int n = o.number("--messages", 10000);
        Map<String, long[]> shapes = new TreeMap<>();
        long total = 0;
        for (int i = 0; i < n; i++) {
            byte[] m = message(i).bytes();
            total += m.length;
            String s = new String(m, 0, Math.min(m.length, 4000), StandardCharsets.ISO_8859_1);
            int at = s.indexOf("\r\nContent-Type: ") + 16;
            String shape = s.substring(at, s.indexOf(';', at));
            if (shape.equals("multipart/mixed")) shape += s.contains("multipart/alternative") ? " (text+html, attachment)" : " (text, attachment)";
            long[] v = shapes.computeIfAbsent(shape, k -> new long[3]);
            v[0]++;
            v[1] += m.length;
            v[2] = Math.max(v[2], m.length);
        }
        System.out.printf(Locale.ROOT, "%d messages, %d bytes, average %d%n", n, total, total / Math.max(1, n));
        shapes.forEach((k, v) -> System.out.printf(Locale.ROOT, "  %-48s %5d  average %5d  largest %5d%n", k, v[0], v[1] / v[0], v[2]));
    }

    static void usage(String why) {
        System.err.println("ImapLoad: " + why);
        System.err.println(USAGE);
        System.exit(2);
    }

    // ---------------------------------------------------------------------------------------------------
    // load: APPEND generated messages
    // ---------------------------------------------------------------------------------------------------

    static void load(Options o) throws Exception {
        int port = o.number("--port", -1), messages = o.number("--messages", -1), first = o.number("--first", 0);
        int connections = Math.max(1, o.number("--connections", 4)), window = Math.max(1, o.number("--window", 50));
        String user = o.required("--user"), password = o.required("--password");
        int accounts = Math.max(1, o.number("--accounts", 1));
        if (accounts > 1 && !user.contains("%d")) usage("--accounts wants a --user with %d (numbered from 1)");
        AtomicLong bytes = new AtomicLong();
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int task = 0; task < connections * accounts; task++) {
                int id = task % connections;
                String login = account(user, task / connections);
                running.add(pool.submit(() -> {
                    // Connection id appends messages id, id + connections, id + 2 * connections...
                    try (Conn k = Conn.login(host, port, login, password)) {
                        boolean literalPlus = k.capabilities().contains("LITERAL+");
                        List<String> tags = new ArrayList<>();
                        for (int i = id; i < messages; i += connections) {
                            Message m = message(first + i);
                            bytes.addAndGet(m.bytes().length);
                            tags.add(k.append("INBOX", m.flags(), m.internalDate(), m.bytes(), literalPlus));
                            if (tags.size() >= window || i + connections >= messages) {
                                k.flush();
                                for (String t : tags) k.ok("APPEND", k.awaitTagged(t, null));
                                tags.clear();
                            }
                        }
                        k.logout();
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) get(f);
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "appended=%d%nbytes=%d%nelapsed=%.3f%n", messages * accounts, bytes.get(), elapsed);
    }

    // ---------------------------------------------------------------------------------------------------
    // maildir: the same messages as files of a Maildir folder
    // ---------------------------------------------------------------------------------------------------

    static final Set<StandardOpenOption> WRITE_NEW = Set.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
    /** Mode 0600, as Dovecot writes its own message files in a folder of mode 0700. */
    static final FileAttribute<?> OWNER_ONLY = PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"));

    static void maildir(Options o) throws IOException {
        Path dir = Path.of(o.required("--dir"));
        int messages = o.number("--messages", -1), first = o.number("--first", 0);
        Path tmp = dir.resolve("tmp"), cur = dir.resolve("cur");
        for (Path d : List.of(tmp, cur, dir.resolve("new"))) Files.createDirectories(d);
        long pid = ProcessHandle.current().pid(), bytes = 0;
        long t0 = System.nanoTime();
        for (int i = 0; i < messages; i++) {
            int n = first + i;
            Message m = message(n);
            byte[] lf = withoutCr(m.bytes());
            long time = ZonedDateTime.parse(m.internalDate(), INTERNAL_DATE).toEpochSecond();
            // Maildir names: unique (time, pid and the message number), S= and W= spare Dovecot a stat and a read
            String name = time + ".P" + pid + "Q" + n + ".bench,S=" + lf.length + ",W=" + m.bytes().length;
            Path t = tmp.resolve(name);
            try (var out = Files.newByteChannel(t, WRITE_NEW, OWNER_ONLY)) {
                out.write(ByteBuffer.wrap(lf));
            }
            Files.setLastModifiedTime(t, FileTime.from(Instant.ofEpochSecond(time)));
            Files.move(t, cur.resolve(name + ":2," + maildirFlags(m.flags())), StandardCopyOption.ATOMIC_MOVE);
            bytes += m.bytes().length;
        }
        double elapsed = (System.nanoTime() - t0) / 1e9;
        System.out.printf(Locale.ROOT, "written=%d%nbytes=%d%nelapsed=%.3f%n", messages, bytes, elapsed);
    }

    /** The message with each CRLF as LF (the generated messages have no bare CR or LF). */
    static byte[] withoutCr(byte[] m) {
        byte[] out = new byte[m.length];
        int k = 0;
        for (int i = 0; i < m.length; i++) if (m[i] != '\r' || i + 1 == m.length || m[i + 1] != '\n') out[k++] = m[i];
        return Arrays.copyOf(out, k);
    }

    /** IMAP flags as Maildir's info letters, in ASCII order (D draft, F flagged, R answered, S seen, T deleted). */
    static String maildirFlags(String flags) {
        StringBuilder s = new StringBuilder();
        for (String[] f : new String[][]{{"\\Draft", "D"}, {"\\Flagged", "F"}, {"\\Answered", "R"}, {"\\Seen", "S"}, {"\\Deleted", "T"}}) {
            if ((" " + flags + " ").contains(" " + f[0] + " ")) s.append(f[1]);
        }
        return s.toString();
    }

    // ---------------------------------------------------------------------------------------------------
    // fetch: the whole mailbox, timed
    // ---------------------------------------------------------------------------------------------------

    /** The fetch part's commands: NAME, then the command (%s: the search word). */
    static final Map<String, String> FETCH_COMMANDS = new java.util.LinkedHashMap<>();
    static {
        FETCH_COMMANDS.put("select", "SELECT INBOX");
        FETCH_COMMANDS.put("flags", "UID FETCH 1:* (FLAGS)");
        FETCH_COMMANDS.put("envelope", "FETCH 1:* (ENVELOPE)");
        FETCH_COMMANDS.put("envelope-bodystructure", "FETCH 1:* (ENVELOPE BODYSTRUCTURE)");
        FETCH_COMMANDS.put("search-header", "UID SEARCH HEADER SUBJECT %s");
        FETCH_COMMANDS.put("search-body", "UID SEARCH BODY %s");
    }

    static void fetch(Options o) throws Exception {
        if (o.servers.isEmpty()) usage("fetch needs at least one --server NAME=PORT");
        String user = o.required("--user"), password = o.required("--password");
        int rounds = o.number("--rounds", 5), warmup = o.number("--warmup", 2), expect = o.number("--expect", 0);
        String headerWord = o.get("--header-word", "Lisbon"), bodyWord = o.get("--body-word", "Quentin");
        List<String[]> commands = new ArrayList<>();
        for (String name : o.get("--commands", "select,flags,envelope,search-header,search-body").split(",")) {
            String c = FETCH_COMMANDS.get(name);
            if (c == null) usage("--commands: unknown command " + name + " (known: " + String.join(",", FETCH_COMMANDS.keySet()) + ")");
            commands.add(new String[]{name, c.formatted(name.equals("search-header") ? headerWord : bodyWord)});
        }
        List<Conn> conns = new ArrayList<>();
        int[] exists = new int[o.servers.size()];
        try {
            for (int s = 0; s < o.servers.size(); s++) {
                Conn c = Conn.login(host, o.servers.get(s).port(), user, password);
                conns.add(c);
                exists[s] = c.select("INBOX");
                if (expect > 0 && exists[s] != expect)
                    throw new IOException(o.servers.get(s).name() + ": INBOX holds " + exists[s] + " messages, expected " + expect);
            }
            for (int round = 1 - warmup; round <= rounds; round++) {
                for (String[] command : commands) {
                    for (int s = 0; s < conns.size(); s++) {
                        Conn c = conns.get(s);
                        int[] count = {0, -1};  // FETCH responses; EXISTS, or the number of UIDs in "* SEARCH"
                        long before = c.bytesIn;
                        long t0 = System.nanoTime();
                        String reply = c.command(command[1], k -> {
                            if (k.isFetch()) {
                                count[0]++;
                            } else if (k.startsWith("* SEARCH")) {
                                String t = new String(k.buf, 8, k.len - 8, StandardCharsets.ISO_8859_1).trim();
                                count[1] = t.isEmpty() ? 0 : t.split(" +").length;
                            } else {
                                int n = k.untaggedNumber("EXISTS");
                                if (n >= 0) count[1] = n;
                            }
                        });
                        double seconds = (System.nanoTime() - t0) / 1e9;
                        String name = o.servers.get(s).name();
                        c.ok(name + ": " + command[1], reply);
                        String extra = "";
                        if (command[0].equals("select")) {
                            if (count[1] != exists[s]) throw new IOException(name + ": SELECT said " + count[1] + " EXISTS, not " + exists[s]);
                        } else if (command[0].startsWith("search")) {
                            if (count[1] < 0) throw new IOException(name + ": " + command[1] + " gave no * SEARCH response");
                            extra = " hits=" + count[1];
                        } else if (count[0] != exists[s]) {
                            throw new IOException(name + ": " + command[1] + " gave " + count[0] + " FETCH responses for " + exists[s] + " messages");
                        }
                        System.out.printf(Locale.ROOT, "result phase=fetch command=%s server=%s round=%d seconds=%.4f responses=%d bytes=%d%s%n",
                                command[0], name, Math.max(0, round), seconds, count[0], c.bytesIn - before, extra);
                        System.out.flush();
                    }
                }
            }
            for (Conn c : conns) c.logout();
        } finally {
            for (Conn c : conns) c.close();
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // mixed: concurrent sessions doing what mail clients do
    // ---------------------------------------------------------------------------------------------------

    static final AtomicInteger appendSerial = new AtomicInteger();

    /** USER with %d replaced by I + 1 (accounts numbered from 1); USER itself without %d. */
    static String account(String user, int i) { return user.contains("%d") ? user.replace("%d", Integer.toString(i + 1)) : user; }

    static void mixed(Options o) throws Exception {
        if (o.servers.isEmpty()) usage("mixed needs at least one --server NAME=PORT");
        String user = o.required("--user"), password = o.required("--password");
        int clients = Math.max(1, o.number("--clients", 20)), seconds = Math.max(1, o.number("--seconds", 20));
        int rounds = o.number("--rounds", 3), warmupSeconds = o.number("--warmup-seconds", 10);
        for (int round = warmupSeconds > 0 ? 0 : 1; round <= rounds; round++) {
            for (Server server : o.servers) {
                int length = round == 0 ? warmupSeconds : seconds;
                MixedResult r = mixedRound(server, user, password, clients, length, round);
                System.out.printf(Locale.ROOT, "result phase=mixed server=%s round=%d seconds=%d commands=%d iterations=%d no=%d%s%n",
                        server.name(), round, length, r.commands.get(), r.iterations.get(), r.no.get(),
                        r.firstNo == null ? "" : " first-no=" + r.firstNo.replace(' ', '_'));
                System.out.flush();
            }
        }
    }

    static final class MixedResult {
        final AtomicLong commands = new AtomicLong(), iterations = new AtomicLong(), no = new AtomicLong();
        volatile String firstNo;
    }

    static MixedResult mixedRound(Server server, String user, String password, int clients, int seconds, int round) throws Exception {
        MixedResult result = new MixedResult();
        CountDownLatch ready = new CountDownLatch(clients), go = new CountDownLatch(1);
        long[] deadline = new long[1];
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<?>> running = new ArrayList<>();
            for (int i = 0; i < clients; i++) {
                int id = i;
                running.add(pool.submit(() -> {
                    Conn c;
                    try {
                        c = Conn.login(host, server.port(), account(user, id), password);
                    } finally {
                        ready.countDown();
                    }
                    try (c) {
                        go.await();
                        mixedClient(c, new Random(seed * 1_000_003L + round * 1000L + id), deadline[0], result);
                        c.logout();
                    }
                    return null;
                }));
            }
            ready.await();
            deadline[0] = System.nanoTime() + seconds * 1_000_000_000L;
            go.countDown();
            for (Future<?> f : running) get(f);
        }
        return result;
    }

    static void mixedClient(Conn c, Random rnd, long deadline, MixedResult result) throws IOException {
        long prevUid = -1;
        boolean literalPlus = c.capabilities().contains("LITERAL+");
        while (System.nanoTime() < deadline) {
            int n = c.select("INBOX");
            if (!count(c, "SELECT", "OK", deadline, result)) return;
            if (n > 0) {
                int s = 1 + rnd.nextInt(Math.max(1, n - 49)), e = Math.min(n, s + 49);
                c.command("FETCH " + s + ":" + e + " (FLAGS ENVELOPE)", null);
                if (!count(c, "FETCH", c.lastReply, deadline, result)) return;
                int[] picks = rnd.ints(s, e + 1).distinct().limit(Math.min(3, e - s + 1)).sorted().toArray();
                c.command("STORE " + String.join(",", Arrays.stream(picks).mapToObj(Integer::toString).toList()) + " +FLAGS (\\Seen)", null);
                if (!count(c, "STORE", c.lastReply, deadline, result)) return;
            }
            if (prevUid > 0) {
                c.command("UID STORE " + prevUid + " +FLAGS (\\Deleted)", null);
                if (!count(c, "UID STORE", c.lastReply, deadline, result)) return;
                c.command("EXPUNGE", null);
                if (!count(c, "EXPUNGE", c.lastReply, deadline, result)) return;
            }
            Message m = message(2_000_000 + appendSerial.getAndIncrement());
            String tag = c.append("INBOX", "", null, m.bytes(), literalPlus);
            c.flush();
            String reply = c.awaitTagged(tag, null);
            if (!count(c, "APPEND", reply, deadline, result)) return;
            prevUid = appendUid(reply);
            result.iterations.incrementAndGet();
        }
    }

    /** Counts a completed command if it ended within the window; false once the window is over. */
    static boolean count(Conn c, String what, String reply, long deadline, MixedResult result) throws IOException {
        if (reply.startsWith("BAD")) throw new IOException(what + ": " + reply);
        if (System.nanoTime() > deadline) return false;
        if (reply.startsWith("OK")) {
            result.commands.incrementAndGet();
        } else {
            result.no.incrementAndGet();
            if (result.firstNo == null) result.firstNo = what + ": " + reply;
        }
        return true;
    }

    static long appendUid(String reply) {
        int i = reply.toUpperCase(Locale.ROOT).indexOf("[APPENDUID ");
        if (i < 0) return -1;
        String[] parts = reply.substring(i + 11).split("[ \\]]");
        try {
            return parts.length >= 2 ? Long.parseLong(parts[1]) : -1;
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // idle: many connections in IDLE
    // ---------------------------------------------------------------------------------------------------

    static void idle(Options o) throws Exception {
        int port = o.number("--port", -1), connections = o.number("--connections", -1);
        int setup = Math.max(1, o.number("--setup-concurrency", 16));
        String user = o.required("--user"), password = o.required("--password");
        Path hold = o.values.containsKey("--hold-file") ? Path.of(o.values.get("--hold-file")) : null;
        int pushes = o.number("--pushes", 0), smtpPort = o.number("--smtp-port", 0);
        String deliver = o.get("--deliver-command", null);
        int pushWait = Math.max(1, o.number("--push-wait-seconds", 60));
        if (pushes > 0 && smtpPort <= 0 && deliver == null) throw new IllegalArgumentException("--pushes needs --smtp-port or --deliver-command");
        long[][] arrived = new long[pushes][connections];  // nanoTime of "* n EXISTS" per push and connection, 0 if none
        int[] base = new int[connections];  // EXISTS at SELECT
        java.util.concurrent.atomic.AtomicIntegerArray heardBy = new java.util.concurrent.atomic.AtomicIntegerArray(connections);  // pushes heard
        Conn[] open = new Conn[connections];
        AtomicInteger[] heard = new AtomicInteger[pushes];
        for (int p = 0; p < pushes; p++) heard[p] = new AtomicInteger();
        AtomicInteger idling = new AtomicInteger(), failed = new AtomicInteger(), stillIdling = new AtomicInteger();
        AtomicInteger settled = new AtomicInteger();
        Map<String, AtomicInteger> errors = new ConcurrentHashMap<>();
        Semaphore setupSlots = new Semaphore(setup);
        CountDownLatch release = new CountDownLatch(1);
        long t0 = System.nanoTime();
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < connections; i++) {
                int index = i;
                pool.submit(() -> {
                    Conn c = null;
                    boolean idled = false;
                    try {
                        setupSlots.acquire();
                        try {
                            c = open[index] = new Conn(host, port, 2048);
                            c.greeting();
                            c.ok("LOGIN", c.command("LOGIN " + quote(user) + " " + quote(password), null));
                            base[index] = c.select("INBOX");
                            c.writeLine("i IDLE");
                            c.flush();
                            while (true) {  // "+ idling" (Pigeon), "+ OK" (GreenMail): any continuation
                                c.read();
                                if (c.len > 0 && c.buf[0] == '+') break;
                                if (c.startsWith("i ")) throw new IOException("IDLE refused: " + c.text());
                            }
                            idled = true;
                            idling.incrementAndGet();
                        } finally {
                            setupSlots.release();
                            settled.incrementAndGet();
                        }
                        c.socket.setSoTimeout(0);  // waits for as long as the pushes and the hold take
                        // Push p (from 0) is message base + p + 1: "* n EXISTS" tells which have arrived. A server
                        // that is late may announce two at once (one EXISTS for both): both arrived then.
                        for (int got = 0; got < pushes; ) {
                            c.read();
                            int n = c.untaggedNumber("EXISTS");
                            if (n < 0) continue;
                            long now = System.nanoTime();
                            for (; got < Math.min(pushes, n - base[index]); got++) {
                                arrived[got][index] = now;
                                heard[got].incrementAndGet();
                            }
                            heardBy.set(index, got);
                        }
                        release.await();
                        c.socket.setSoTimeout(60_000);
                        c.writeLine("DONE");
                        c.flush();
                        c.ok("IDLE", c.awaitTagged("i", null));
                        stillIdling.incrementAndGet();
                        c.logout();
                    } catch (Exception e) {
                        if (!idled) failed.incrementAndGet();
                        String key = e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).replaceAll("[0-9]+", "N");
                        errors.computeIfAbsent((idled ? "after idling: " : "") + key, k -> new AtomicInteger()).incrementAndGet();
                    } finally {
                        if (c != null) c.close();
                    }
                    return null;
                });
            }
            long lastReport = System.nanoTime();
            while (settled.get() < connections) {
                Thread.sleep(50);
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    lastReport = System.nanoTime();
                    System.err.printf(Locale.ROOT, "  ImapLoad idle: %d idling, %d failed, %.0f s%n", idling.get(), failed.get(),
                            (lastReport - t0) / 1e9);
                }
            }
            double elapsed = (System.nanoTime() - t0) / 1e9;
            System.out.printf(Locale.ROOT, "idling=%d%nfailed=%d%nseconds=%.3f%n", idling.get(), failed.get(), elapsed);
            for (Map.Entry<String, AtomicInteger> e : new TreeMap<>(errors).entrySet())
                System.out.println("error=" + e.getValue().get() + " x " + e.getKey());
            // Each delivery once every idler has heard the one before (or PUSH_WAIT passed), then a second.
            long[] sent = new long[pushes];
            for (int p = 0; p < pushes; p++) {
                Thread.sleep(1000);  // let the previous push's sessions go back to waiting
                sent[p] = deliver != null ? commandSend(deliver, user, "push " + (p + 1)) : smtpSend(host, smtpPort, user, "push " + (p + 1));
                long deadline = System.nanoTime() + pushWait * 1_000_000_000L;
                while (heard[p].get() < idling.get() && System.nanoTime() < deadline) Thread.sleep(5);
            }
            for (int p = 0; p < pushes; p++) {  // an idler that heard push p late, while a later one was waited for, counts
                List<Double> ms = new ArrayList<>();
                for (long t : arrived[p]) if (t != 0) ms.add(Math.max(0, t - sent[p]) / 1e6);
                Collections.sort(ms);
                System.out.printf(Locale.ROOT, "push=%d heard=%d of %d median_ms=%.1f p99_ms=%.1f max_ms=%.1f%n", p + 1, ms.size(), idling.get(),
                        percentile(ms, 50), percentile(ms, 99), ms.isEmpty() ? -1 : ms.getLast());
            }
            System.out.println("ready");
            System.out.flush();
            if (hold != null) while (!Files.exists(hold)) Thread.sleep(100);
            // a connection still waiting for a delivery's EXISTS would wait for ever: closing it ends its read
            for (int i = 0; i < connections; i++) if (heardBy.get(i) < pushes && open[i] != null) open[i].close();
            release.countDown();
        }
        System.out.printf("still-idling=%d%n", stillIdling.get());
        for (Map.Entry<String, AtomicInteger> e : new TreeMap<>(errors).entrySet())
            if (e.getKey().startsWith("after idling: ")) System.out.println("error=" + e.getValue().get() + " x " + e.getKey());
    }

    /** The value below which p percent of the sorted values fall (nearest rank); -1 for none. */
    static double percentile(List<Double> sorted, double p) {
        if (sorted.isEmpty()) return -1;
        int rank = (int) Math.ceil(p / 100 * sorted.size());
        return sorted.get(Math.max(0, Math.min(sorted.size(), rank) - 1));
    }

    /** Delivers one short message through a local delivery program (sh -c COMMAND, the message on its standard
     *  input); returns the nanoTime it exited (with status 0: else an IOException). */
    static long commandSend(String command, String to, String subject) throws IOException, InterruptedException {
        Process p = new ProcessBuilder("/bin/sh", "-c", command).redirectErrorStream(true).start();
        try (OutputStream in = p.getOutputStream()) {
            in.write(("From: load@far.test\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n\r\nnew mail\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        byte[] output = p.getInputStream().readAllBytes();
        int status = p.waitFor();
        long at = System.nanoTime();
        if (status != 0) throw new IOException(command + ": exit status " + status + ": " + new String(output, StandardCharsets.UTF_8).trim());
        return at;
    }

    /** Delivers one short message by SMTP (HELO, MAIL, RCPT, DATA); returns the nanoTime the final 250 was read. */
    static long smtpSend(String host, int port, String to, String subject) throws IOException {
        try (Socket s = new Socket(host, port)) {
            s.setSoTimeout(60_000);
            s.setTcpNoDelay(true);
            var in = new java.io.BufferedReader(new java.io.InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            var out = s.getOutputStream();
            smtpReply(in, "220");
            for (String[] step : new String[][] {{"HELO load.test", "250"}, {"MAIL FROM:<load@far.test>", "250"},
                    {"RCPT TO:<" + to + ">", "250"}, {"DATA", "354"}}) {
                out.write((step[0] + "\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                smtpReply(in, step[1]);
            }
            out.write(("From: load@far.test\r\nTo: " + to + "\r\nSubject: " + subject + "\r\n\r\nnew mail\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            smtpReply(in, "250");
            long at = System.nanoTime();
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            return at;
        }
    }

    private static void smtpReply(java.io.BufferedReader in, String code) throws IOException {
        for (String line; (line = in.readLine()) != null; ) {
            if (!line.startsWith(code)) throw new IOException("SMTP: expected " + code + ", got " + line);
            if (line.length() < 4 || line.charAt(3) == ' ') return;
        }
        throw new IOException("SMTP: connection closed");
    }

    // ---------------------------------------------------------------------------------------------------
    // The connection: commands out, responses in (literals read whole)
    // ---------------------------------------------------------------------------------------------------

    interface Untagged { void on(Conn c) throws IOException; }

    static final class Conn implements Closeable {
        final Socket socket;
        final InputStream in;
        final OutputStream out;
        final byte[] rbuf;
        int rpos, rlim;
        /** The last response read: one line, or lines joined with their literals' octets, without CRLF. */
        byte[] buf = new byte[1024];
        int len;
        long bytesIn;
        int tags;
        String lastReply = "";
        private List<String> capabilities;

        Conn(String host, int port, int bufferSize) throws IOException {
            socket = new Socket();
            try {
                socket.setTcpNoDelay(true);
                socket.connect(new InetSocketAddress(host, port), 30_000);
                socket.setSoTimeout(timeoutMillis);
                in = socket.getInputStream();
                out = new BufferedOutputStream2(socket.getOutputStream(), bufferSize);
            } catch (IOException e) {
                socket.close();
                throw e;
            }
            rbuf = new byte[bufferSize];
        }

        static Conn login(String host, int port, String user, String password) throws IOException {
            Conn c = new Conn(host, port, 64 * 1024);
            try {
                c.greeting();
                c.ok("LOGIN", c.command("LOGIN " + quote(user) + " " + quote(password), null));
                return c;
            } catch (IOException | RuntimeException e) {
                c.close();
                throw e;
            }
        }

        void greeting() throws IOException {
            read();
            if (!startsWith("* OK")) throw new IOException("greeting: " + text());
        }

        List<String> capabilities() throws IOException {
            if (capabilities == null) {
                List<String> caps = new ArrayList<>();
                ok("CAPABILITY", command("CAPABILITY", k -> {
                    if (k.startsWith("* CAPABILITY ")) caps.addAll(Arrays.asList(k.text().substring(13).toUpperCase(Locale.ROOT).split(" ")));
                }));
                capabilities = caps;
            }
            return capabilities;
        }

        /** SELECT; returns EXISTS. */
        int select(String mailbox) throws IOException {
            int[] exists = {-1};
            ok("SELECT", command("SELECT " + quote(mailbox), k -> {
                int n = k.untaggedNumber("EXISTS");
                if (n >= 0) exists[0] = n;
            }));
            if (exists[0] < 0) throw new IOException("SELECT: no EXISTS");
            return exists[0];
        }

        String nextTag() { return "t" + (++tags); }

        void writeLine(String line) throws IOException { out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8)); }

        void flush() throws IOException { out.flush(); }

        String command(String command, Untagged handler) throws IOException {
            String tag = nextTag();
            writeLine(tag + " " + command);
            flush();
            return awaitTagged(tag, handler);
        }

        /** Writes an APPEND (not flushed when the literal is non-synchronizing); returns its tag. */
        String append(String mailbox, String flags, String date, byte[] message, boolean literalPlus) throws IOException {
            String tag = nextTag();
            String head = tag + " APPEND " + quote(mailbox) + (flags.isEmpty() ? "" : " (" + flags + ")")
                    + (date == null ? "" : " \"" + date + "\"") + " {" + message.length;
            if (literalPlus) {
                writeLine(head + "+}");
            } else {
                writeLine(head + "}");
                flush();
                read();
                if (len == 0 || buf[0] != '+') throw new IOException("APPEND: no continuation: " + text());
            }
            out.write(message);
            writeLine("");
            if (!literalPlus) flush();
            return tag;
        }

        void logout() {
            try {
                writeLine("z LOGOUT");
                flush();
                while (true) {  // "* BYE", then "z OK"
                    read();
                    if (startsWith("z ")) return;
                }
            } catch (IOException e) {
                // leaving anyway
            }
        }

        /** Reads until the tagged reply of TAG, handing every other response to HANDLER; returns the reply after the tag. */
        String awaitTagged(String tag, Untagged handler) throws IOException {
            byte[] t = (tag + " ").getBytes(StandardCharsets.US_ASCII);
            while (true) {
                read();
                if (startsWith(t)) return lastReply = new String(buf, t.length, len - t.length, StandardCharsets.ISO_8859_1);
                if (startsWith("* BYE")) throw new IOException("server said: " + text());
                if (handler != null) handler.on(this);
            }
        }

        void ok(String what, String reply) throws IOException {
            if (!reply.startsWith("OK")) throw new IOException(what + ": " + reply);
        }

        /** Reads one response into buf: a line; when it ends in a literal {N}, the N octets and what follows, and so on. */
        void read() throws IOException {
            len = 0;
            while (true) {
                int start = len;
                while (true) {
                    if (rpos == rlim) fill();
                    int i = rpos;
                    while (i < rlim && rbuf[i] != '\n') i++;
                    append(rbuf, rpos, i - rpos);
                    if (i < rlim) {
                        rpos = i + 1;
                        break;
                    }
                    rpos = rlim;
                    if (len - start > 1 << 20) throw new IOException("response line longer than 1 MiB");
                }
                if (len > start && buf[len - 1] == '\r') len--;
                long literal = literalAtEnd(start);
                if (literal < 0) return;
                if (literal > 64L << 20) throw new IOException("literal of " + literal + " octets");
                long left = literal;
                while (left > 0) {
                    if (rpos == rlim) fill();
                    int n = (int) Math.min(left, rlim - rpos);
                    append(rbuf, rpos, n);
                    rpos += n;
                    left -= n;
                }
            }
        }

        private void fill() throws IOException {
            int n = in.read(rbuf, 0, rbuf.length);
            if (n < 0) throw new EOFException("connection closed by the server" + (len > 0 ? " after: " + text() : ""));
            rpos = 0;
            rlim = n;
            bytesIn += n;
        }

        private void append(byte[] b, int off, int n) {
            if (len + n > buf.length) buf = Arrays.copyOf(buf, Math.max(buf.length * 2, len + n));
            System.arraycopy(b, off, buf, len, n);
            len += n;
        }

        /** N when buf[start, len) ends in {N} or {N+}; else -1. */
        private long literalAtEnd(int start) {
            int i = len - 1;
            if (i <= start || buf[i] != '}') return -1;
            i--;
            if (buf[i] == '+') i--;
            int digitsEnd = i;
            while (i >= start && buf[i] >= '0' && buf[i] <= '9') i--;
            if (i < start || buf[i] != '{' || i == digitsEnd || digitsEnd - i > 12) return -1;
            return Long.parseLong(new String(buf, i + 1, digitsEnd - i, StandardCharsets.US_ASCII));
        }

        boolean startsWith(String s) { return startsWith(s.getBytes(StandardCharsets.US_ASCII)); }

        boolean startsWith(byte[] p) {
            if (len < p.length) return false;
            for (int i = 0; i < p.length; i++) if (buf[i] != p[i]) return false;
            return true;
        }

        /** "* N FETCH ..." */
        boolean isFetch() {
            if (len < 10 || buf[0] != '*' || buf[1] != ' ') return false;
            int i = 2;
            while (i < len && buf[i] >= '0' && buf[i] <= '9') i++;
            if (i == 2 || i + 6 > len) return false;
            return buf[i] == ' ' && (buf[i + 1] | 0x20) == 'f' && (buf[i + 2] | 0x20) == 'e' && (buf[i + 3] | 0x20) == 't'
                    && (buf[i + 4] | 0x20) == 'c' && (buf[i + 5] | 0x20) == 'h';
        }

        /** N of "* N WORD", else -1. */
        int untaggedNumber(String word) {
            if (len < 4 || buf[0] != '*' || buf[1] != ' ') return -1;
            String t = text();
            String[] parts = t.split(" ");
            if (parts.length >= 3 && parts[2].equalsIgnoreCase(word) && parts[1].matches("[0-9]{1,10}")) return Integer.parseInt(parts[1]);
            return -1;
        }

        String text() { return new String(buf, 0, Math.min(len, 2000), StandardCharsets.ISO_8859_1); }

        @Override public void close() {
            try {
                socket.close();
            } catch (IOException e) {
                // closed anyway
            }
        }
    }

    /** A BufferedOutputStream without the lock (one thread per connection). */
    static final class BufferedOutputStream2 extends OutputStream {
        private final OutputStream out;
        private final byte[] b;
        private int n;

        BufferedOutputStream2(OutputStream out, int size) { this.out = out; this.b = new byte[size]; }

        @Override public void write(int c) throws IOException {
            if (n == b.length) flushBuffer();
            b[n++] = (byte) c;
        }

        @Override public void write(byte[] data, int off, int length) throws IOException {
            if (length >= b.length) {
                flushBuffer();
                out.write(data, off, length);
                return;
            }
            if (length > b.length - n) flushBuffer();
            System.arraycopy(data, off, b, n, length);
            n += length;
        }

        private void flushBuffer() throws IOException {
            if (n > 0) out.write(b, 0, n);
            n = 0;
        }

        @Override public void flush() throws IOException {
            flushBuffer();
            out.flush();
        }
    }

    static String quote(String s) { return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""; }

    static void get(Future<?> f) throws Exception {
        try {
            f.get();
        } catch (java.util.concurrent.ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception x) throw x;
            throw e;
        }
    }

    // ---------------------------------------------------------------------------------------------------
    // The messages: varied, realistic shapes; the same for a given (seed, number) everywhere
    // ---------------------------------------------------------------------------------------------------

    record Message(byte[] bytes, String flags, String internalDate) {}

    static final String[] FIRST = {"Alice", "Bob", "Carol", "David", "Erin", "Frank", "Grace", "Heidi", "Ivan", "Judy",
            "Mallory", "Niaj", "Olivia", "Peggy", "Rupert", "Sybil", "Trent", "Victor", "Walter", "Yvonne", "Hannah",
            "Igor", "Kenji", "Laura", "Mateo", "Nora", "Oscar", "Priya", "Quentin", "Rosa", "Samir", "Tina"};
    static final String[] LAST = {"Anders", "Baker", "Chen", "Dubois", "Evans", "Fischer", "Garcia", "Hughes", "Ito",
            "Jensen", "Kowalski", "Lopez", "Martin", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt",
            "Tanaka", "Usman", "Varga", "Weber", "Xu", "Young", "Zimmermann"};
    /** Names that need an RFC 2047 encoded word (UTF-8, Q encoding). */
    static final String[][] NON_ASCII_NAMES = {{"Zoë Müller", "=?UTF-8?Q?Zo=C3=AB_M=C3=BCller?="},
            {"José Peña", "=?UTF-8?Q?Jos=C3=A9_Pe=C3=B1a?="}, {"Søren Ødegård", "=?UTF-8?Q?S=C3=B8ren_=C3=98deg=C3=A5rd?="},
            {"Łukasz Wójcik", "=?UTF-8?Q?=C5=81ukasz_W=C3=B3jcik?="}};
    static final String[] DOMAINS = {"example.com", "example.org", "example.net", "mail.example.com", "corp.example.org",
            "lists.example.net", "university.example.edu", "shop.example.co.uk", "startup.example.io", "example.de"};
    static final String[] TOPICS = {"Quarterly report", "Meeting notes", "Invoice", "Trip to Lisbon", "Build failure on main",
            "Release plan", "Lunch on Friday", "Your order has shipped", "Password reset", "Team offsite", "Budget review",
            "Contract draft", "Weekly newsletter", "Server maintenance window", "Interview schedule", "Holiday photos",
            "Bug in the importer", "Conference talk proposal", "Project kickoff", "Performance review"};
    static final String[] PREFIXES = {"", "", "", "", "Re: ", "Re: ", "Fwd: ", "RE: ", "[dev] ", "Re: [team] "};
    static final String[] WORDS = ("the of and to in is that for it as with was on be at by this had not are but from or have an "
            + "they which one you were her all she there would their we him been has when who will more no if out so said what "
            + "up its about into than them can only other new some could time these two may then do first any my now such like "
            + "our over man me even most made after also did many before must through back years where much your way well down "
            + "should because each just those people how too little state good very make world still own see men work long get "
            + "here between both life being under never day same another know while last might us great old year off come since "
            + "against go came right used take three schedule deadline review draft budget server release customer invoice "
            + "meeting project report quarter update feedback proposal").split(" ");
    static final String[][] ATTACHMENTS = {{"application/pdf", "report-%d.pdf"}, {"image/png", "screenshot-%d.png"},
            {"image/jpeg", "IMG_%d.jpg"}, {"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "figures-%d.xlsx"},
            {"application/zip", "logs-%d.zip"}};
    static final DateTimeFormatter INTERNAL_DATE = DateTimeFormatter.ofPattern("dd-MMM-yyyy HH:mm:ss Z", Locale.ROOT);
    static final long BASE_EPOCH = 1_700_000_000L;  // 2023-11-14

    static Message message(int n) {
        Random r = new Random(seed * 0x9E3779B97F4A7C15L + n * 0xBF58476D1CE4E5B9L);
        StringBuilder h = new StringBuilder(512);
        // Dates: about 45 minutes apart, with jitter, in one of a few time zones.
        long epoch = BASE_EPOCH + n * 2700L + r.nextInt(1800);
        ZoneOffset zone = ZoneOffset.ofHours(new int[]{0, 1, 2, -5, -8, 9, 5}[r.nextInt(7)]);
        ZonedDateTime date = ZonedDateTime.ofInstant(Instant.ofEpochSecond(epoch), zone);
        String fromDomain = DOMAINS[r.nextInt(DOMAINS.length)];
        String first = FIRST[r.nextInt(FIRST.length)], last = LAST[r.nextInt(LAST.length)];
        String fromAddr = (first + "." + last).toLowerCase(Locale.ROOT) + (r.nextInt(4) == 0 ? String.valueOf(r.nextInt(100)) : "") + "@" + fromDomain;
        String fromName = r.nextInt(10) == 0 ? NON_ASCII_NAMES[r.nextInt(NON_ASCII_NAMES.length)][1] : "\"" + first + " " + last + "\"";
        h.append("Return-Path: <").append(fromAddr).append(">\r\n");
        h.append("Received: from mail.").append(fromDomain).append(" (mail.").append(fromDomain).append(" [192.0.2.")
                .append(1 + r.nextInt(250)).append("])\r\n\tby mx.example.test with ESMTPS id ").append(Long.toHexString(r.nextLong()))
                .append("\r\n\tfor <bench@example.test>; ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(date.plusSeconds(2))).append("\r\n");
        h.append("Date: ").append(DateTimeFormatter.RFC_1123_DATE_TIME.format(date)).append("\r\n");
        h.append("From: ").append(fromName).append(" <").append(fromAddr).append(">\r\n");
        h.append("To: \"Bench User\" <bench@example.test>");
        if (r.nextInt(4) == 0) h.append(", ").append(FIRST[r.nextInt(FIRST.length)].toLowerCase(Locale.ROOT)).append("@").append(DOMAINS[r.nextInt(DOMAINS.length)]);
        h.append("\r\n");
        if (r.nextInt(5) == 0)
            h.append("Cc: ").append(FIRST[r.nextInt(FIRST.length)]).append(" <").append(FIRST[r.nextInt(FIRST.length)].toLowerCase(Locale.ROOT))
                    .append("@").append(DOMAINS[r.nextInt(DOMAINS.length)]).append(">\r\n");
        String topic = TOPICS[r.nextInt(TOPICS.length)];
        String subject = PREFIXES[r.nextInt(PREFIXES.length)] + topic + " " + words(r, 1 + r.nextInt(4)) + " #" + n;
        if (r.nextInt(10) == 0) {  // an encoded word with non-ASCII text
            h.append("Subject: =?UTF-8?Q?").append(qEncode("Café " + subject)).append("?=\r\n");
        } else {
            h.append("Subject: ").append(subject).append("\r\n");
        }
        String msgId = "<" + Long.toString(seed, 36) + "." + n + "." + Integer.toHexString(r.nextInt()) + "@" + fromDomain + ">";
        h.append("Message-ID: ").append(msgId).append("\r\n");
        if (subject.startsWith("Re") && n > 10) {
            String parent = "<" + Long.toString(seed, 36) + "." + (n - 1 - r.nextInt(10)) + ".0@" + DOMAINS[r.nextInt(DOMAINS.length)] + ">";
            h.append("In-Reply-To: ").append(parent).append("\r\nReferences: ").append(parent).append("\r\n");
        }
        if (r.nextInt(3) == 0) h.append("X-Mailer: ").append(new String[]{"Thunderbird 128.3.1", "Apple Mail (2.3774)", "Microsoft Outlook 16.0"}[r.nextInt(3)]).append("\r\n");
        h.append("MIME-Version: 1.0\r\n");

        StringBuilder b = new StringBuilder(4096);
        int kind = r.nextInt(20);  // 8 of 20 plain text, 7 multipart/alternative, 5 multipart/mixed with an attachment
        if (kind < 8) {
            h.append("Content-Type: text/plain; charset=utf-8; format=flowed\r\nContent-Transfer-Encoding: 7bit\r\n");
            b.append(text(r, 1200 + r.nextInt(3400)));
        } else if (kind < 15) {
            String boundary = "=_alt_" + n + "_" + Integer.toHexString(r.nextInt());
            h.append("Content-Type: multipart/alternative; boundary=\"").append(boundary).append("\"\r\n");
            String text = text(r, 900 + r.nextInt(1300));
            alternative(b, boundary, text);
        } else {
            String boundary = "=_mixed_" + n + "_" + Integer.toHexString(r.nextInt());
            h.append("Content-Type: multipart/mixed; boundary=\"").append(boundary).append("\"\r\n");
            b.append("This is a multi-part message in MIME format.\r\n\r\n--").append(boundary).append("\r\n");
            String text = text(r, 500 + r.nextInt(1100));
            if (r.nextBoolean()) {
                String inner = "=_alt_" + n + "_" + Integer.toHexString(r.nextInt());
                b.append("Content-Type: multipart/alternative; boundary=\"").append(inner).append("\"\r\n\r\n");
                alternative(b, inner, text);
            } else {
                b.append("Content-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n").append(text);
            }
            String[] att = ATTACHMENTS[r.nextInt(ATTACHMENTS.length)];
            String file = String.format(Locale.ROOT, att[1], 100 + r.nextInt(9000));
            byte[] data = new byte[600 + r.nextInt(1400)];
            r.nextBytes(data);
            b.append("\r\n--").append(boundary).append("\r\nContent-Type: ").append(att[0]).append("; name=\"").append(file)
                    .append("\"\r\nContent-Disposition: attachment; filename=\"").append(file)
                    .append("\"\r\nContent-Transfer-Encoding: base64\r\n\r\n");
            String b64 = java.util.Base64.getMimeEncoder(76, new byte[]{'\r', '\n'}).encodeToString(data);
            b.append(b64).append("\r\n--").append(boundary).append("--\r\n");
        }
        ByteArrayOutputStream m = new ByteArrayOutputStream(h.length() + b.length() + 2);
        m.writeBytes(h.toString().getBytes(StandardCharsets.UTF_8));
        m.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        m.writeBytes(b.toString().getBytes(StandardCharsets.UTF_8));
        int f = r.nextInt(100);
        String flags = f < 60 ? (f < 10 ? "\\Seen \\Answered" : f < 15 ? "\\Seen \\Flagged" : "\\Seen") : "";
        return new Message(m.toByteArray(), flags, INTERNAL_DATE.format(date));
    }

    static void alternative(StringBuilder b, String boundary, String text) {
        b.append("--").append(boundary).append("\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n");
        b.append(text);
        b.append("\r\n--").append(boundary).append("\r\nContent-Type: text/html; charset=utf-8\r\nContent-Transfer-Encoding: 7bit\r\n\r\n");
        b.append("<html><head><meta charset=\"utf-8\"></head><body>\r\n");
        for (String para : text.split("\r\n\r\n")) {
            if (!para.isBlank()) b.append("<p style=\"margin:0 0 12px 0;font-family:Arial,sans-serif\">").append(para.replace("\r\n", "<br>\r\n")).append("</p>\r\n");
        }
        b.append("</body></html>\r\n--").append(boundary).append("--\r\n");
    }

    /** About SIZE characters of text in paragraphs, lines at most 72 characters, each ending in CRLF. */
    static String text(Random r, int size) {
        StringBuilder t = new StringBuilder(size + 100);
        t.append("Hi ").append(FIRST[r.nextInt(FIRST.length)]).append(",\r\n\r\n");
        int line = 0;
        while (t.length() < size) {
            String w = WORDS[r.nextInt(WORDS.length)];
            if (line + w.length() + 1 > 72) {
                t.append("\r\n");
                line = 0;
                if (r.nextInt(8) == 0) t.append("\r\n");
            } else if (line > 0) {
                t.append(' ');
                line++;
            }
            t.append(w);
            line += w.length();
        }
        t.append(".\r\n\r\n-- \r\n").append(FIRST[r.nextInt(FIRST.length)]).append("\r\n");
        return t.toString();
    }

    static String words(Random r, int n) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < n; i++) s.append(i == 0 ? "" : " ").append(WORDS[r.nextInt(WORDS.length)]);
        return s.toString();
    }

    /** RFC 2047 Q encoding of UTF-8 text. */
    static String qEncode(String s) {
        StringBuilder q = new StringBuilder();
        for (byte c : s.getBytes(StandardCharsets.UTF_8)) {
            int v = c & 0xff;
            if (v == ' ') q.append('_');
            else if (v > 32 && v < 127 && v != '=' && v != '?' && v != '_') q.append((char) v);
            else q.append('=').append(String.format("%02X", v));
        }
        return q.toString();
    }
}
