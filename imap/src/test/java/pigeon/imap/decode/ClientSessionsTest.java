package pigeon.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pigeon.imap.decode.Parse.nextCommand;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.FetchItem;
import pigeon.imap.command.Flag;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.ImapCommand.*;
import pigeon.imap.command.ListReturnOption;
import pigeon.imap.command.ListSelectOption;
import pigeon.imap.command.SearchKey;
import pigeon.imap.command.Section;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.command.StatusItem;
import pigeon.imap.command.StoreMode;

/** What real clients send, pipelined on one connection (design.md, "What real clients do"). */
class ClientSessionsTest {
    private static final List<String> TB_HEADERS = List.of("From", "To", "Cc", "Bcc", "Subject", "Date", "Message-ID", "Priority",
            "X-Priority", "References", "Newsgroups", "In-Reply-To", "Content-Type", "Reply-To");

    @Test void thunderbird() throws IOException {
        String sent = "From: alice@localhost\r\nTo: bob@example.org\r\nSubject: hi\r\n\r\nHello Bob.\r\n";
        Wire wire = new Wire(String.join("\r\n",
                "5 capability",
                "6 ID (\"name\" \"Thunderbird\" \"version\" \"153.0\")",
                "7 login \"alice@localhost\" \"secret\"",
                "8 capability",
                "9 ENABLE UTF8=ACCEPT",
                "10 LIST (SUBSCRIBED) \"\" \"*\" RETURN (SPECIAL-USE)",
                "11 list \"\" \"*\"",
                "12 lsub \"\" \"*\"",
                "13 list \"\" \"INBOX\"",
                "14 list \"\" \"Trash\"",
                "15 create \"Trash\"",
                "16 subscribe \"Trash\"",
                "17 select \"INBOX\"",
                "18 getquotaroot \"INBOX\"",
                "19 UID fetch 1:* (FLAGS)",
                "20 UID fetch 5:8 (UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS (" + String.join(" ", TB_HEADERS) + ")])",
                "21 UID fetch 5:8 (UID RFC822.SIZE BODY.PEEK[])",
                "22 IDLE",
                "DONE",
                "23 noop",
                "24 append \"Sent\" (\\Seen) {" + sent.length() + "+}",
                sent,
                "25 UID fetch 9 (UID RFC822.SIZE FLAGS BODY.PEEK[])",
                "26 STATUS \"Sent\" (UIDNEXT MESSAGES UNSEEN RECENT)",
                "27 authenticate PLAIN",
                "AGFsaWNlAHNlY3JldA==",
                ""));
        ImapReader r = Parse.reader(wire);
        assertEquals(new Capability("5"), nextCommand(r));
        assertEquals(new Id("6", Optional.of(Map.of("name", Optional.of("Thunderbird"), "version", Optional.of("153.0")))), nextCommand(r));
        assertEquals(new Login("7", "alice@localhost", "secret"), nextCommand(r));
        assertEquals(new Capability("8"), nextCommand(r));
        assertEquals(new Enable("9", List.of("UTF8=ACCEPT")), nextCommand(r));
        assertEquals(new ImapCommand.List("10", "", List.of("*"), Set.of(ListSelectOption.SUBSCRIBED), Set.of(ListReturnOption.SPECIAL_USE),
                List.of(), true), nextCommand(r));
        assertEquals(new ImapCommand.List("11", "", List.of("*"), Set.of(), Set.of(), List.of(), false), nextCommand(r));
        assertEquals(new Lsub("12", "", "*"), nextCommand(r));
        assertEquals(List.of("INBOX"), ((ImapCommand.List) nextCommand(r)).patterns());
        assertEquals(List.of("Trash"), ((ImapCommand.List) nextCommand(r)).patterns());
        assertEquals(new Create("15", "Trash", List.of()), nextCommand(r));
        assertEquals(new Subscribe("16", "Trash"), nextCommand(r));
        assertEquals(new Select("17", "INBOX", false, Optional.empty()), nextCommand(r));
        assertEquals("18 BAD Unknown command", assertInstanceOf(ParseError.class, Parse.next(r)).response());
        assertEquals(new Fetch("19", true, SequenceSet.parse("1:*"), List.of(FetchItem.FLAGS), OptionalLong.empty(), false), nextCommand(r));
        Fetch headers = (Fetch) nextCommand(r);
        assertEquals(List.of(FetchItem.UID, FetchItem.RFC822_SIZE, FetchItem.FLAGS,
                new FetchItem.BodySection(true, new Section(List.of(), Section.Text.HEADER_FIELDS, TB_HEADERS), Optional.empty())), headers.items());
        assertEquals(SequenceSet.of(5, 8), headers.set());
        assertEquals(List.of(FetchItem.UID, FetchItem.RFC822_SIZE, new FetchItem.BodySection(true, Section.WHOLE, Optional.empty())),
                ((Fetch) nextCommand(r)).items());
        assertEquals(new Idle("22"), nextCommand(r));
        assertEquals("DONE", r.readLine());
        assertEquals(new Noop("23"), nextCommand(r));
        Append append = (Append) nextCommand(r);
        assertEquals("Sent", append.mailbox());
        assertEquals(List.of(Flag.SEEN), append.flags());
        assertEquals(sent, new String(append.literal().open().readAllBytes(), StandardCharsets.UTF_8));
        assertEquals(SequenceSet.single(9), ((Fetch) nextCommand(r)).set());
        assertEquals(new Status("26", "Sent", List.of(StatusItem.UIDNEXT, StatusItem.MESSAGES, StatusItem.UNSEEN, StatusItem.RECENT)), nextCommand(r));
        assertEquals(new Authenticate("27", "PLAIN", Optional.empty()), nextCommand(r));
        assertEquals("AGFsaWNlAHNlY3JldA==", r.readLine());
        assertInstanceOf(ReadResult.EndOfInput.class, Parse.next(r), "Thunderbird just closes the socket");
        assertEquals(0, wire.continuations);
    }

    @Test void mbsync() throws IOException {
        String msg = "Subject: x\r\n\r\ny\r\n";
        Wire wire = new Wire(String.join("\r\n",
                "1 CAPABILITY",
                "2 AUTHENTICATE PLAIN AGFsaWNlAHNlY3JldA==",
                "3 NAMESPACE",
                "4 LIST \"\" \"*\"",
                "5 SELECT \"INBOX\"",
                "6 UID FETCH 1:1000000000 (UID FLAGS)",
                "7 UID STORE 5 +FLAGS.SILENT (\\Deleted)",
                "8 UID EXPUNGE 5",
                "9 APPEND \"INBOX\" (\\Seen) \"17-Jul-1996 02:44:25 -0700\" {" + msg.length() + "+}",
                msg,
                "10 UID FETCH 6 (BODY.PEEK[])",
                "11 UID FETCH 1:* (UID FLAGS) (CHANGEDSINCE 5)",
                "12 LOGOUT",
                ""));
        ImapReader r = Parse.reader(wire);
        assertEquals(new Capability("1"), nextCommand(r));
        assertEquals(new Authenticate("2", "PLAIN", Optional.of("AGFsaWNlAHNlY3JldA==")), nextCommand(r));
        assertEquals(new Namespace("3"), nextCommand(r));
        assertInstanceOf(ImapCommand.List.class, nextCommand(r));
        assertInstanceOf(Select.class, nextCommand(r));
        assertEquals(SequenceSet.of(1, 1_000_000_000), ((Fetch) nextCommand(r)).set());
        assertEquals(new Store("7", true, SequenceSet.single(5), OptionalLong.empty(), StoreMode.ADD, true, List.of(Flag.DELETED)), nextCommand(r));
        assertEquals(new UidExpunge("8", SequenceSet.single(5)), nextCommand(r));
        Append a = (Append) nextCommand(r);
        assertTrue(a.date().isPresent());
        assertEquals(msg, new String(a.literal().open().readAllBytes(), StandardCharsets.US_ASCII));
        assertInstanceOf(Fetch.class, nextCommand(r));
        assertEquals(OptionalLong.of(5), ((Fetch) nextCommand(r)).changedSince());
        assertEquals(new Logout("12"), nextCommand(r));
    }

    @Test void mutt() {
        Wire wire = new Wire(String.join("\r\n",
                "a0001 LOGIN \"alice\" \"secret\"",
                "a0002 STATUS \"INBOX\" (MESSAGES)",
                "a0003 SELECT \"INBOX\"",
                "a0004 FETCH 1:* (UID FLAGS INTERNALDATE RFC822.SIZE BODY.PEEK[HEADER.FIELDS (DATE FROM SENDER SUBJECT TO CC MESSAGE-ID "
                        + "REFERENCES CONTENT-TYPE CONTENT-DESCRIPTION IN-REPLY-TO REPLY-TO LINES LIST-POST X-LABEL)])",
                "a0005 UID STORE 1 +FLAGS.SILENT (\\Seen)",
                "a0006 UID COPY 1 \"Archive\"",
                "a0007 UID SEARCH UNDELETED",
                "a0008 EXPUNGE",
                "a0009 CLOSE",
                "a0010 LOGOUT",
                ""));
        ImapReader r = Parse.reader(wire);
        assertInstanceOf(Login.class, nextCommand(r));
        assertEquals(List.of(StatusItem.MESSAGES), ((Status) nextCommand(r)).items());
        assertInstanceOf(Select.class, nextCommand(r));
        Fetch f = (Fetch) nextCommand(r);
        assertEquals(5, f.items().size());
        assertEquals(15, ((FetchItem.BodySection) f.items().get(4)).section().headerFields().size());
        assertEquals(StoreMode.ADD, ((Store) nextCommand(r)).mode());
        assertEquals(new Copy("a0006", true, SequenceSet.single(1), "Archive"), nextCommand(r));
        assertEquals(new Search("a0007", true, Optional.empty(), Optional.empty(), new SearchKey.HasFlag(Flag.DELETED, false)), nextCommand(r));
        assertEquals(new Expunge("a0008"), nextCommand(r));
        assertEquals(new Close("a0009"), nextCommand(r));
        assertEquals(new Logout("a0010"), nextCommand(r));
    }
}
