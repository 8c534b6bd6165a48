package pigeon.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import pigeon.imap.command.SearchKey;
import pigeon.imap.message.MessageView;

class SearchEngineTest {
    private final List<TestMessage> mailbox = Mailbox.all();

    /** The sequence numbers that {@code SEARCH <criteria>} finds, as "1 3 5". */
    private String find(String criteria) {
        return find(criteria, Set.of());
    }

    private String find(String criteria, Collection<Long> saved) {
        SearchKey key = Commands.search("a SEARCH " + criteria).key();
        List<MessageView> views = List.copyOf(mailbox);
        try {
            List<MessageView> found = new SearchEngine().search(key, views, SearchContext.of(views, saved));
            return String.join(" ", found.stream().map(m -> Integer.toString(m.seq())).toList());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {
            "ALL|1 2 3 4 5",
            "SEEN|1 5",
            "UNSEEN|2 3 4",
            "FLAGGED|2",
            "UNFLAGGED|1 3 4 5",
            "ANSWERED|3",
            "UNANSWERED|1 2 4 5",
            "DELETED|4",
            "UNDELETED|1 2 3 5",
            "DRAFT|4",
            "UNDRAFT|1 2 3 5",
            "KEYWORD $Forwarded|2",
            "KEYWORD $forwarded|2",
            "UNKEYWORD $FORWARDED|1 3 4 5",
            "KEYWORD NonJunk|''",
            "RECENT|2 5",
            "NEW|2",
            "OLD|1 3 4",
    })
    void flagKeys(String criteria, String expected) {
        assertEquals(expected, find(criteria));
    }

    @Test
    void sizeKeysAreStrict() {
        long size = mailbox.get(0).size();
        assertEquals("", find("LARGER 100000"));
        assertEquals("1 2 3 4 5", find("SMALLER 100000"));
        assertFalse(find("LARGER " + size).contains("1"));
        assertFalse(find("SMALLER " + size).contains("1"));
        assertTrue(find("LARGER " + (size - 1)).startsWith("1"));
        assertTrue(find("SMALLER " + (size + 1)).startsWith("1"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "1|1",
            "2:4|2 3 4",
            "4:2|2 3 4",
            "*|5",
            "3:*|3 4 5",
            "9:*|5",
            "1,3,5:*|1 3 5",
            "6|''",
            "UID 10|1",
            "UID 11:15|2 3",
            "UID *|5",
            "UID 16:*|4 5",
            "UID 100:*|5",
            "UID 12:14|''",
    })
    void sequenceAndUidSets(String criteria, String expected) {
        assertEquals(expected, find(criteria));
    }

    @Test
    void savedResultIsMatchedByUidWhetherUsedAsSequenceOrUidSet() {
        assertEquals("2 4", find("$", List.of(11L, 20L, 999L)));
        assertEquals("2 4", find("UID $", List.of(11L, 20L)));
        assertEquals("4", find("$ DELETED", List.of(11L, 20L)));
        assertEquals("", find("$", List.of()));
        assertEquals("1 3 5", find("NOT $", List.of(11L, 20L)));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "NOT SEEN|2 3 4",
            "OR SEEN FLAGGED|1 2 5",
            "OR (SEEN RECENT) DRAFT|4 5",
            "SEEN RECENT|5",
            "(UNSEEN (NOT DELETED))|2 3",
            "NOT (SEEN RECENT)|1 2 3 4",
            "OR UID 10 OR 2 KEYWORD $Forwarded|1 2",
            "NOT NOT SEEN|1 5",
    })
    void booleanCombinations(String criteria, String expected) {
        assertEquals(expected, find(criteria));
    }

    @Test
    void internalDatesCompareDaysInTheirOwnZone() throws IOException {
        // #1 arrived 2024-01-15T23:30Z, #5 2024-01-19T00:30Z
        assertEquals("1", find("ON 15-Jan-2024"));
        assertEquals("1", find("BEFORE 16-Jan-2024"));
        assertEquals("2 3 4 5", find("SINCE 16-Jan-2024"));
        assertEquals("5", find("SINCE 19-Jan-2024"));
        // an APPEND's own zone counts: 23:00 at +02:00 is the 24th, though the 24th is over in UTC
        List<MessageView> zoned = List.of(TestMessage.of(1, 1, "Subject: z\n\nz\n").internal("2007-03-24T23:00+02:00").build(),
                TestMessage.of(2, 2, "Subject: z\n\nz\n").internal("2007-03-25T00:00+02:00").build());
        assertEquals(List.of(1), new SearchEngine().search(Commands.search("a SEARCH ON 24-Mar-2007").key(), zoned,
                SearchContext.of(zoned, Set.of())).stream().map(MessageView::seq).toList());
    }

    @Test
    void sentDatesUseTheDateFieldsOwnDay() {
        // #1: "Mon, 15 Jan 2024 23:30:00 -0800" is the 16th in UTC, but the 15th is what it says
        assertEquals("1", find("SENTON 15-Jan-2024"));
        assertEquals("1", find("SENTBEFORE 16-Jan-2024"));
        assertEquals("2", find("SENTON 16-Jan-2024"));
        assertEquals("2 3 4", find("SENTSINCE 16-Jan-2024"));
        // #5 has no Date: no SENT* key matches it, whichever way round
        assertEquals("1 2 3 4", find("OR SENTBEFORE 1-Jan-2030 SENTSINCE 1-Jan-1970"));
        assertEquals("5", find("NOT SENTSINCE 1-Jan-1970"));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "SUBJECT \"grüße\"|1",
            "SUBJECT \"GRÜSSE\"|''",
            "SUBJECT \"aus köln\"|1",
            "SUBJECT trip|2",
            "SUBJECT \"Re: Trip\"|2",
            "SUBJECT \"\"|1 2 3 4",
            "FROM \"müller\"|1",
            "FROM \"André Müller <andre@\"|1",
            "FROM example.com|1 3 4",
            "FROM CAROL|2",
            "TO bob|1",
            "TO andre@example.com|2 3",
            "CC erin|1",
            "CC team|1",
            "BCC secret-bcc|2",
            "BCC bob|''",
    })
    void addressAndSubjectKeys(String criteria, String expected) {
        assertEquals(expected, find(criteria));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "HEADER X-Priority 1|1",
            "HEADER x-priority \"\"|1",
            "HEADER Received \"from c\"|1",
            "HEADER X-SPAM very|5",
            "HEADER X-Spam \"\"|5",
            "HEADER Subject \"GRÜSSE\"|''",
            "HEADER Subject \"grüße\"|1",
            "HEADER Message-ID m1@|1",
            "HEADER X-Inner \"\"|''",
            "HEADER Content-Transfer-Encoding base64|2",
    })
    void headerKey(String criteria, String expected) {
        assertEquals(expected, find(criteria));
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '|', value = {
            "BODY noon|1",
            "BODY \"ZÜRICHSEE\"|2",
            "BODY \"ärger über öl\"|2",
            "BODY \"crème brûlée\"|3",
            "BODY \"has shipped\"|3",
            "BODY \"<b>order</b>\"|3",
            "BODY attachment-only-word|''",
            "BODY \"café est fermé\"|4",
            "BODY inner-header-value|4",
            "BODY \"See below\"|4",
            "BODY Trip|''",
            "BODY \"\"|1 2 3 4 5",
            "TEXT Trip|2",
            "TEXT noon|1",
            "TEXT \"x-spam: very\"|5",
            "TEXT \"Zürichsee\"|2",
    })
    void bodyAndTextKeys(String criteria, String expected) {
        assertEquals(expected, find(criteria));
    }

    @Test
    void modSeqKey() {
        assertEquals("2 5", find("MODSEQ 9"));
        assertEquals("1 2 3 4 5", find("MODSEQ 0"));
        assertEquals("2 5", find("MODSEQ \"/flags/\\\\Seen\" all 9"));
    }

    @Test
    void cheapKeysNeverOpenTheMessage() throws IOException {
        List<MessageView> views = List.copyOf(mailbox);
        SearchKey key = Commands.search("a SEARCH OR SEEN FLAGGED LARGER 10 UID 1:* SINCE 1-Jan-2000 "
                + "SENTBEFORE 1-Jan-2030 FROM a SUBJECT r MODSEQ 1 NOT RECENT").key();
        new SearchEngine().search(key, views, SearchContext.of(views, Set.of()));
        for (TestMessage m : mailbox) assertEquals(List.of(), m.opened, m.toString());
    }

    @Test
    void headerKeysReadOnlyTheHeader() throws IOException {
        List<MessageView> views = List.copyOf(mailbox);
        SearchKey key = Commands.search("a SEARCH HEADER X-Nothing \"\"").key();
        new SearchEngine().search(key, views, SearchContext.of(views, Set.of()));
        for (TestMessage m : mailbox) {
            assertEquals(1, m.opened.size(), m.toString());
            assertFalse(m.openedBeyond(m.headerLength()), m.toString());
        }
    }

    @Test
    void cheapKeysDecideBeforeBodyKeysAreTried() throws IOException {
        List<MessageView> views = List.copyOf(mailbox);
        // written body-first: the engine still tests FLAGGED first, so only #2 is opened
        SearchKey key = Commands.search("a SEARCH BODY \"zürich\" FLAGGED").key();
        List<MessageView> found = new SearchEngine().search(key, views, SearchContext.of(views, Set.of()));
        assertEquals(List.of(mailbox.get(1)), found);
        for (TestMessage m : mailbox) assertEquals(m.seq() == 2, !m.opened.isEmpty(), m.toString());
    }

    @Test
    void usesModSeqFindsNestedKeys() {
        assertTrue(SearchEngine.usesModSeq(Commands.search("a SEARCH NOT (SEEN OR DRAFT MODSEQ 4)").key()));
        assertFalse(SearchEngine.usesModSeq(Commands.search("a SEARCH NOT (SEEN OR DRAFT UID 4)").key()));
    }
}
