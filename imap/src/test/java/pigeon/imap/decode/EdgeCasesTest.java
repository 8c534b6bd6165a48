package pigeon.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static pigeon.imap.decode.Parse.command;
import static pigeon.imap.decode.Parse.nextCommand;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.FetchItem;
import pigeon.imap.command.ImapCommand.*;
import pigeon.imap.command.SequenceSet;
import pigeon.protocol.net.LineTooLongException;

class EdgeCasesTest {

    @Test void bareLfEndsALineToo() {
        // for people typing with nc without -C; LF can't occur inside a line anywhere in the grammar
        ImapReader r = Parse.reader(new Wire("a NOOP\nb LOGIN {2}\n", "hi x\n"));
        assertEquals(new Noop("a"), nextCommand(r));
        assertEquals(new Login("b", "hi", "x"), nextCommand(r));
    }

    @Test void literalMailboxThenSynchronisingMessage() throws Exception {
        Wire wire = new Wire("a APPEND {5}\r\n", "Draft (\\Draft) {3}\r\n", "abc\r\nb NOOP\r\n");
        ImapReader r = Parse.reader(wire);
        Append a = (Append) nextCommand(r);
        assertEquals("Draft", a.mailbox());
        assertEquals(1, wire.continuations);
        assertEquals("abc", new String(a.literal().open().readAllBytes(), StandardCharsets.US_ASCII));
        assertEquals(2, wire.continuations);
        assertEquals(new Noop("b"), nextCommand(r));
    }

    @Test void savedResultAsSequenceSet() {
        assertEquals(SequenceSet.SAVED, command("a UID FETCH $ (FLAGS)", Fetch.class).set());
        assertEquals(SequenceSet.SAVED, command("a STORE $ +FLAGS \\Seen", Store.class).set());
        assertEquals(SequenceSet.SAVED, command("a UID MOVE $ Trash", Move.class).set());
        assertEquals("a BAD FETCH: invalid sequence set", Parse.error("a FETCH 1,$ FLAGS"));
    }

    @Test void literalHeaderFieldNames() {
        Wire wire = new Wire("a FETCH 1 BODY.PEEK[HEADER.FIELDS ({4+}\r\nFrom)]\r\n");
        Fetch f = (Fetch) nextCommand(Parse.reader(wire));
        assertEquals(List.of("From"), ((FetchItem.BodySection) f.items().getFirst()).section().headerFields());
    }

    @Test void readLineIsBounded() throws Exception {
        ImapLimits limits = new ImapLimits(1024, 1024, 4096, 4096, 8, 4);
        ImapReader r = Parse.reader(new Wire("x".repeat(2000) + "\r\nDONE\r\n"), limits);
        assertThrows(LineTooLongException.class, r::readLine);
        assertEquals("DONE", r.readLine());
    }

    @Test void limits() {
        assertThrows(IllegalArgumentException.class, () -> new ImapLimits(100, 65536, 1, 1, 1, 1));
        assertThrows(IllegalArgumentException.class, () -> new ImapLimits(65536, 65536, 1, 1, 0, 1));
        ImapLimits big = ImapLimits.DEFAULTS.withMaxMessageSize(100L << 20);
        assertEquals(100L << 20, big.maxMessageSize());
        assertEquals(200L << 20, big.maxDiscardSize());
    }

    @Test void parseErrorResponses() {
        assertEquals("* BAD Invalid tag", new ParseError(java.util.Optional.empty(), ParseError.Status.BAD, java.util.Optional.empty(), "Invalid tag", false).response());
        assertEquals("t NO [TOOBIG] Message too large", new ParseError(java.util.Optional.of("t"), ParseError.Status.NO, java.util.Optional.of("TOOBIG"),
                "Message too large", false).response());
    }

    /** The line buffer grows for a long line (up to the limit) and starts small again for the next. */
    @Test void longLinesAmongShortOnes() {
        String name = "x".repeat(60_000);
        String set = "1:2," + "7,".repeat(3000) + "9";
        ImapReader r = Parse.reader(new Wire("a NOOP\r\nb SELECT \"" + name + "\"\r\nc NOOP\r\nd UID FETCH " + set + " (FLAGS)\r\ne NOOP\r\n"));
        assertEquals(new Noop("a"), nextCommand(r));
        assertEquals(name, ((Select) nextCommand(r)).mailbox());
        assertEquals(new Noop("c"), nextCommand(r));
        assertEquals(SequenceSet.parse(set), ((Fetch) nextCommand(r)).set());
        assertEquals(new Noop("e"), nextCommand(r));
    }
}
