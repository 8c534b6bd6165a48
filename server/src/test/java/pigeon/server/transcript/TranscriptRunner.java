package pigeon.server.transcript;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Runs one {@link Transcript} over real sockets: applies its fixtures, plays its steps, and
 * fails with an {@link AssertionError} naming the file and line, the expected pattern, the
 * actual line and the last lines exchanged. When all steps passed, anything the server
 * sent that no step read (already arrived, not waited for) is a failure too. All sockets
 * are closed at the end, whatever happens; {@code DROP} resets one before.
 */
final class TranscriptRunner {

    private static final int HISTORY = 10;

    private final Transcript transcript;
    private final Map<String, InetSocketAddress> ports;
    private final String defaultPort;
    private final Map<Integer, Connection> open = new TreeMap<>();
    private final Map<Integer, String> portOf = new TreeMap<>();
    private final Set<Integer> dropped = new HashSet<>();
    private final Deque<String[]> history = new ArrayDeque<>();
    private int current = 1;
    private boolean manySessions;

    private TranscriptRunner(Transcript transcript, Map<String, InetSocketAddress> ports, String defaultPort) {
        this.transcript = transcript;
        this.ports = Map.copyOf(ports);
        this.defaultPort = transcript.port() != null ? transcript.port() : defaultPort;
    }

    /**
     * Runs {@code transcript}; sessions connect to {@code ports.get(name)}, where name is the
     * session's port, else the transcript's {@code @port}, else {@code defaultPort}.
     */
    static void run(Transcript transcript, Map<String, InetSocketAddress> ports, String defaultPort,
                    Fixtures fixtures) throws Exception {
        for (String fixture : transcript.fixtures()) {
            try {
                fixtures.apply(fixture);
            } catch (Exception e) {
                throw new IllegalStateException(transcript.name() + ": fixture '" + fixture + "' failed: " + e, e);
            }
        }
        TranscriptRunner runner = new TranscriptRunner(transcript, ports, defaultPort);
        try {
            for (Transcript.Step step : transcript.steps()) {
                runner.step(step);
            }
            runner.checkNothingLeft();
        } finally {
            runner.closeAll();
        }
    }

    private void step(Transcript.Step step) throws IOException, InterruptedException {
        switch (step) {
            case Transcript.Session s -> session(s);
            case Transcript.Wait w -> Thread.sleep(w.millis());
            case Transcript.Send s -> send(s);
            case Transcript.Expect e -> {
                Connection.Line line = readLine(e.line(), e.pattern().source());
                if (!e.pattern().matches(line.text())) {
                    throw fail(e.line(), "server line does not match",
                            "expected: " + e.pattern().source() + "\n  actual:   " + shown(line, true));
                }
            }
            case Transcript.ExpectUnordered u -> unordered(u);
            case Transcript.ExpectClosed c -> closed(c);
            case Transcript.Drop d -> drop(d);
            case Transcript.StartTls t -> {
                remember("TLS");
                try {
                    connection(t.line()).startTls();
                } catch (IOException e) {
                    throw fail(t.line(), "TLS handshake failed: " + e, "");
                }
            }
        }
    }

    private void session(Transcript.Session s) {
        current = s.number();
        manySessions |= current != 1;
        if (s.port() == null) {
            return;
        }
        String before = portOf.get(current);
        if (open.containsKey(current) && !s.port().equals(before)) {
            throw fail(s.line(), "session " + current + " is already open on port '" + before + "'", "");
        }
        portOf.put(current, s.port());
    }

    private void send(Transcript.Send s) {
        Connection connection = connection(s.line());
        remember(s.shown());
        try {
            connection.send(s.bytes());
        } catch (IOException e) {
            throw fail(s.line(), "could not send: " + e.getMessage(), "");
        }
    }

    private Connection.Line readLine(int step, String expected) throws IOException {
        Connection.Read read = connection(step).read(transcript.timeout());
        long ms = transcript.timeout().toMillis();
        switch (read) {
            case Connection.Line line -> {
                remember("S: " + shown(line, false));
                if (!line.ending().equals("CRLF")) {
                    throw fail(step, "server line is not ended by CRLF",
                            "expected: " + expected + "\n  actual:   " + shown(line, true));
                }
                return line;
            }
            case Connection.Closed closed -> {
                remember("S: <closed>");
                throw fail(step, "server closed the connection (" + closed.how() + ")", "expected: " + expected);
            }
            case Connection.Silent silent -> throw fail(step,
                    silent.partial().isEmpty() ? "server sent nothing within " + ms + " ms"
                            : "server sent no line end within " + ms + " ms",
                    "expected: " + expected + (silent.partial().isEmpty() ? ""
                            : "\n  partial:  \"" + Connection.visible(silent.partial()) + "\""));
        }
    }

    private void unordered(Transcript.ExpectUnordered block) throws IOException {
        List<Transcript.Expect> patterns = block.patterns();
        List<String> lines = new ArrayList<>();
        for (Transcript.Expect e : patterns) {
            lines.add(readLine(e.line(), "(S{ block) " + e.pattern().source()).text());
        }
        int[] lineOf = UnorderedMatch.assign(patterns.stream().map(Transcript.Expect::pattern).toList(), lines);
        StringBuilder details = new StringBuilder();
        boolean[] used = new boolean[lines.size()];
        for (int i = 0; i < patterns.size(); i++) {
            if (lineOf[i] >= 0) {
                used[lineOf[i]] = true;
            } else {
                details.append("  no line for:  ").append(patterns.get(i).pattern().source())
                        .append("   (line ").append(patterns.get(i).line()).append(")\n");
            }
        }
        for (int j = 0; j < lines.size(); j++) {
            if (!used[j]) {
                details.append("  unexpected:   \"").append(Connection.visible(lines.get(j))).append("\"\n");
            }
        }
        if (!details.isEmpty()) {
            throw fail(block.line(), "lines of the S{ ... S} block do not match its patterns in any order",
                    details.toString().strip());
        }
    }

    private void closed(Transcript.ExpectClosed step) throws IOException {
        Connection.Read read = connection(step.line()).read(transcript.timeout());
        switch (read) {
            case Connection.Closed closed -> remember("S: <closed>");
            case Connection.Line line -> {
                remember("S: " + shown(line, false));
                throw fail(step.line(), "server sent a line instead of closing",
                        "expected: <closed>\n  actual:   " + shown(line, true));
            }
            case Connection.Silent silent -> throw fail(step.line(),
                    "server did not close within " + transcript.timeout().toMillis() + " ms", "expected: <closed>");
        }
    }

    /** DROP: a reset, not an orderly close, once the session has read all that arrived. */
    private void drop(Transcript.Drop step) {
        Connection connection = open.get(current);
        if (connection == null) {
            throw fail(step.line(), "nothing to drop: session " + current + " is not open", "");
        }
        nothingLeft(step.line(), connection);
        open.remove(current);
        dropped.add(current);
        remember("DROP");
        try {
            connection.reset();
        } catch (IOException e) {
            throw fail(step.line(), "could not drop: " + e.getMessage(), "");
        }
    }

    private void checkNothingLeft() {
        for (Map.Entry<Integer, Connection> entry : open.entrySet()) {
            current = entry.getKey();
            nothingLeft(-1, entry.getValue());
        }
    }

    private void nothingLeft(int step, Connection connection) {
        String unread = connection.unread();
        if (!unread.isEmpty()) {
            throw fail(step, "server sent more than the transcript expects",
                    "unread:   \"" + Connection.visible(unread) + "\"");
        }
    }

    /** Port names whose connections start with the TLS handshake (RFC 8314). */
    static final java.util.Set<String> IMPLICIT_TLS = java.util.Set.of("submissions", "imaps", "pop3s");

    private Connection connection(int step) {
        Connection connection = open.get(current);
        if (connection != null) {
            return connection;
        }
        if (dropped.contains(current)) {
            throw fail(step, "session " + current + " was dropped", "");
        }
        String name = portOf.getOrDefault(current, defaultPort);
        if (name == null) {
            throw fail(step, "no port to connect to: no SESSION port, no @port, no default",
                    "known ports: " + new TreeMap<>(ports).keySet());
        }
        InetSocketAddress address = ports.get(name);
        if (address == null) {
            throw fail(step, "no address for port '" + name + "'", "known ports: " + new TreeMap<>(ports).keySet());
        }
        try {
            connection = new Connection(address, transcript.timeout());
            if (IMPLICIT_TLS.contains(name)) connection.startTls();
        } catch (IOException e) {
            throw fail(step, "cannot connect to " + name + " at " + address + ": " + e, "");
        }
        portOf.put(current, name);
        open.put(current, connection);
        return connection;
    }

    private static String shown(Connection.Line line, boolean quoted) {
        String text = quoted ? "\"" + Connection.visible(line.text()) + "\"" : Connection.visible(line.text());
        return switch (line.ending()) {
            case "LF" -> text + "  [ended by a bare LF]";
            case "EOF" -> text + "  [closed before the line ended]";
            default -> text;
        };
    }

    private void remember(String text) {
        if (history.size() == HISTORY) {
            history.removeFirst();
        }
        history.addLast(new String[] {String.valueOf(current), text});
    }

    private AssertionError fail(int line, String what, String details) {
        StringBuilder message = new StringBuilder()
                .append(transcript.name()).append(line > 0 ? ":" + line : "")
                .append(" (session ").append(current).append("): ").append(what);
        if (!details.isEmpty()) {
            message.append("\n  ").append(details);
        }
        message.append("\nlast lines exchanged:");
        if (history.isEmpty()) {
            message.append(" none");
        }
        for (String[] entry : history) {
            message.append("\n  ").append(manySessions ? entry[0] + " " : "").append(entry[1]);
        }
        return new AssertionError(message.toString());
    }

    private void closeAll() {
        for (Connection connection : open.values()) {
            try {
                connection.close();
            } catch (IOException e) {
                // closing is best effort
            }
        }
        open.clear();
    }
}
