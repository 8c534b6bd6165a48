package pigeon.imap.search;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.decode.ImapLimits;
import pigeon.imap.decode.ImapReader;
import pigeon.imap.decode.ReadResult;

/** Parses command lines with the real parser, so tests read like client input. */
final class Commands {
    private Commands() {}

    static ImapCommand parse(String line) {
        byte[] bytes = (line + "\r\n").getBytes(StandardCharsets.UTF_8);
        try {
            ReadResult r = new ImapReader(new ByteArrayInputStream(bytes), () -> {}, ImapLimits.DEFAULTS).next();
            if (r instanceof ReadResult.Parsed p) return p.command();
            throw new AssertionError("not a command: " + line + " → " + r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static ImapCommand.Search search(String line) {
        return (ImapCommand.Search) parse(line);
    }
}
