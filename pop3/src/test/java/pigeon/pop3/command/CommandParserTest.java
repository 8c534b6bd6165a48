package pigeon.pop3.command;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CommandParserTest {

    private static Pop3Command parse(String line) throws CommandSyntaxException { return CommandParser.parse(line); }

    @Test void simpleCommandsInAnyCase() throws Exception {
        assertEquals(new Pop3Command.Stat(), parse("STAT"));
        assertEquals(new Pop3Command.Stat(), parse("stat"));
        assertEquals(new Pop3Command.Noop(), parse("NoOp"));
        assertEquals(new Pop3Command.Rset(), parse("RSET"));
        assertEquals(new Pop3Command.Quit(), parse("quit"));
        assertEquals(new Pop3Command.Capa(), parse("CAPA"));
    }

    @Test void messageArguments() throws Exception {
        assertEquals(new Pop3Command.Retr(1), parse("RETR 1"));
        assertEquals(new Pop3Command.Dele(42), parse("dele 42"));
        assertEquals(new Pop3Command.Top(3, 0), parse("TOP 3 0"));
        assertEquals(new Pop3Command.Retr(7), parse("RETR 007"));
        assertEquals(new Pop3Command.List(OptionalInt.empty()), parse("LIST"));
        assertEquals(new Pop3Command.List(OptionalInt.of(2)), parse("LIST 2"));
        assertEquals(new Pop3Command.Uidl(OptionalInt.empty()), parse("UIDL"));
        assertEquals(new Pop3Command.Uidl(OptionalInt.of(9)), parse("uidl 9"));
        assertEquals(new Pop3Command.Retr(0), parse("RETR 0"), "zero parses; the session says no such message");
    }

    @Test void trailingSpacesTolerated() throws Exception {
        assertEquals(new Pop3Command.Stat(), parse("STAT "));
        assertEquals(new Pop3Command.List(OptionalInt.of(1)), parse("LIST 1  "));
    }

    @Test void userAndPass() throws Exception {
        assertEquals(new Pop3Command.User("alice@example.test"), parse("USER alice@example.test"));
        assertEquals(new Pop3Command.User("a-very-long-name.with.dots@a-long-subdomain.example.test"),
                parse("USER a-very-long-name.with.dots@a-long-subdomain.example.test"), "longer than RFC 1939's 40 characters");
        // RFC 1939 §7: the password is the rest of the line, spaces included.
        assertEquals(new Pop3Command.Pass("correct horse  battery "), parse("PASS correct horse  battery "));
        assertEquals(new Pop3Command.Pass(""), parse("PASS "));
        assertEquals("Pass[***]", parse("pass hunter2").toString(), "never shows the password");
    }

    @Test void auth() throws Exception {
        assertEquals(new Pop3Command.Auth(Optional.empty(), Optional.empty()), parse("AUTH"));
        assertEquals(new Pop3Command.Auth(Optional.of("PLAIN"), Optional.empty()), parse("auth plain"));
        String ir = "AGFsaWNlQGV4YW1wbGUudGVzdABzZWNyZXRzZWNyZXRzZWNyZXRzZWNyZXRzZWNyZXQ=";
        Pop3Command.Auth a = (Pop3Command.Auth) parse("AUTH PLAIN " + ir);
        assertEquals(Optional.of(ir), a.initialResponse(), "the initial response may exceed 40 characters (RFC 5034 §4)");
        assertFalse(a.toString().contains(ir), "never shows the response");
        assertEquals(Optional.of("="), ((Pop3Command.Auth) parse("AUTH PLAIN =")).initialResponse());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "FOO", "STATS", "APOP a b", "STLS x", "RETR", "RETR x", "RETR -1", "RETR +1", "RETR 1 2",
            "RETR 1234567890", "LIST 1 2", "LIST  1", " STAT", "STAT now", "TOP 1", "TOP 1 x", "TOP 1 2 3", "DELE",
            "USER", "USER a b", "PASS", "NOOP 1", "QUIT now", "CAPA x", "AUTH PLAIN a b", "RETR\t1", "RETR 1\t",
            "USER al\u0001ice", "AUTH AVERYLONGMECHANISMNAMEINDEED", "RE\uFFFDTR 1"})
    void rejected(String line) {
        CommandSyntaxException e = assertThrows(CommandSyntaxException.class, () -> parse(line));
        assertFalse(e.getMessage().isBlank());
        assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n"));
    }

    @Test void validityIsData() {
        assertEquals(Pop3Command.AUTHORIZATION, new Pop3Command.User("a").validIn());
        assertEquals(Pop3Command.AUTHORIZATION, new Pop3Command.Pass("a").validIn());
        assertEquals(Pop3Command.TRANSACTION, new Pop3Command.Retr(1).validIn());
        assertEquals(Pop3Command.TRANSACTION, new Pop3Command.Noop().validIn());
        assertTrue(new Pop3Command.Capa().validIn().containsAll(Pop3Command.ANY));
        assertTrue(new Pop3Command.Quit().validIn().containsAll(Pop3Command.ANY));
    }
}
