package pigeon.imap.fetch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Quoted-printable (RFC 2045 §6.7), bare-LF repair, and header subsets on their own. */
class DecodersTest {
    private static String qp(String encoded) throws IOException {
        return read(new QuotedPrintableInputStream(in(encoded)));
    }

    private static InputStream in(String latin1) {
        return new ByteArrayInputStream(latin1.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    @Test
    void quotedPrintableEscapes() throws IOException {
        assertEquals("a=b", qp("a=3Db"));
        assertEquals("a=b", qp("a=3db"), "lower-case hex accepted");
        assertEquals("Gr\u00c3\u00bc\u00c3\u009fe", qp("Gr=C3=BC=C3=9Fe"));
    }

    @Test
    void quotedPrintableSoftLineBreaks() throws IOException {
        assertEquals("softbreak\r\nhard", qp("soft=\r\nbreak\r\nhard"));
        assertEquals("softbreak", qp("soft=\nbreak"));
        assertEquals("softbreak", qp("soft=  \t\r\nbreak"), "whitespace after = was added in transport");
        assertEquals("end", qp("end="));
    }

    @Test
    void quotedPrintableTrailingWhitespaceIsDropped() throws IOException {
        assertEquals("trailing\r\nx", qp("trailing \t \r\nx"));
        assertEquals("x", qp("x   "));
        assertEquals("a \tb  c", qp("a \tb  c"), "whitespace inside a line stays");
        assertEquals("a  \r\n", qp("a =20\r\n"), "an encoded trailing space stays");
    }

    @Test
    void quotedPrintableMalformedEscapesAreKept() throws IOException {
        assertEquals("100% = sure", qp("100% = sure"));
        assertEquals("=ZZ", qp("=ZZ"));
        assertEquals("=4", qp("=4"));
        assertEquals("a=\u00e9", qp("a=\u00e9"));
    }

    @Test
    void quotedPrintableLongWhitespaceRunIsData() throws IOException {
        String spaces = " ".repeat(20_000);
        assertEquals("a" + spaces + "b", qp("a" + spaces + "b"));
    }

    @Test
    void quotedPrintableBlockReads() throws IOException {
        String text = "line one=\r\n continues=0D=0A" + "x".repeat(10_000);
        assertEquals("line one continues\r\n" + "x".repeat(10_000), qp(text));
    }

    @Test
    void bareLineFeedsBecomeCrlf() throws IOException {
        assertEquals("a\r\nb\r\nc\r\n", read(new CrlfInputStream(in("a\nb\r\nc\n"))));
        assertEquals("\r\r\n\r\n", read(new CrlfInputStream(in("\r\r\n\n"))));
    }

    @Test
    void headerSubsetWithOddLines() throws IOException {
        String header = " orphan continuation\r\nnot a field\r\nFrom : a@example.com\r\n\tfolded\r\nTo: b@example.com\r\n\r\n";
        assertEquals("From : a@example.com\r\n\tfolded\r\n\r\n",
                new String(HeaderSubset.select(in(header), List.of("FROM"), false), StandardCharsets.ISO_8859_1));
        assertEquals(" orphan continuation\r\nnot a field\r\nTo: b@example.com\r\n\r\n",
                new String(HeaderSubset.select(in(header), List.of("from"), true), StandardCharsets.ISO_8859_1));
    }

    @Test
    void headerSubsetWithBareLineFeeds() throws IOException {
        assertEquals("To: b\n\n", new String(HeaderSubset.select(in("From: a\nTo: b\n\nbody"), List.of("to"), false),
                StandardCharsets.ISO_8859_1));
    }
}
