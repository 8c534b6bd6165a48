package pigeon.imap.search;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import pigeon.imap.message.MessageView;
import pigeon.imap.mime.MimePart;
import pigeon.imap.mime.MultiPart;
import pigeon.imap.mime.Param;
import pigeon.imap.mime.SinglePart;

/**
 * BODY and TEXT (RFC 9051 §6.4.4) over one message, streaming only the byte ranges it needs.
 *
 * <p>What counts as the body's text: every TEXT/* leaf, its transfer encoding (base64, quoted-printable)
 * and charset decoded (UTF-8, US-ASCII, unknown or absent charsets by {@link LenientUtf8}; in other
 * charsets, octets that don't decode are replaced); HTML is searched
 * as it is, tags included. Inside a MESSAGE/RFC822 (or /GLOBAL) part, the encapsulated header fields
 * (encoded words decoded) and its text parts. Other parts (images, application/*) are not searched:
 * their decoded octets are not text, and their encoded form would only give false matches. A match
 * never spans two parts or two header fields.
 */
final class TextSearch {
    private static final int BUFFER = 8192;

    private TextSearch() {}

    /** Whether the header fields contain the string, each searched as {@code Name: decoded value}. */
    static boolean inHeader(List<HeaderBlock.Field> fields, Needle needle) {
        Needle.Scan scan = needle.scan();
        for (HeaderBlock.Field f : fields) {
            scan.separate();
            scan.feed(f.name());
            scan.feed(": ");
            scan.feed(f.decoded());
            if (scan.found()) return true;
        }
        return scan.found();
    }

    /** Whether the text of {@code part} and the parts below it contain the string. */
    static boolean inBody(MessageView m, MimePart part, Needle needle) throws IOException {
        if (needle.isEmpty()) return true;
        switch (part) {
            case MultiPart multi -> {
                for (MimePart p : multi.parts()) if (inBody(m, p, needle)) return true;
                return false;
            }
            case SinglePart single -> {
                if (single.message() != null) {
                    MimePart inner = single.message().body();
                    return inHeader(HeaderBlock.read(m, inner.span().header()), needle) || inBody(m, inner, needle);
                }
                return single.isText() && inText(m, single, needle);
            }
        }
    }

    private static boolean inText(MessageView m, SinglePart part, Needle needle) throws IOException {
        if (part.span().bodyLength() == 0) return false;
        Needle.Scan scan = needle.scan();
        Charset charset = charset(part.params());
        try (InputStream raw = m.open(part.span().bodyStart(), part.span().bodyLength());
             InputStream octets = decoded(new BufferedInputStream(raw), part.encoding())) {
            if (charset == null || charset.equals(StandardCharsets.UTF_8)) {
                LenientUtf8.feed(octets, scan);
                return scan.found();
            }
            Reader text = new InputStreamReader(octets, charset.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPLACE).onUnmappableCharacter(CodingErrorAction.REPLACE));
            char[] buf = new char[BUFFER];
            int n;
            while (!scan.found() && (n = text.read(buf)) > 0) scan.feed(buf, 0, n);
        }
        return scan.found();
    }

    private static InputStream decoded(InputStream in, String encoding) {
        return switch (encoding) {
            case "BASE64" -> new Base64Input(in);
            case "QUOTED-PRINTABLE" -> new QuotedPrintableInput(in);
            default -> in; // 7BIT, 8BIT, BINARY, and unknown encodings read as they are
        };
    }

    /** The part's charset; null when absent or unknown (then {@link LenientUtf8} reads it). */
    private static Charset charset(List<Param> params) {
        for (Param p : params) if (p.name().equals("CHARSET")) return EncodedWords.charset(p.value());
        return null;
    }
}
