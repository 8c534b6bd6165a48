package pigeon.server.transcript;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads a transcript file. The format, one directive per line (leading blanks ignored):
 *
 * <pre>
 * # comment                  comments and blank lines are ignored anywhere
 * &#64;fixture alice-inbox-4      header: the rest of the line goes to the fixture callback
 * &#64;port imap                  header: the named port sessions connect to (else the test's)
 * &#64;timeout 2000               header: ms to wait for each S: line, or a connect (default 5000)
 * C: a1 LOGIN alice secret   send the text, then CRLF ("C:" alone sends just CRLF)
 * C+ raw                     send the text with no line ending
 * C: &#64;bytes 1000 x            send 1000 copies of the byte x (may be an escape), then CRLF
 * S: a1 OK *                 read one line, which must end in CRLF, and match it whole
 * S:                         ... an empty line
 * S{                         the S: lines up to S} match the next lines in any order; each
 *   S: * FLAGS *             pattern takes exactly one line, so the block reads as many
 *   S: * 4 EXISTS            lines as it has patterns
 * S}
 * S: &lt;closed&gt;                the server closes the connection (EOF or reset)
 * DROP                       the client resets the session's connection at once (a client that
 *                            vanishes); what the server sent must all have been read; the
 *                            session cannot be used again, other sessions can
 * SESSION 2                  switch to connection 2 (opened on first use); 1 is the default
 * SESSION 3 pop3             ... and connect it to another named port
 * WAIT 200                   sleep 200 ms (sparingly: for IDLE-like tests)
 * </pre>
 *
 * Headers come before the first step. Text after {@code "C: "}, {@code "C+ "} and
 * {@code "S: "} is taken exactly, trailing blanks included; client text is sent as UTF-8.
 * Escapes there: {@code \r \n \t \\ \*} and {@code \xNN} (a byte; in an S: pattern the
 * character U+00NN). In S: patterns an unescaped {@code *} matches any run of characters,
 * {@code \*} a literal star; server lines are decoded as UTF-8 (bad bytes become U+FFFD).
 * When all steps have passed, anything the server sent that no S: line read fails the
 * transcript. A CR ending a line of the file itself (CRLF checkouts) is dropped.
 */
final class TranscriptParser {

    private final String name;
    private final List<String> fixtures = new ArrayList<>();
    private final List<Transcript.Step> steps = new ArrayList<>();
    private String port;
    private Duration timeout = Transcript.DEFAULT_TIMEOUT;
    private List<Transcript.Expect> block;
    private int blockLine;
    private int number;

    private TranscriptParser(String name) {
        this.name = name;
    }

    /** Parses {@code text}; {@code name} labels error messages. */
    static Transcript parse(String name, String text) {
        TranscriptParser parser = new TranscriptParser(name);
        for (String raw : text.split("\n", -1)) {
            parser.number++;
            parser.line(raw.endsWith("\r") ? raw.substring(0, raw.length() - 1) : raw);
        }
        if (parser.block != null) {
            throw parser.error(parser.blockLine, "S{ is never closed by S}");
        }
        return new Transcript(name, parser.fixtures, parser.port, parser.timeout, parser.steps);
    }

    private void line(String raw) {
        String line = raw.stripLeading();
        if (line.isBlank() || line.startsWith("#")) {
            return;
        }
        if (line.startsWith("@")) {
            header(line);
        } else if (block != null) {
            blockLine(line);
        } else if (line.equals("C:") || line.startsWith("C: ")) {
            send(text(line));
        } else if (line.startsWith("C+ ")) {
            steps.add(new Transcript.Send(number, bytes(line.substring(3)), line));
        } else if (line.equals("S: <closed>")) {
            steps.add(new Transcript.ExpectClosed(number));
        } else if (line.equals("S:") || line.startsWith("S: ")) {
            steps.add(new Transcript.Expect(number, glob(text(line))));
        } else if (line.equals("S{")) {
            block = new ArrayList<>();
            blockLine = number;
        } else if (line.equals("DROP")) {
            steps.add(new Transcript.Drop(number));
        } else if (line.equals("TLS")) {
            steps.add(new Transcript.StartTls(number));
        } else if (line.startsWith("SESSION ")) {
            String[] words = words(line, 2, 3);
            int session = (int) positive(words[1]);
            steps.add(new Transcript.Session(number, session, words.length == 3 ? words[2] : null));
        } else if (line.startsWith("WAIT ")) {
            steps.add(new Transcript.Wait(number, positive(words(line, 2, 2)[1])));
        } else {
            throw error(number, "unknown directive: " + line);
        }
    }

    private void header(String line) {
        if (!steps.isEmpty() || block != null) {
            throw error(number, "headers go before the first step: " + line);
        }
        if (line.startsWith("@fixture ") && !line.substring(9).isBlank()) {
            fixtures.add(line.substring(9).strip());
            return;
        }
        String[] words = words(line, 2, 2);
        switch (words[0]) {
            case "@port" -> port = words[1];
            case "@timeout" -> timeout = Duration.ofMillis(positive(words[1]));
            default -> throw error(number, "unknown header: " + line);
        }
    }

    private void blockLine(String line) {
        if (line.equals("S}")) {
            if (block.isEmpty()) {
                throw error(blockLine, "empty S{ block");
            }
            steps.add(new Transcript.ExpectUnordered(blockLine, block));
            block = null;
        } else if (line.equals("S: <closed>")) {
            throw error(number, "S: <closed> cannot be inside S{ ... S}");
        } else if (line.equals("S:") || line.startsWith("S: ")) {
            block.add(new Transcript.Expect(number, glob(text(line))));
        } else {
            throw error(number, "only S: lines may be inside S{ ... S}: " + line);
        }
    }

    private void send(String text) {
        byte[] bytes;
        if (text.startsWith("@bytes ")) {
            String[] words = words(text, 3, 3);
            byte[] unit = bytes(words[2]);
            if (unit.length != 1) {
                throw error(number, "@bytes repeats exactly one byte, not: " + words[2]);
            }
            long count = positive(words[1]);
            if (count > 100_000_000) {
                throw error(number, "@bytes count too large: " + count);
            }
            bytes = new byte[(int) count + 2];
            Arrays.fill(bytes, 0, (int) count, unit[0]);
        } else {
            byte[] body = bytes(text);
            bytes = Arrays.copyOf(body, body.length + 2);
        }
        bytes[bytes.length - 2] = '\r';
        bytes[bytes.length - 1] = '\n';
        steps.add(new Transcript.Send(number, bytes, "C: " + text));
    }

    /** The text after "C: " or "S: ", or "" for a bare "C:" / "S:". */
    private static String text(String line) {
        return line.length() <= 3 ? "" : line.substring(3);
    }

    /** Unescapes client text: characters as UTF-8, escapes as the bytes they name. */
    private byte[] bytes(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder plain = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c != '\\') {
                plain.append(c);
                continue;
            }
            out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
            plain.setLength(0);
            int[] decoded = escape(text, i);
            out.write(decoded[0]);
            i = decoded[1];
        }
        out.writeBytes(plain.toString().getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** Splits a server pattern into literal parts at unescaped stars. */
    private Glob glob(String text) {
        List<String> parts = new ArrayList<>();
        StringBuilder part = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '*') {
                parts.add(part.toString());
                part.setLength(0);
            } else if (c == '\\') {
                int[] decoded = escape(text, i);
                part.append((char) decoded[0]);
                i = decoded[1];
            } else {
                part.append(c);
            }
        }
        parts.add(part.toString());
        return new Glob(text, parts);
    }

    /** Decodes the escape starting at the backslash {@code text[at]}: {value, index of its last char}. */
    private int[] escape(String text, int at) {
        if (at + 1 >= text.length()) {
            throw error(number, "lone backslash at end of line");
        }
        return switch (text.charAt(at + 1)) {
            case 'r' -> new int[] {'\r', at + 1};
            case 'n' -> new int[] {'\n', at + 1};
            case 't' -> new int[] {'\t', at + 1};
            case '\\' -> new int[] {'\\', at + 1};
            case '*' -> new int[] {'*', at + 1};
            case 'x' -> {
                int high = at + 2 < text.length() ? Character.digit(text.charAt(at + 2), 16) : -1;
                int low = at + 3 < text.length() ? Character.digit(text.charAt(at + 3), 16) : -1;
                if (high < 0 || low < 0) {
                    throw error(number, "\\x needs two hex digits");
                }
                yield new int[] {high * 16 + low, at + 3};
            }
            default -> throw error(number, "unknown escape \\" + text.charAt(at + 1));
        };
    }

    private String[] words(String line, int min, int max) {
        String[] words = line.trim().split("\\s+");
        if (words.length < min || words.length > max) {
            throw error(number, "expected " + (min == max ? "" + min : min + "-" + max) + " words: " + line);
        }
        return words;
    }

    private long positive(String word) {
        try {
            long value = Long.parseLong(word);
            if (value > 0) {
                return value;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw error(number, "expected a positive number, not: " + word);
    }

    private IllegalArgumentException error(int line, String message) {
        return new IllegalArgumentException(name + ":" + line + ": " + message);
    }
}
