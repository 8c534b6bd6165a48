package pigeon.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.message.MessageView;

class SorterTest {
    private static MessageView msg(int seq, String headers, String internal) {
        return TestMessage.of(seq, seq + 100, headers + "\n\nbody " + "x".repeat(seq * 3) + "\n").internal(internal).build();
    }

    private final List<MessageView> box = List.of(
            msg(1, "Date: Wed, 3 Jan 2024 10:00:00 +0000\nFrom: Zed <zed@example.com>\nTo: amy@example.com\nSubject: Re: [PATCH] Fix bug",
                    "2024-01-03T10:00:05Z"),
            msg(2, "Date: Tue, 2 Jan 2024 10:00:00 +0000\nFrom: \"Bob\" <BOB@example.com>\nTo: carl@example.com\nCc: x@y\nSubject: Apples",
                    "2024-01-05T00:00:00Z"),
            msg(3, "From: alice@example.com\nTo: Bob <bob@example.com>\nSubject: [PATCH] fix bug (fwd)", "2024-01-01T00:00:00Z"),
            msg(4, "Date: garbage\nFrom: =?utf-8?q?=C3=84rger?= <aerger@example.com>\nSubject: Fwd: apples",
                    "2024-01-04T00:00:00Z"),
            msg(5, "Date: Wed, 3 Jan 2024 11:00:00 +0100\nSubject: =?utf-8?q?Re=3A_=C3=A9t=C3=A9?=", "2024-01-02T00:00:00Z"));

    private String sort(String command) {
        ImapCommand.Sort sort = (ImapCommand.Sort) Commands.parse(command);
        return SearchResponses.sort(Sorter.sort(box, sort.criteria()), sort.uid(), false);
    }

    @Test
    void arrival() {
        assertEquals("* SORT 3 5 1 4 2", sort("a SORT (ARRIVAL) UTF-8 ALL"));
        assertEquals("* SORT 2 4 1 5 3", sort("a SORT (REVERSE ARRIVAL) UTF-8 ALL"));
    }

    @Test
    void dateUsesSentDateThenInternalDate() {
        // #5 is 10:00Z on the 3rd, like #1: the tie goes to the sequence number;
        // #3 has no Date (internal 1 Jan), #4 an unparsable one (internal 4 Jan)
        assertEquals("* SORT 3 2 1 5 4", sort("a SORT (DATE) UTF-8 ALL"));
        assertEquals("* SORT 104 101 105 102 103", sort("a UID SORT (REVERSE DATE) UTF-8 ALL"));
    }

    @Test
    void sizeWithTiesBySequence() {
        assertEquals(List.of(1, 2, 3, 4, 5), Sorter.sort(box, ((ImapCommand.Sort) Commands.parse("a SORT (SIZE) UTF-8 ALL")).criteria())
                .stream().map(MessageView::seq).sorted().toList());
        List<MessageView> same = List.of(msg(2, "Subject: a", "2024-01-01T00:00:00Z"), msg(1, "Subject: a", "2024-01-01T00:00:00Z"));
        assertEquals("* SORT 1 2", SearchResponses.sort(Sorter.sort(same, List.of(new pigeon.imap.command.SortCriterion(
                pigeon.imap.command.SortCriterion.Key.ARRIVAL, true))), false, false));
    }

    @Test
    void subjectUsesBaseSubjects() {
        // bases: "Fix bug", "Apples", "fix bug", "apples", "été" (UTF-8 octets sort after ASCII)
        assertEquals("* SORT 2 4 1 3 5", sort("a SORT (SUBJECT) UTF-8 ALL"));
        assertEquals("* SORT 5 1 3 2 4", sort("a SORT (REVERSE SUBJECT) UTF-8 ALL"));
    }

    @Test
    void subjectThenReverseDate() {
        assertEquals("* SORT 4 2 1 3 5", sort("a SORT (SUBJECT REVERSE DATE) UTF-8 ALL"));
    }

    @Test
    void addressesUseTheFirstMailboxCaseInsensitively() {
        // from mailboxes: zed, BOB, alice, aerger, (none) → "" first
        assertEquals("* SORT 5 4 3 2 1", sort("a SORT (FROM) UTF-8 ALL"));
        // to: amy, carl, bob, none, none
        assertEquals("* SORT 4 5 1 3 2", sort("a SORT (TO) UTF-8 ALL"));
        assertEquals("* SORT 1 3 4 5 2", sort("a SORT (CC) UTF-8 ALL"));
        assertEquals("* SORT 2 1 3 4 5", sort("a SORT (REVERSE CC) UTF-8 ALL"));
    }
}
