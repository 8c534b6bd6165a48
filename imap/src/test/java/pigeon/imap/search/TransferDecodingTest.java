package pigeon.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TransferDecodingTest {
    private static String read(InputStream in) throws IOException {
        return new String(in.readAllBytes(), StandardCharsets.ISO_8859_1);
    }

    private static InputStream bytes(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Test
    void base64WithLineBreaksAndJunk() throws IOException {
        assertEquals("Hello, world!", read(new Base64Input(bytes("SGVsbG8s\r\nIHdv\r\ncmxk!IQ==\r\n"))));
        assertEquals("ab", read(new Base64Input(bytes("YWI="))));
        assertEquals("ab", read(new Base64Input(bytes("YWI"))));
        assertEquals("", read(new Base64Input(bytes(""))));
    }

    @Test
    void quotedPrintable() throws IOException {
        assertEquals("caf\u00e9 au lait", read(new QuotedPrintableInput(bytes("caf=E9 au=\r\n lait"))));
        assertEquals("line1\r\nline2", read(new QuotedPrintableInput(bytes("line1\r\nline2"))));
        assertEquals("soft break", read(new QuotedPrintableInput(bytes("soft =  \r\nbreak"))));
        assertEquals("a=zz b= c", read(new QuotedPrintableInput(bytes("a=zz b= c"))));
        assertEquals("end=", read(new QuotedPrintableInput(bytes("end="))));
        assertEquals("x", read(new QuotedPrintableInput(bytes("x=\n=\n"))));
        assertEquals("lower=", read(new QuotedPrintableInput(bytes("lower=3d"))));
    }
}
