package pigeon.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pigeon.imap.decode.Parse.error;
import static pigeon.imap.decode.Parse.nextCommand;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.ImapCommand.Noop;

/** Every rejection: its exact text, and that the next command is read correctly after it. */
class ErrorsTest {

    /** Sends {@code bad}, then {@code z NOOP}: returns the error, checking the NOOP comes through. */
    private static String errorThenNoop(Wire wire) {
        ImapReader r = Parse.reader(wire);
        ParseError e = assertInstanceOf(ParseError.class, Parse.next(r));
        assertFalse(e.fatal());
        assertEquals(new Noop("z"), nextCommand(r), "the connection stays usable");
        return e.response();
    }

    private static String errorThenNoop(String line) { return errorThenNoop(new Wire(line + "\r\nz NOOP\r\n")); }

    @Test void grammarErrors() {
        assertEquals("a BAD LOGIN: unterminated quoted string", errorThenNoop("a LOGIN \"alice secret"));
        assertEquals("a BAD LOGIN: invalid escape in quoted string", errorThenNoop("a LOGIN \"al\\ice\" x"));
        assertEquals("a BAD LOGIN: invalid literal", errorThenNoop("a LOGIN {5x}"));
        assertEquals("a BAD LOGIN: invalid literal", errorThenNoop("a LOGIN {5} alice"));
        assertEquals("a BAD LOGIN: invalid literal", errorThenNoop("a LOGIN {}"));
        assertEquals("a BAD LOGIN: missing argument", errorThenNoop("a LOGIN alice"));
        assertEquals("a BAD LOGIN: missing password", errorThenNoop("a LOGIN alice "));
        assertEquals("a BAD LOGIN: missing argument", errorThenNoop("a LOGIN"));
        assertEquals("a BAD LOGIN: expected space", errorThenNoop("a LOGIN alice(x) y"));
        assertEquals("a BAD LOGIN: invalid UTF-8 in quoted string", errorThenNoop(Wire.bytes(
                "a LOGIN \"\u00ff\" x\r\nz NOOP\r\n".getBytes(StandardCharsets.ISO_8859_1))));
        assertEquals("a BAD NOOP: unexpected extra argument", errorThenNoop("a NOOP now"));
        assertEquals("a BAD NOOP: unexpected extra argument", errorThenNoop("a NOOP "));
        assertEquals("a BAD SELECT: missing argument", errorThenNoop("a SELECT"));
        assertEquals("a BAD SELECT: missing ')'", errorThenNoop("a SELECT INBOX (CONDSTORE"));
        assertEquals("a BAD RENAME: missing argument", errorThenNoop("a RENAME a"));
        assertEquals("a BAD AUTHENTICATE: invalid initial response", errorThenNoop("a AUTHENTICATE PLAIN abc"));
        assertEquals("a BAD ENABLE: missing argument", errorThenNoop("a ENABLE"));
        assertEquals("a BAD ID: invalid field name", errorThenNoop("a ID (name \"x\")"));
        assertEquals("a BAD APPEND: missing argument", errorThenNoop("a APPEND INBOX (\\Seen)"));
        assertEquals("a BAD APPEND: invalid message literal", errorThenNoop("a APPEND INBOX hello"));
        assertEquals("a BAD APPEND: missing literal8", errorThenNoop("a APPEND INBOX UTF8 ("));
        assertEquals("a BAD APPEND: invalid literal8", errorThenNoop("a APPEND INBOX UTF8 ({5}"));
        assertEquals("a BAD APPEND: invalid date-time", errorThenNoop("a APPEND INBOX \"7-Jul-2024 02:44:25 -0700\" {1}"));
        assertEquals("a BAD UID: unknown UID command", errorThenNoop("a UID CAPABILITY"));
        assertEquals("a BAD COPY: invalid sequence set", errorThenNoop("a COPY 1:2:3 Trash"));
        assertEquals("a BAD FETCH: invalid sequence set", errorThenNoop("a FETCH 4294967296 FLAGS"));
    }

    @Test void lineLevelErrors() {
        assertEquals("a BAD Unknown command", errorThenNoop("a getquotaroot \"INBOX\""), "QUOTA is not advertised");
        assertEquals("a BAD Unknown command", errorThenNoop("a XYZZY"));
        assertEquals("* BAD Empty command line", errorThenNoop(""));
        assertEquals("* BAD Invalid tag", errorThenNoop("+ NOOP"));
        assertEquals("* BAD Invalid tag", errorThenNoop("a+1 NOOP"));
        assertEquals("* BAD Invalid tag", errorThenNoop("a{1} NOOP"));
        assertEquals("* BAD Invalid tag", errorThenNoop(" a NOOP"));
        assertEquals("* BAD Invalid tag", errorThenNoop("* OK hello"));
        assertEquals("a BAD Missing command", errorThenNoop("a"));
        assertEquals("a BAD Missing command", errorThenNoop("a "));
        assertEquals("a BAD Invalid command name", errorThenNoop("a  NOOP"));
    }

    @Test void nulOctets() {
        assertEquals("a BAD NUL octet in command", errorThenNoop(Wire.bytes("a NOOP\0\r\nz NOOP\r\n".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("* BAD NUL octet in command", errorThenNoop(Wire.bytes("\0\r\nz NOOP\r\n".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("a BAD NUL octet in literal", errorThenNoop(Wire.bytes("a LOGIN {3+}\r\na\0b x\r\nz NOOP\r\n".getBytes(StandardCharsets.US_ASCII))));
        assertEquals("a BAD NUL octet in command", errorThenNoop(Wire.bytes("a LOGIN {1+}\r\na \0\r\nz NOOP\r\n".getBytes(StandardCharsets.US_ASCII))));
    }

    @Test void overlongLines() {
        String longName = "x".repeat(ImapLimits.DEFAULTS.maxLineLength());
        assertEquals("a BAD Line too long", errorThenNoop("a SELECT " + longName));
        assertEquals("* BAD Line too long", errorThenNoop(longName + " NOOP"));
        // after a literal, the rest of the command is a segment of its own, with the same bound
        assertEquals("a BAD Line too long", errorThenNoop("a LOGIN {1+}\r\nb " + longName));
        // an overlong line announcing a non-synchronising literal: its octets are skipped too
        assertEquals("a BAD Line too long", errorThenNoop("a SELECT " + longName + " {5+}\r\nhello"));
        // exactly at the limit is fine
        String exact = "a SELECT " + "y".repeat(ImapLimits.DEFAULTS.maxLineLength() - "a SELECT ".length());
        assertInstanceOf(ReadResult.Parsed.class, Parse.next(Parse.reader(new Wire(exact + "\r\n"))));
    }

    @Test void nestingLimit() {
        ImapLimits limits = new ImapLimits(64 * 1024, 64 * 1024, 1 << 20, 1 << 20, 32, 16);
        String ok = "a SEARCH " + "(".repeat(32) + "SEEN" + ")".repeat(32);
        assertInstanceOf(ReadResult.Parsed.class, Parse.next(Parse.reader(new Wire(ok + "\r\n"), limits)));
        String deep = "a SEARCH " + "(".repeat(33) + "SEEN" + ")".repeat(33);
        ParseError e = assertInstanceOf(ParseError.class, Parse.next(Parse.reader(new Wire(deep + "\r\n"), limits)));
        assertEquals("a BAD SEARCH: search keys nested too deeply", e.response());
        assertEquals("a BAD SEARCH: search keys nested too deeply", errorThenNoop("a SEARCH " + "NOT ".repeat(1000) + "SEEN"),
                "NOT and OR count too, which bounds the parser's recursion");
    }

    @Test void tooManyLiterals() {
        StringBuilder cmd = new StringBuilder("a SEARCH");
        for (int i = 0; i <= ImapLimits.DEFAULTS.maxLiterals(); i++) cmd.append(" TEXT {1+}\r\nx");
        assertEquals("a BAD Too many literals in one command", errorThenNoop(cmd.toString()));
    }

    @Test void synchronisingLiteralTooLargeIsNeverInvited() {
        Wire wire = new Wire("a LOGIN {65537}\r\nz NOOP\r\n");
        assertEquals("a BAD [TOOBIG] Literal too large (limit 65536 octets)", errorThenNoop(wire));
        assertEquals(0, wire.continuations);
        Wire append = new Wire("a APPEND INBOX {26214401}\r\nz NOOP\r\n");
        assertEquals("a NO [TOOBIG] Message too large (limit 26214400 octets)", errorThenNoop(append));
        assertEquals(0, append.continuations);
        Wire huge = new Wire("a LOGIN {99999999999999999999999}\r\nz NOOP\r\n");
        assertEquals("a BAD [TOOBIG] Literal too large (limit 65536 octets)", errorThenNoop(huge));
    }

    @Test void nonSynchronisingLiteralTooLargeIsSkippedWithinTheDiscardLimit() {
        ImapLimits limits = new ImapLimits(1024, 1024, 4096, 8192, 8, 4);
        String big = "q".repeat(2000);
        ImapReader r = Parse.reader(new Wire("a LOGIN {2000+}\r\n" + big + " x\r\nz NOOP\r\n"), limits);
        assertEquals("a BAD [TOOBIG] Literal too large (limit 1024 octets)", ((ParseError) Parse.next(r)).response());
        assertEquals(new Noop("z"), nextCommand(r));
        String msg = "m".repeat(5000);
        ImapReader r2 = Parse.reader(new Wire("a APPEND INBOX {5000+}\r\n" + msg + "\r\nz NOOP\r\n"), limits);
        ParseError e = (ParseError) Parse.next(r2);
        assertEquals("a NO [TOOBIG] Message too large (limit 4096 octets)", e.response());
        assertEquals(Optional.of("TOOBIG"), e.code());
        assertEquals(new Noop("z"), nextCommand(r2));
    }

    @Test void nonSynchronisingLiteralBeyondTheDiscardLimitIsFatal() {
        ImapLimits limits = new ImapLimits(1024, 1024, 4096, 8192, 8, 4);
        ParseError e = (ParseError) Parse.next(Parse.reader(new Wire("a APPEND INBOX {9000+}\r\n" + "m".repeat(9000) + "\r\n"), limits));
        assertTrue(e.fatal(), "the session must close: the client is sending 9000 octets");
        assertEquals("a NO [TOOBIG] Message too large (limit 4096 octets)", e.response());
    }
}
