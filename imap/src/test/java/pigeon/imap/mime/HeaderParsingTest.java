package pigeon.imap.mime;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Units: RFC 2231 parameters, structured field parameters, address lists, IMAP strings. */
class HeaderParsingTest {
    private static List<Param> params(String field) {
        return Rfc2231.decode(ParamParser.parse(field).params());
    }

    @Test
    void rfc2231ContinuationsCharsetsAndBrokenSections() {
        // RFC 2231 §3 and §4.1 examples
        assertEquals(List.of(new Param("URL", "ftp://cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar")),
                params("message/external-body; URL*0=\"ftp://\"; URL*1=\"cs.utk.edu/pub/moore/bulk-mailer/bulk-mailer.tar\""));
        assertEquals(List.of(new Param("TITLE*", "This is even more ***fun*** isn't it!", true)),
                params("application/x-stuff; title*0*=us-ascii'en'This%20is%20even%20more%20;"
                        + " title*1*=%2A%2A%2Afun%2A%2A%2A%20; title*2=\"isn't it!\""));
        assertEquals(List.of(new Param("NAME*", "Köln.txt", true)), params("a/b; name*=iso-8859-1''K%F6ln.txt"));
        // sections out of order are sorted; a gap leaves them as written (as Dovecot does)
        assertEquals(List.of(new Param("KEY", "foobazba%")), params("a/b; key*2=ba%; key*0=\"foo\"; key*1=baz"));
        assertEquals(List.of(new Param("K*0", "a"), new Param("K*2", "c")), params("a/b; k*0=a; k*2=c"));
    }

    @Test
    void parametersKeepOrderCaseOfValuesAndRawEncodedWords() {
        assertEquals(List.of(new Param("CHARSET", "UTF-8"), new Param("NAME", "=?utf-8?q?a=3Bb?= x"),
                        new Param("X", "a;b\"c")),
                params("text/plain (a comment); charset=UTF-8 ; name=\"=?utf-8?q?a=3Bb?= x\"; novalue; x=\"a;b\\\"c\""));
        assertEquals("text/plain", ParamParser.parse(" text / plain ; x=1").value());
    }

    @Test
    void addresses() {
        // RFC 5322 Appendix A.5, with comments everywhere
        assertEquals(List.of(new Address("Pete", null, "pete", "silly.test"), Address.groupStart("A Group"),
                        new Address("Chris Jones", null, "c", "a.test"), new Address(null, null, "joe", "where.test"),
                        new Address("John", null, "jdoe", "one.test"), Address.groupEnd()),
                AddressParser.parse("Pete(A nice \\) chap) <pete(his account)@silly.test(his host)>,"
                        + " A Group(Some people):Chris Jones <c@(Chris's host.)a.test>, joe@where.test,"
                        + " John <jdoe@one.test> (my dear friend); (the end of the group)"));
        assertEquals(List.of(Address.groupStart("Undisclosed recipients"), Address.groupEnd()),
                AddressParser.parse("Undisclosed recipients:;"));
        assertEquals(List.of(), AddressParser.parse("  "));
        assertEquals(List.of(new Address("Mary Smith", null, "mary", "x.test")),
                AddressParser.parse("\"Mary\r\n Smith\" <mary@x.test>".replace("\r\n", "")));
        assertEquals(List.of(new Address(null, null, "", "example.com")), AddressParser.parse("<@example.com>"));
    }

    @Test
    void imapStrings() {
        assertEquals("\"a \\\"b\\\" \\\\c\"", ImapStrings.string("a \"b\" \\c", false));
        assertEquals("{4}\r\na\r\nb", ImapStrings.string("a\r\nb", true));
        assertEquals("{3}\r\nxé", ImapStrings.string("xé", false));
        assertEquals("\"xé\"", ImapStrings.string("xé", true));
        assertEquals("NIL", ImapStrings.nstring(null, true));
        assertEquals("\"\"", ImapStrings.nstring("", false));
    }
}
