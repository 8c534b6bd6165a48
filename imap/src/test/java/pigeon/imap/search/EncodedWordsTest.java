package pigeon.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class EncodedWordsTest {
    @Test
    void plainTextIsUntouched() {
        assertEquals("Hello world", EncodedWords.decode("Hello world"));
        assertNull(EncodedWords.decode(null));
    }

    @Test
    void qEncoding() {
        assertEquals("Grüße aus Köln", EncodedWords.decode("=?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?="));
        assertEquals("café", EncodedWords.decode("=?iso-8859-1?q?caf=E9?="));
    }

    @Test
    void bEncoding() {
        assertEquals("日本語", EncodedWords.decode("=?UTF-8?B?5pel5pys6Kqe?="));
        String latin1 = java.util.Base64.getEncoder().encodeToString("Ünïcödé".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1));
        assertEquals("Ünïcödé", EncodedWords.decode("=?ISO-8859-1?B?" + latin1 + "?="));
        assertEquals("ab", EncodedWords.decode("=?utf-8?b?YWI?=")); // padding missing
    }

    @Test
    void whitespaceBetweenAdjacentWordsIsDropped() {
        // RFC 2047 §8 examples
        assertEquals("(a)", EncodedWords.decode("(=?ISO-8859-1?Q?a?=)"));
        assertEquals("(a b)", EncodedWords.decode("(=?ISO-8859-1?Q?a?= b)"));
        assertEquals("(ab)", EncodedWords.decode("(=?ISO-8859-1?Q?a?= =?ISO-8859-1?Q?b?=)"));
        assertEquals("(ab)", EncodedWords.decode("(=?ISO-8859-1?Q?a?=\r\n    =?ISO-8859-1?Q?b?=)"));
        assertEquals("(a b)", EncodedWords.decode("(=?ISO-8859-1?Q?a_b?=)"));
        assertEquals("(a b)", EncodedWords.decode("(=?ISO-8859-1?Q?a?= =?ISO-8859-2?Q?_b?=)"));
    }

    @Test
    void multibyteCharacterSplitAcrossWords() {
        // "é" is C3 A9 in UTF-8, split over two words
        assertEquals("café", EncodedWords.decode("=?UTF-8?Q?caf=C3?= =?UTF-8?Q?=A9?="));
        assertEquals("日本", EncodedWords.decode("=?UTF-8?B?5pel5g==?= =?UTF-8?B?nKw=?="));
    }

    @Test
    void textAroundWordsIsKept() {
        assertEquals("Re: café now", EncodedWords.decode("Re: =?utf-8?q?caf=C3=A9?= now"));
        assertEquals("xcafé", EncodedWords.decode("x=?utf-8?q?caf=C3=A9?="));
    }

    @Test
    void unknownCharsetAndMalformedWordsStayAsTheyAre() {
        assertEquals("=?x-nope?Q?abc?=", EncodedWords.decode("=?x-nope?Q?abc?="));
        assertEquals("=?utf-8?X?abc?=", EncodedWords.decode("=?utf-8?X?abc?="));
        assertEquals("=?utf-8?Q?a b?=", EncodedWords.decode("=?utf-8?Q?a b?="));
        assertEquals("a =?utf-8?q?unterminated", EncodedWords.decode("a =?utf-8?q?unterminated"));
    }

    @Test
    void languageSuffixAndLowerCaseEncoding() {
        assertEquals("hello", EncodedWords.decode("=?US-ASCII*EN?q?hello?="));
    }

    @Test
    void badQEscapeKeptLiterally() {
        assertEquals("100==%", EncodedWords.decode("=?utf-8?q?100=3D=%?="));
    }
}
