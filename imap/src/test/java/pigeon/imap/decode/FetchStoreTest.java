package pigeon.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pigeon.imap.decode.Parse.command;
import static pigeon.imap.decode.Parse.error;

import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.Flag;
import pigeon.imap.command.FetchItem;
import pigeon.imap.command.FetchItem.*;
import pigeon.imap.command.ImapCommand.Fetch;
import pigeon.imap.command.ImapCommand.Store;
import pigeon.imap.command.Section;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.command.StoreMode;

class FetchStoreTest {

    private static List<FetchItem> items(String spec) { return command("a FETCH 1 " + spec, Fetch.class).items(); }

    private static BodySection body(boolean peek, Section s) { return new BodySection(peek, s, Optional.empty()); }

    @Test void simpleItemsAndMacros() {
        assertEquals(List.of(FetchItem.FLAGS), items("FLAGS"));
        assertEquals(List.of(FetchItem.FLAGS, FetchItem.UID, FetchItem.INTERNALDATE, FetchItem.RFC822_SIZE, FetchItem.ENVELOPE,
                FetchItem.BODYSTRUCTURE, FetchItem.BODY, FetchItem.MODSEQ, FetchItem.RFC822, FetchItem.RFC822_HEADER, FetchItem.RFC822_TEXT),
                items("(flags uid internaldate rfc822.size envelope bodystructure body modseq rfc822 rfc822.header rfc822.text)"));
        assertEquals(FetchItem.ALL, items("ALL"));
        assertEquals(FetchItem.FAST, items("fast"));
        assertEquals(FetchItem.FULL, items("FULL"));
        assertEquals("a BAD FETCH: unknown fetch item", error("a FETCH 1 (ALL)"), "macros stand alone");
    }

    @Test void bodySections() {
        assertEquals(List.of(body(false, Section.WHOLE)), items("BODY[]"));
        assertEquals(List.of(body(true, Section.WHOLE)), items("BODY.PEEK[]"));
        assertEquals(List.of(body(false, new Section(List.of(), Section.Text.HEADER, List.of()))), items("body[header]"));
        assertEquals(List.of(body(false, new Section(List.of(), Section.Text.TEXT, List.of()))), items("BODY[TEXT]"));
        assertEquals(List.of(body(false, new Section(List.of(1, 2), Section.Text.FULL, List.of()))), items("BODY[1.2]"));
        assertEquals(List.of(body(true, new Section(List.of(3), Section.Text.MIME, List.of()))), items("BODY.PEEK[3.MIME]"));
        assertEquals(List.of(body(false, new Section(List.of(4, 2), Section.Text.HEADER_FIELDS_NOT, List.of("Received", "X-Spam")))),
                items("BODY[4.2.HEADER.FIELDS.NOT (Received \"X-Spam\")]"));
        assertEquals(List.of(new BodySection(false, new Section(List.of(1), Section.Text.TEXT, List.of()), Optional.of(new Partial(0, 2048)))),
                items("BODY[1.TEXT]<0.2048>"));
        assertEquals(List.of(new BodySection(true, Section.WHOLE, Optional.of(new Partial(100, 1)))), items("BODY.PEEK[]<100.1>"));
    }

    @Test void binaryItems() {
        assertEquals(List.of(new Binary(false, new Section(List.of(1, 2), Section.Text.FULL, List.of()), Optional.empty())),
                items("BINARY[1.2]"));
        assertEquals(List.of(new Binary(true, Section.WHOLE, Optional.of(new Partial(0, 10)))), items("binary.peek[]<0.10>"));
        assertEquals(List.of(new BinarySize(new Section(List.of(3), Section.Text.FULL, List.of()))), items("BINARY.SIZE[3]"));
        // beyond RFC 3516's section-binary, as Dovecot (and imaptest's fetch-binary-mime) take it
        assertEquals(List.of(new BinarySize(new Section(List.of(2), Section.Text.HEADER, List.of()))), items("BINARY.SIZE[2.HEADER]"));
        assertEquals("a BAD FETCH: invalid section", error("a FETCH 1 BINARY[FOO]"));
    }

    @Test void sectionErrors() {
        assertEquals("a BAD FETCH: invalid section", error("a FETCH 1 BODY[MIME]"), "MIME needs a part");
        assertEquals("a BAD FETCH: invalid section", error("a FETCH 1 BODY[FOO]"));
        assertEquals("a BAD FETCH: invalid section", error("a FETCH 1 BODY[1.]"));
        assertEquals("a BAD FETCH: invalid section part", error("a FETCH 1 BODY[0]"));
        assertEquals("a BAD FETCH: expected space", error("a FETCH 1 BODY[HEADER.FIELDS]"));
        assertEquals("a BAD FETCH: invalid header field name", error("a FETCH 1 BODY[HEADER.FIELDS ()]"));
        assertEquals("a BAD FETCH: missing ']'", error("a FETCH 1 BODY[TEXT"));
        assertEquals("a BAD FETCH: invalid partial", error("a FETCH 1 BODY[]<0.0>"));
        assertEquals("a BAD FETCH: missing '['", error("a FETCH 1 BODY.PEEK"));
    }

    @Test void partialModifier() {
        // RFC 9394 §3.2
        Fetch f = command("a UID FETCH 1:* (FLAGS) (CHANGEDSINCE 5 PARTIAL -1:-30)", Fetch.class);
        assertEquals(java.util.Optional.of(new pigeon.imap.command.PartialRange(-1, -30)), f.partial());
        assertEquals(OptionalLong.of(5), f.changedSince());
        assertEquals(java.util.Optional.empty(), command("a FETCH 1 FLAGS", Fetch.class).partial());
        for (String bad : List.of("(PARTIAL 1:*)", "(PARTIAL 1)", "(PARTIAL 1:2 PARTIAL 3:4)", "(PARTIAL -1:2)"))
            assertTrue(error("a UID FETCH 1:* FLAGS " + bad).startsWith("a BAD "), bad);
    }

    @Test void modifiers() {
        // iOS Mail
        Fetch f = command("a UID FETCH 1:* (FLAGS) (CHANGEDSINCE 123 VANISHED)", Fetch.class);
        assertEquals(new Fetch("a", true, SequenceSet.parse("1:*"), List.of(FetchItem.FLAGS), OptionalLong.of(123), true), f);
        Fetch g = command("a FETCH 1:5 FLAGS (changedsince 9)", Fetch.class);
        assertEquals(OptionalLong.of(9), g.changedSince());
        assertFalse(g.vanished());
        assertEquals("a BAD FETCH: VANISHED needs UID FETCH and CHANGEDSINCE", error("a FETCH 1:* (FLAGS) (CHANGEDSINCE 1 VANISHED)"));
        assertEquals("a BAD UID FETCH: VANISHED needs UID FETCH and CHANGEDSINCE", error("a UID FETCH 1:* (FLAGS) (VANISHED)"));
        assertEquals("a BAD UID FETCH: unknown fetch modifier", error("a UID FETCH 1 FLAGS (RELEVANCY)"));
        assertEquals("a BAD UID FETCH: invalid mod-sequence", error("a UID FETCH 1 FLAGS (CHANGEDSINCE 0)"));
    }

    @Test void store() {
        assertEquals(new Store("a", false, SequenceSet.single(1), OptionalLong.empty(), StoreMode.ADD, false, List.of(Flag.DELETED)),
                command("a STORE 1 +FLAGS \\Deleted"), "flags without parentheses (RFC 9051 §9)");
        assertEquals(new Store("a", true, SequenceSet.parse("1:3"), OptionalLong.empty(), StoreMode.ADD, true, List.of(Flag.SEEN, Flag.FLAGGED)),
                command("a uid store 1:3 +flags.silent (\\seen \\FLAGGED)"));
        assertEquals(new Store("a", false, SequenceSet.single(2), OptionalLong.empty(), StoreMode.REMOVE, false, List.of(Flag.SEEN, Flag.of("$Junk"))),
                command("a STORE 2 -FLAGS \\Seen $Junk"));
        assertEquals(new Store("a", false, SequenceSet.single(2), OptionalLong.empty(), StoreMode.REPLACE, false, List.of()),
                command("a STORE 2 FLAGS ()"));
        Store u = command("a STORE 7,9 (UNCHANGEDSINCE 320162338) +FLAGS.SILENT (\\Deleted)", Store.class);
        assertEquals(OptionalLong.of(320162338), u.unchangedSince());
        assertTrue(u.silent());
        assertEquals(OptionalLong.of(0), command("a STORE 1 (UNCHANGEDSINCE 0) FLAGS (x)", Store.class).unchangedSince(), "mod-sequence-valzer");
        assertEquals("a BAD STORE: invalid store item", error("a STORE 1 +FLAGZ \\Seen"));
        assertEquals("a BAD STORE: missing argument", error("a STORE 1 +FLAGS"));
        assertEquals("a BAD STORE: invalid flag", error("a STORE 1 +FLAGS \\*"));
        assertEquals("a BAD STORE: unknown store modifier", error("a STORE 1 (FOO 1) FLAGS x"));
    }
}
