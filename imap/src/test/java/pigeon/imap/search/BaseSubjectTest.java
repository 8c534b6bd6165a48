package pigeon.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class BaseSubjectTest {
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Hello|Hello",
            "Re: Hello|Hello",
            "RE: Hello|Hello",
            "re:Hello|Hello",
            "Re: Re: Re: Hello|Hello",
            "Fwd: Hello|Hello",
            "FW: Hello|Hello",
            "Fw : Hello|Hello",
            "Re[2]: Hello|Hello",
            "Re [2]: Hello|Hello",
            "[PATCH] Hello|Hello",
            "Re: [PATCH] Hello|Hello",
            "[list] Re: [PATCH v2] Re: Hello|Hello",
            "[PATCH]|[PATCH]",
            "[a][b] Hello|Hello",
            "Hello (fwd)|Hello",
            "Hello (FWD) (fwd)|Hello",
            "[fwd: Hello]|Hello",
            "[Fwd: Re: Hello (fwd)]|Hello",
            "Fwd: [fwd: Re: Hello]|Hello",
            "Hello   world|Hello world",
            "Hello\tworld|Hello world",
            "  Hello  |Hello",
            "Re:|''",
            "Reply to this|Reply to this",
            "Fwding: x|Fwding: x",
            "Re: =?utf-8?q?Gr=C3=BC=C3=9Fe?=|Grüße",
            "=?utf-8?q?Re=3A_?= Hello|Hello",
    })
    void baseSubject(String raw, String base) {
        assertEquals(base, BaseSubject.of(raw).text());
    }

    @Test
    void replyOrForwardIsReported() {
        assertTrue(BaseSubject.of("Re: x").replyOrForward());
        assertTrue(BaseSubject.of("[list] Fwd: x").replyOrForward());
        assertTrue(BaseSubject.of("x (fwd)").replyOrForward());
        assertTrue(BaseSubject.of("[fwd: x]").replyOrForward());
        assertFalse(BaseSubject.of("[list] x").replyOrForward());
        assertFalse(BaseSubject.of("  x  ").replyOrForward());
        assertFalse(BaseSubject.of(null).replyOrForward());
        assertEquals("", BaseSubject.of(null).text());
    }
}
