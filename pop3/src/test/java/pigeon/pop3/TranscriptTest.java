package pigeon.pop3;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every {@code transcripts/*.t} against a fresh server over real sockets. In a transcript,
 * {@code C: x} sends x with CRLF; {@code S: x} reads one line, which must end in CRLF, and matches
 * it against x where {@code *} stands for any text; {@code SESSION n} switches to connection n
 * (opened when first named; session 1 is open at the start); {@code CLOSED} expects the server to
 * close the connection; {@code DROP} closes it from the client side and waits until the server's
 * session has ended; {@code #} starts a comment.
 */
class TranscriptTest {

    @TestFactory
    Stream<DynamicTest> transcripts() throws IOException, URISyntaxException {
        Path dir = Path.of(TranscriptTest.class.getResource("/transcripts").toURI());
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".t")).sorted()
                    .map(p -> DynamicTest.dynamicTest(p.getFileName().toString(), () -> run(p)))
                    .toList().stream();
        }
    }

    private static void run(Path file) throws Exception {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Deque<String> recent = new ArrayDeque<>();
        try (TestServer server = new TestServer()) {
            Map<Integer, Client> sessions = new HashMap<>();
            sessions.put(1, new Client(server.port()));
            int current = 1;
            int ended = 0;
            try {
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i);
                    String where = file.getFileName() + ":" + (i + 1);
                    if (line.isBlank() || line.startsWith("#")) continue;
                    Client c = sessions.get(current);
                    if (line.startsWith("SESSION ")) {
                        current = Integer.parseInt(line.substring(8).trim());
                        if (!sessions.containsKey(current)) sessions.put(current, new Client(server.port()));
                        note(recent, "-- session " + current);
                    } else if (line.startsWith("C:")) {
                        String text = line.length() > 3 ? line.substring(3) : "";
                        note(recent, current + " C: " + text);
                        c.send(text);
                    } else if (line.startsWith("S:")) {
                        String expected = line.length() > 3 ? line.substring(3) : "";
                        String actual;
                        try {
                            actual = c.read();
                        } catch (IOException | AssertionError e) {
                            throw failure(where, expected, e.toString(), recent, lines);
                        }
                        note(recent, current + " S: " + actual);
                        if (actual == null || !matches(expected, actual)) throw failure(where, expected, actual, recent, lines);
                    } else if (line.equals("CLOSED")) {
                        String actual = c.read();
                        if (actual != null) throw failure(where, "(end of stream)", actual, recent, lines);
                        ended++;
                        server.awaitSessionsEnded(ended);
                    } else if (line.equals("DROP")) {
                        c.close();
                        ended++;
                        server.awaitSessionsEnded(ended);
                        note(recent, "-- session " + current + " dropped");
                    } else {
                        fail(where + ": unknown transcript line: " + line);
                    }
                }
            } finally {
                for (Client c : sessions.values()) c.close();
            }
        }
    }

    static boolean matches(String pattern, String actual) {
        StringBuilder regex = new StringBuilder();
        for (String part : pattern.split("\\*", -1)) {
            if (!regex.isEmpty()) regex.append(".*");
            regex.append(Pattern.quote(part));
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL).matcher(actual).matches();
    }

    private static void note(Deque<String> recent, String s) {
        recent.addLast(s);
        if (recent.size() > 12) recent.removeFirst();
    }

    private static AssertionError failure(String where, String expected, String actual, Deque<String> recent, List<String> all) {
        return new AssertionError(where + "\n  expected: " + expected + "\n  actual:   " + actual
                + "\n  last lines exchanged:\n    " + String.join("\n    ", recent)
                + "\n  transcript:\n    " + String.join("\n    ", all));
    }

}
