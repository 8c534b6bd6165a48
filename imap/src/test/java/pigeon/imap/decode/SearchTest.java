package pigeon.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pigeon.imap.decode.Parse.command;
import static pigeon.imap.decode.Parse.error;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.Flag;
import pigeon.imap.command.ImapCommand.CancelUpdate;
import pigeon.imap.command.ImapCommand.Search;
import pigeon.imap.command.ImapCommand.Sort;
import pigeon.imap.command.ImapCommand.Thread;
import pigeon.imap.command.PartialRange;
import pigeon.imap.command.SearchKey;
import pigeon.imap.command.SearchKey.*;
import pigeon.imap.command.SearchReturn;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.command.SortCriterion;

class SearchTest {

    private static SearchKey key(String criteria) { return command("a SEARCH " + criteria, Search.class).key(); }

    private static final SearchKey SEEN = new HasFlag(Flag.SEEN, true);

    @Test void flagKeysInAnyCase() {
        assertEquals(SearchKey.ALL, key("ALL"));
        assertEquals(SEEN, key("seen"));
        assertEquals(new HasFlag(Flag.SEEN, false), key("UNSEEN"));
        assertEquals(new HasFlag(Flag.DELETED, false), key("undeleted"));
        assertEquals(new HasFlag(Flag.ANSWERED, true), key("Answered"));
        assertEquals(new HasFlag(Flag.DRAFT, false), key("UNDRAFT"));
        assertEquals(new HasFlag(Flag.FLAGGED, true), key("FLAGGED"));
        assertEquals(new HasFlag(Flag.of("$Forwarded"), true), key("KEYWORD $Forwarded"));
        assertEquals(new HasFlag(Flag.of("Junk"), false), key("UNKEYWORD Junk"));
        assertEquals(new New(), key("NEW"));
        assertEquals(new Old(), key("old"));
        assertEquals(new Recent(), key("RECENT"));
    }

    @Test void stringDateAndSizeKeys() {
        assertEquals(new Contains(Field.FROM, "Smith"), key("FROM \"Smith\""));
        assertEquals(new Contains(Field.SUBJECT, "hello world"), key("subject \"hello world\""));
        assertEquals(new Contains(Field.BODY, "x"), key("BODY x"));
        assertEquals(new Contains(Field.TEXT, "ünïcode"), key("TEXT \"ünïcode\""));
        assertEquals(new Header("Message-ID", "<abc@example>"), key("HEADER Message-ID \"<abc@example>\""));
        assertEquals(new Header("X-Spam", ""), key("HEADER X-Spam \"\""));
        assertEquals(new Date(DateField.INTERNAL, DateRelation.SINCE, LocalDate.of(1994, 2, 1)), key("SINCE 1-Feb-1994"));
        assertEquals(new Date(DateField.INTERNAL, DateRelation.BEFORE, LocalDate.of(2024, 12, 31)), key("before \"31-dec-2024\""));
        assertEquals(new Date(DateField.SENT, DateRelation.ON, LocalDate.of(2020, 1, 5)), key("SENTON 05-Jan-2020"));
        assertEquals(new Size(true, 10000), key("LARGER 10000"));
        assertEquals(new Size(false, 5_000_000_000L), key("SMALLER 5000000000"), "number64 in RFC 9051");
    }

    @Test void setsAndUids() {
        assertEquals(new Sequence(SequenceSet.parse("1:5,7")), key("1:5,7"));
        assertEquals(new Sequence(SequenceSet.SAVED), key("$"));
        assertEquals(new Uid(SequenceSet.parse("100:*")), key("UID 100:*"));
        assertEquals(new Uid(SequenceSet.SAVED), key("uid $"));
    }

    @Test void nestedKeys() {
        assertEquals(new Or(new And(List.of(new Contains(Field.FROM, "a"), new Contains(Field.SUBJECT, "b"))), new Not(new And(List.of(SEEN)))),
                key("OR (FROM a SUBJECT b) NOT (SEEN)"));
        assertEquals(new And(List.of(new HasFlag(Flag.DELETED, true), new Contains(Field.FROM, "SMITH"),
                new Date(DateField.INTERNAL, DateRelation.SINCE, LocalDate.of(1994, 2, 1)))), key("DELETED FROM \"SMITH\" SINCE 1-Feb-1994"));
        assertEquals(new Or(new Or(new Contains(Field.FROM, "x"), new Contains(Field.TO, "x")), new Contains(Field.CC, "x")),
                key("OR OR FROM x TO x CC x"));
        assertEquals(new Not(new Not(SEEN)), key("NOT NOT SEEN"));
        assertEquals(new And(List.of(new And(List.of(new And(List.of(SEEN)))))), key("(((SEEN)))"));
    }

    @Test void modseq() {
        assertEquals(new ModSeq(Optional.empty(), 620162338), key("MODSEQ 620162338"));
        assertEquals(new ModSeq(Optional.of(new ModSeq.Entry(Flag.DRAFT, "all")), 620162338),
                key("MODSEQ \"/flags/\\\\draft\" all 620162338"), "RFC 7162 §3.1.5's example");
        assertEquals("a BAD SEARCH: invalid MODSEQ entry type", error("a SEARCH MODSEQ \"/flags/\\\\Seen\" mine 5"));
    }

    @Test void charsetAndReturnOptions() {
        Search s = command("a UID SEARCH CHARSET UTF-8 SUBJECT \"x\"", Search.class);
        assertTrue(s.uid());
        assertEquals(Optional.of("UTF-8"), s.charset());
        assertEquals(Optional.empty(), s.returnOptions());
        Search e = command("a SEARCH RETURN (MIN max COUNT) UNSEEN", Search.class);
        assertEquals(Optional.of(Set.of(SearchReturn.MIN, SearchReturn.MAX, SearchReturn.COUNT)), e.returnOptions());
        assertEquals(Optional.of(Set.of()), command("a SEARCH RETURN () ALL", Search.class).returnOptions(), "RETURN () means ALL");
        Search save = command("a UID SEARCH RETURN (SAVE) CHARSET \"us-ascii\" UNDELETED", Search.class);
        assertEquals(Optional.of(Set.of(SearchReturn.SAVE)), save.returnOptions());
        assertEquals(Optional.of("us-ascii"), save.charset());
    }

    @Test void partialUpdateAndContext() {
        Search s = command("a UID SEARCH RETURN (PARTIAL -1:-100 count UPDATE CONTEXT) UNSEEN", Search.class);
        assertEquals(Optional.of(Set.of(SearchReturn.PARTIAL, SearchReturn.COUNT, SearchReturn.UPDATE, SearchReturn.CONTEXT)), s.returnOptions());
        assertEquals(Optional.of(new PartialRange(-1, -100)), s.partial());
        assertEquals(Optional.of(new PartialRange(2, 4)), command("a SEARCH RETURN (PARTIAL 4:2) ALL", Search.class).partial());
        assertEquals(Optional.empty(), command("a SEARCH RETURN (ALL) ALL", Search.class).partial());
        for (String bad : List.of("PARTIAL 1", "PARTIAL 1:*", "PARTIAL *:1", "PARTIAL -1:2", "PARTIAL 0:2", "PARTIAL", "PARTIAL 1:2 PARTIAL 3:4"))
            assertTrue(error("a SEARCH RETURN (" + bad + ") ALL").startsWith("a BAD "), bad);
    }

    @Test void sortTakesReturnBeforeTheCriteriaOrAfterTheCharset() {
        Sort before = command("a SORT RETURN (PARTIAL 1:2) (ARRIVAL) US-ASCII ALL", Sort.class);
        Sort after = command("a SORT (ARRIVAL) US-ASCII RETURN (PARTIAL 1:2) ALL", Sort.class);
        assertEquals(before, after);
        assertEquals(Optional.of(new PartialRange(1, 2)), after.partial());
        assertTrue(error("a SORT RETURN (ALL) (ARRIVAL) US-ASCII RETURN (ALL) ALL").startsWith("a BAD "), "one RETURN");
    }

    @Test void cancelUpdateTakesTagStrings() {
        assertEquals(new CancelUpdate("a", List.of("b01", "c 2")), command("a CANCELUPDATE \"b01\" {3+}\r\nc 2", CancelUpdate.class));
        assertTrue(error("a CANCELUPDATE").startsWith("a BAD "));
    }

    @Test void literalIsDecodedWithTheCharset() throws Exception {
        byte[] latin1 = "a SEARCH CHARSET ISO-8859-1 SUBJECT {4+}\r\ncaf\u00e9\r\n".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
        ImapReader r = Parse.reader(Wire.bytes(latin1));
        Search s = (Search) Parse.nextCommand(r);
        assertEquals(new Contains(Field.SUBJECT, "café"), s.key());
    }

    @Test void sortAndThread() {
        Sort sort = command("a UID SORT (REVERSE DATE subject) UTF-8 ALL", Sort.class);
        assertEquals(new Sort("a", true, Optional.empty(), List.of(new SortCriterion(SortCriterion.Key.DATE, true), new SortCriterion(SortCriterion.Key.SUBJECT, false)),
                "UTF-8", SearchKey.ALL), sort);
        assertEquals("a BAD SORT: unknown sort key", error("a SORT (COLOR) UTF-8 ALL"));
        assertEquals("a BAD SORT: missing argument", error("a SORT (DATE) UTF-8"), "RFC 5256: the charset is required, then keys");
        Thread t = command("a THREAD references US-ASCII SINCE 1-Jan-2024 UNDELETED", Thread.class);
        assertEquals("REFERENCES", t.algorithm());
        assertEquals("US-ASCII", t.charset());
        assertEquals(2, ((And) t.key()).keys().size());
        assertTrue(command("a UID THREAD ORDEREDSUBJECT UTF-8 ALL", Thread.class).uid());
    }

    @Test void searchErrors() {
        assertEquals("a BAD SEARCH: unknown search key", error("a SEARCH FOO"));
        assertEquals("a BAD SEARCH: invalid date", error("a SEARCH SINCE 31-Feb-2024"));
        assertEquals("a BAD SEARCH: invalid date", error("a SEARCH SINCE 2024-01-01"));
        assertEquals("a BAD SEARCH: missing ')'", error("a SEARCH (SEEN"));
        assertEquals("a BAD SEARCH: missing argument", error("a SEARCH OR SEEN"));
        assertEquals("a BAD SEARCH: missing argument", error("a SEARCH"));
        assertEquals("a BAD SEARCH: invalid sequence set", error("a SEARCH 0:5"));
        assertEquals("a BAD SEARCH: invalid keyword", error("a SEARCH KEYWORD \\Seen"), "flag-keyword is an atom");
        assertEquals("a BAD SEARCH: unknown return option", error("a SEARCH RETURN (RELEVANCY) ALL"));
    }
}
