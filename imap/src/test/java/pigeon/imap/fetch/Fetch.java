package pigeon.imap.fetch;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import pigeon.imap.command.FetchItem;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.decode.ImapLimits;
import pigeon.imap.decode.ImapReader;
import pigeon.imap.decode.ReadResult;

/** Test shortcuts: fetch items from command text, responses as text. */
final class Fetch {
    private Fetch() {}

    /** The items of a FETCH command line, e.g. {@code (UID BODY.PEEK[])}, parsed by the real parser. */
    static List<FetchItem> items(String items) {
        String line = "a1 FETCH 1 " + items + "\r\n";
        try {
            ReadResult r = new ImapReader(new ByteArrayInputStream(line.getBytes(StandardCharsets.UTF_8)), () -> { },
                    ImapLimits.DEFAULTS).next();
            ReadResult.Parsed parsed = assertInstanceOf(ReadResult.Parsed.class, r, () -> "parse " + line + ": " + r);
            return assertInstanceOf(ImapCommand.Fetch.class, parsed.command()).items();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(TestView m, String items, FetchOptions options) throws FetchException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            FetchResponder.write(out, m, items(items), options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** The response, one char per octet (ISO-8859-1), so that lengths and bytes compare exactly. */
    static String latin1(TestView m, String items, FetchOptions options) throws FetchException {
        return new String(bytes(m, items, options), StandardCharsets.ISO_8859_1);
    }

    static String latin1(TestView m, String items) throws FetchException {
        return latin1(m, items, FetchOptions.REV1);
    }

    /** The response as UTF-8 text. */
    static String utf8(TestView m, String items, FetchOptions options) throws FetchException {
        return new String(bytes(m, items, options), StandardCharsets.UTF_8);
    }

    /** {@code {n}\r\n} + data, n counted in octets (data given one char per octet). */
    static String literal(String latin1) {
        return "{" + latin1.length() + "}\r\n" + latin1;
    }
}
