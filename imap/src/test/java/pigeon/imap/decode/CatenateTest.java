package pigeon.imap.decode;

import static org.junit.jupiter.api.Assertions.*;
import static pigeon.imap.decode.Parse.nextCommand;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.Catenation;
import pigeon.imap.command.FetchItem;
import pigeon.imap.command.Flag;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.ImapCommand.Append;
import pigeon.imap.command.ImapCommand.Noop;
import pigeon.imap.command.MessageLiteral;
import pigeon.imap.command.MessageLiteralException;
import pigeon.imap.command.Section;

/** RFC 4469 CATENATE on the wire ({@link PendingCatenation}) and RFC 5092 URLs ({@link ImapUrl}). */
class CatenateTest {
    private static String text(Catenation c) throws Exception {
        Catenation.Part p = c.nextPart().orElseThrow();
        return new String(assertInstanceOf(Catenation.Text.class, p).literal().open().readAllBytes(), StandardCharsets.US_ASCII);
    }

    private static String url(Catenation c) throws Exception {
        return assertInstanceOf(Catenation.Url.class, c.nextPart().orElseThrow()).url();
    }

    @Test void partsComeOneAfterTheOtherThenTheNextMessage() throws Exception {
        Wire wire = new Wire("a APPEND INBOX (\\Seen) CATENATE (URL \"/INBOX/;UID=1\" TEXT {5+}\r\nhello URL {3+}\r\n;U2 TEXT {2}\r\nhi)"
                + " (\\Flagged) {5+}\r\nworld\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        Append a = (Append) nextCommand(r);
        assertEquals(List.of(Flag.SEEN), a.flags());
        Catenation c = assertInstanceOf(Catenation.class, a.data());
        assertEquals("/INBOX/;UID=1", url(c));
        assertEquals("hello", text(c));
        assertEquals(";U2", url(c));
        assertEquals("hi", text(c));
        assertTrue(c.nextPart().isEmpty());
        assertTrue(c.nextPart().isEmpty(), "and stays at its end");
        ImapCommand.AppendMessage second = c.next().orElseThrow();
        assertEquals(List.of(Flag.FLAGGED), second.flags());
        MessageLiteral l = assertInstanceOf(MessageLiteral.class, second.data());
        assertEquals("world", new String(l.open().readAllBytes(), StandardCharsets.US_ASCII));
        assertTrue(l.next().isEmpty());
        assertEquals(new Noop("b"), nextCommand(r));
    }

    @Test void aRefusedCatenationSkipsWhatTheClientSends() throws Exception {
        // refused before the first part: the non-synchronising literals are on the wire and skipped
        Wire wire = new Wire("a APPEND INBOX CATENATE (TEXT {5+}\r\nhello URL \"x\" TEXT {2+}\r\nhi) {3+}\r\nabc\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        assertInstanceOf(Append.class, nextCommand(r));
        assertEquals(new Noop("b"), nextCommand(r));
    }

    @Test void aSynchronisingTextPartNeverInvitedEndsTheCommand() throws Exception {
        // a bad URL answered before the TEXT part: the client waits for a continuation, then sends the next command
        Wire wire = new Wire("a APPEND INBOX CATENATE (URL \"x\" TEXT {5}\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        Catenation c = (Catenation) ((Append) nextCommand(r)).data();
        assertEquals("x", url(c));
        assertEquals(new Noop("b"), nextCommand(r));
    }

    @Test void junkAfterALiteralIsABadCommand() throws Exception {
        Wire wire = new Wire("a APPEND INBOX CATENATE (TEXT {2+}\r\nhi JUNK {3+}\r\nabc\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        Catenation c = (Catenation) ((Append) nextCommand(r)).data();
        assertEquals("hi", text(c));
        MessageLiteralException e = assertThrows(MessageLiteralException.class, c::nextPart);
        assertEquals("APPEND: invalid CATENATE part (TEXT or URL)", e.getMessage());
        assertEquals(new Noop("b"), nextCommand(r), "the rest of the command, its literal included, is skipped");
    }

    @Test void theListMustEndTheCommandOrGoOnWithAMessage() throws Exception {
        Wire wire = new Wire("a APPEND INBOX CATENATE (URL \"x\") junk\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        Catenation c = (Catenation) ((Append) nextCommand(r)).data();
        assertEquals("x", url(c));
        assertTrue(c.nextPart().isEmpty());
        MessageLiteralException e = assertThrows(MessageLiteralException.class, c::next, "a message must follow the space");
        assertEquals("APPEND: invalid message literal", e.getMessage());
        assertEquals(new Noop("b"), nextCommand(r));
    }

    @Test void anEmptyListIsASyntaxError() {
        assertEquals("a BAD APPEND: invalid CATENATE part (TEXT or URL)", Parse.error("a APPEND INBOX CATENATE ()"));
        assertEquals("a BAD APPEND: invalid literal", Parse.error("a APPEND INBOX CATENATE (TEXT \"x\")"));
    }

    @Test void urlForms() {
        ImapUrl path = ImapUrl.parse("/INBOX;UIDVALIDITY=785799047/;UID=20/;SECTION=1.2.HEADER.FIELDS%20(SUBJECT)/;PARTIAL=0.1024");
        assertEquals(Optional.of("INBOX"), path.mailbox());
        assertEquals(OptionalLong.of(785799047), path.uidValidity());
        assertEquals(20, path.uid());
        assertEquals(new Section(List.of(1, 2), Section.Text.HEADER_FIELDS, List.of("SUBJECT")), path.section());
        assertEquals(Optional.of(new FetchItem.Partial(0, 1024)), path.partial());
        assertTrue(path.host().isEmpty());

        ImapUrl relative = ImapUrl.parse(";uid=3/;section=text");
        assertTrue(relative.mailbox().isEmpty());
        assertEquals(3, relative.uid());
        assertEquals(Section.Text.TEXT, relative.section().text());

        ImapUrl absolute = ImapUrl.parse("imap://alice%40example.test;AUTH=*@mail.example.test:143/Lists/Java%20Caf%C3%A9/;UID=7");
        assertEquals(Optional.of("alice@example.test"), absolute.user());
        assertEquals(Optional.of("mail.example.test"), absolute.host());
        assertEquals(Optional.of("Lists/Java Café"), absolute.mailbox());
        assertEquals(Section.WHOLE, absolute.section());
        assertFalse(absolute.urlAuth());

        assertTrue(ImapUrl.parse("/INBOX/;UID=1;EXPIRE=2026-12-03T15:00:00Z;URLAUTH=anonymous:internal:abcd").urlAuth());
        assertEquals(Optional.of(new FetchItem.Partial(100, Long.MAX_VALUE)), ImapUrl.parse("/A/;UID=1/;PARTIAL=100").partial());
    }

    @Test void notUrlsOfAMessage() {
        for (String bad : List.of("", "INBOX;UID=1", "/INBOX", "/INBOX/;UID=0", "/INBOX/;UID=4294967296", "/;UID=1",
                "/INBOX/;UID=1/;SECTION=1.FOO", "/INBOX/;UID=1/;SECTION=%ZZ", "/INBOX/;UID=1;SECTION=1",
                "/INBOX/;SECTION=1/;UID=1", "/INBOX/;UIDVALIDITY=1/;UID=1", ";UIDVALIDITY=1/;UID=1", "imap://host",
                "imap:///INBOX/;UID=1", "imap://host;UID=1", "/INBOX/;UID=1/;FOO=2", "/IN%FFBOX/;UID=1", "/IN BOX/;UID=1"))
            assertThrows(IllegalArgumentException.class, () -> ImapUrl.parse(bad), bad);
    }
}
