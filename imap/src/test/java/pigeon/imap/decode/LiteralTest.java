package pigeon.imap.decode;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pigeon.imap.decode.Parse.nextCommand;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.Flag;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.ImapCommand.Append;
import pigeon.imap.command.MessageLiteral;
import pigeon.imap.command.ImapCommand.Login;
import pigeon.imap.command.ImapCommand.Noop;
import pigeon.imap.command.MessageLiteralException;

class LiteralTest {

    @Test void synchronisingLiteralsInLoginWaitForTheContinuation() throws Exception {
        Wire wire = new Wire("a1 LOGIN {5}\r\n", "alice {6}\r\n", "s3cr t\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        assertEquals(new Login("a1", "alice", "s3cr t"), nextCommand(r));
        assertEquals(2, wire.continuations, "one continuation per synchronising literal");
        assertEquals(new Noop("b"), nextCommand(r));
        assertEquals(2, wire.continuations);
    }

    @Test void nonSynchronisingLiteralsNeedNoContinuation() throws Exception {
        Wire wire = new Wire("a1 LOGIN {5+}\r\nalice {8+}\r\np\"ss\\w{d\r\n");
        assertEquals(new Login("a1", "alice", "p\"ss\\w{d"), nextCommand(Parse.reader(wire)));
        assertEquals(0, wire.continuations);
    }

    @Test void emptyAndUtf8Literals() {
        Wire wire = new Wire("a LOGIN {0}\r\n", " {5+}\r\nj\u00f6rg\r\n");
        assertEquals(new Login("a", "", "jörg"), nextCommand(Parse.reader(wire)));
        assertEquals(1, wire.continuations, "{0} still waits for the continuation");
    }

    @Test void appendWithNonSynchronisingLiteralStreamsTheMessage() throws Exception {
        String message = "From: a@b\r\nSubject: hi\r\n\r\nbody\r\n";
        Wire wire = new Wire("t5 append \"Sent\" (\\Seen) {" + message.length() + "+}\r\n" + message + "\r\nt6 NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        Append a = (Append) nextCommand(r);
        assertEquals("Sent", a.mailbox());
        assertEquals(List.of(Flag.SEEN), a.flags());
        assertEquals(Optional.empty(), a.date());
        assertEquals(message.length(), a.literal().size());
        assertFalse(a.literal().synchronizing());
        assertTrue(wire.unread() > message.length(), "the parser has not read the message");
        try (InputStream in = a.literal().open()) {
            assertEquals(message, new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
        assertEquals(0, wire.continuations);
        assertEquals(new Noop("t6"), nextCommand(r));
    }

    @Test void appendWithSynchronisingLiteralSendsTheContinuationOnOpen() throws Exception {
        Wire wire = new Wire("a APPEND INBOX (\\Seen \\Draft) \" 7-Jul-2024 02:44:25 -0700\" {11}\r\n", "hello world\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        Append a = (Append) nextCommand(r);
        assertEquals(0, wire.continuations, "nothing invited until the handler opens the message");
        assertEquals(Optional.of(OffsetDateTime.of(2024, 7, 7, 2, 44, 25, 0, ZoneOffset.ofHours(-7))), a.date());
        assertEquals(List.of(Flag.SEEN, Flag.DRAFT), a.flags());
        byte[] got = a.literal().open().readAllBytes();
        assertEquals(1, wire.continuations);
        assertArrayEquals("hello world".getBytes(StandardCharsets.US_ASCII), got);
        assertEquals(new Noop("b"), nextCommand(r));
        assertThrows(IllegalStateException.class, () -> a.literal().open(), "opened once");
    }

    @Test void refusedSynchronisingAppendIsNeverInvited() {
        // the session answers NO [TRYCREATE] without opening; the client sends its next command
        Wire wire = new Wire("a APPEND Nope {11}\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        assertInstanceOf(Append.class, nextCommand(r));
        assertEquals(new Noop("b"), nextCommand(r));
        assertEquals(0, wire.continuations);
    }

    @Test void refusedOrHalfReadNonSynchronisingAppendIsSkipped() throws Exception {
        Wire wire = new Wire("a APPEND Nope {11+}\r\nhello world\r\nb APPEND INBOX {11+}\r\nhello world\r\nc NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        assertInstanceOf(Append.class, nextCommand(r));
        Append b = (Append) nextCommand(r);
        assertEquals('h', b.literal().open().read());
        assertEquals(new Noop("c"), nextCommand(r));
    }

    @Test void utf8AppendWithLiteral8() throws Exception {
        // RFC 6855 §4: APPEND mailbox UTF8 (~{n}); literal8 may hold any octet, NUL too
        byte[] msg = "Subject: \u00fcber\r\n\r\nx\u0000y\r\n".getBytes(StandardCharsets.UTF_8);
        Wire wire = new Wire("a APPEND INBOX UTF8 (~{" + msg.length + "+}\r\n" + new String(msg, StandardCharsets.UTF_8) + ")\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        Append a = (Append) nextCommand(r);
        assertTrue(a.utf8());
        assertTrue(a.literal().binary());
        assertArrayEquals(msg, a.literal().open().readAllBytes());
        assertEquals(new Noop("b"), nextCommand(r));
    }

    @Test void nulInAnAppendLiteralIsRefusedByTheStream() throws Exception {
        Wire wire = new Wire("a APPEND INBOX {3+}\r\na\u0000b\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        Append a = (Append) nextCommand(r);
        MessageLiteralException e = assertThrows(MessageLiteralException.class, () -> a.literal().open().readAllBytes());
        assertEquals("APPEND: NUL octet in the message (allowed in a literal8 only)", e.getMessage());
        assertEquals(new Noop("b"), nextCommand(r));
    }

    @Test void multiappendHandsOutTheNextMessage() throws Exception {
        // RFC 3502: SP [flag-list SP] [date-time SP] literal after a message literal
        Wire wire = new Wire("a APPEND INBOX {5+}\r\nhello (\\Seen) {5+}\r\nworld\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        Append a = (Append) nextCommand(r);
        InputStream in = a.literal().open();
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), in.readAllBytes());
        ImapCommand.AppendMessage second = a.literal().next().orElseThrow();
        assertEquals(List.of(Flag.SEEN), second.flags());
        assertArrayEquals("world".getBytes(StandardCharsets.US_ASCII), ((MessageLiteral) second.data()).open().readAllBytes());
        assertTrue(((MessageLiteral) second.data()).next().isEmpty());
        assertEquals(new Noop("b"), nextCommand(r));
    }

    @Test void junkAfterTheMessageFailsNext() throws Exception {
        Wire wire = new Wire("a APPEND INBOX {5+}\r\nhello junk {5+}\r\nworld\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        Append a = (Append) nextCommand(r);
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), a.literal().open().readAllBytes());
        MessageLiteralException e = assertThrows(MessageLiteralException.class, () -> a.literal().next());
        assertEquals("APPEND: invalid message literal", e.getMessage());
        assertEquals(new Noop("b"), nextCommand(r), "the rest of the command, its literal included, is skipped");
    }

    @Test void unreadMessagesAreSkipped() throws Exception {
        Wire wire = new Wire("a APPEND INBOX {5+}\r\nhello {5+}\r\nworld {1+}\r\n!\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        nextCommand(r);  // refused without a look at its messages
        assertEquals(new Noop("b"), nextCommand(r));
    }

    @Test void junkRightAfterTheMessage() throws Exception {
        Wire wire = new Wire("a APPEND INBOX {5+}\r\nhello!\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        Append a = (Append) nextCommand(r);
        InputStream in = a.literal().open();
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), in.readNBytes(5));
        MessageLiteralException e = assertThrows(MessageLiteralException.class, in::read);
        assertEquals("APPEND: expected end of line after the message", e.getMessage());
        assertEquals(new Noop("b"), nextCommand(r));
    }

    @Test void missingParenthesisAfterUtf8Literal() throws Exception {
        Wire wire = new Wire("a APPEND INBOX UTF8 (~{2+}\r\nhi\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        Append a = (Append) nextCommand(r);
        MessageLiteralException e = assertThrows(MessageLiteralException.class, () -> a.literal().open().readAllBytes());
        assertEquals("APPEND: expected ')' after the message", e.getMessage());
        assertEquals(new Noop("b"), nextCommand(r));
    }

    @Test void literal8OnlyForAppend() {
        Wire wire = new Wire("a LOGIN ~{5+}\r\nalice x\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        assertEquals("a BAD LOGIN: expected space", ((ParseError) Parse.next(r)).response(), "~ is an atom there");
        assertEquals(new Noop("b"), nextCommand(r), "the literal's octets were skipped");
    }

    @Test void endOfInputInsideALiteral() {
        assertInstanceOf(ReadResult.EndOfInput.class, Parse.next(Parse.reader(new Wire("a LOGIN {10+}\r\nabc"))));
        assertInstanceOf(ReadResult.EndOfInput.class, Parse.next(Parse.reader(new Wire("a LOGIN {3+}\r\nabc"))));
        assertInstanceOf(ReadResult.EndOfInput.class, Parse.next(Parse.reader(new Wire("a NOOP"))), "a partial line is dropped");
        assertInstanceOf(ReadResult.EndOfInput.class, Parse.next(Parse.reader(new Wire(""))));
    }

    @Test void readLineForDoneAndSasl() throws Exception {
        Wire wire = new Wire("a IDLE\r\nDONE\r\nb AUTHENTICATE PLAIN\r\nAGFsaWNlAHNlY3JldA==\r\n");
        ImapReader r = Parse.reader(wire);
        assertInstanceOf(pigeon.imap.command.ImapCommand.Idle.class, nextCommand(r));
        assertEquals("DONE", r.readLine());
        nextCommand(r);
        assertEquals("AGFsaWNlAHNlY3JldA==", r.readLine());
        assertEquals(null, r.readLine());
    }
}
