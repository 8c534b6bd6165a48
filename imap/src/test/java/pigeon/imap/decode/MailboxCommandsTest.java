package pigeon.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pigeon.imap.decode.Parse.command;
import static pigeon.imap.decode.Parse.error;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.ImapCommand.*;
import pigeon.imap.command.ListReturnOption;
import pigeon.imap.command.ListSelectOption;
import pigeon.imap.command.QResync;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.command.StatusItem;

class MailboxCommandsTest {

    @Test void selectAndExamine() {
        assertEquals(new Select("a", "INBOX", false, Optional.empty()), command("a SELECT INBOX"));
        assertEquals(new Select("a", "inbox", false, Optional.empty()), command("a select \"inbox\""));
        assertEquals(new Examine("a", "Sent", true, Optional.empty()), command("a EXAMINE Sent (CONDSTORE)"));
        assertEquals(new Select("a", "INBOX", true, Optional.empty()), command("a SELECT INBOX (condstore)"));
    }

    @Test void selectWithQresync() {
        // RFC 7162 §3.2.5.2's example
        Select s = command("a SELECT INBOX (QRESYNC (67890007 20050715194045000 41,43:211,214:541))", Select.class);
        assertEquals(new QResync(67890007L, 20050715194045000L, Optional.of(SequenceSet.parse("41,43:211,214:541")), Optional.empty()),
                s.qresync().orElseThrow());
        QResync full = command("a SELECT INBOX (QRESYNC (67890007 90060115194045000 41:211,214:541 (1:10,15 41:50,55)))", Select.class)
                .qresync().orElseThrow();
        assertEquals(Optional.of(new QResync.SeqMatch(SequenceSet.parse("1:10,15"), SequenceSet.parse("41:50,55"))), full.seqMatch());
        QResync bare = command("a EXAMINE INBOX (QRESYNC (1 2))", Examine.class).qresync().orElseThrow();
        assertEquals(new QResync(1, 2, Optional.empty(), Optional.empty()), bare);
        QResync matchOnly = command("a SELECT INBOX (QRESYNC (1 2 (1 5)))", Select.class).qresync().orElseThrow();
        assertEquals(Optional.empty(), matchOnly.knownUids());
        assertTrue(matchOnly.seqMatch().isPresent());
        assertEquals("a BAD SELECT: invalid sequence set", error("a SELECT INBOX (QRESYNC (1 2 1:*))"), "RFC 7162: no * in known-uids");
        assertEquals("a BAD SELECT: invalid mod-sequence", error("a SELECT INBOX (QRESYNC (1 0))"));
        assertEquals("a BAD SELECT: unknown select parameter", error("a SELECT INBOX (FOO)"));
    }

    @Test void createWithSpecialUse() {
        assertEquals(new Create("a", "Sent", List.of()), command("a CREATE Sent"));
        assertEquals(new Create("a", "Sent Items", List.of("\\Sent")), command("a CREATE \"Sent Items\" (USE (\\sent))"));
        assertEquals(new Create("a", "X", List.of("\\Junk", "\\Archive", "\\Private")), command("a CREATE X (USE (\\Junk \\archive \\Private))"));
        assertEquals("a BAD CREATE: unknown create parameter", error("a CREATE X (FOO)"));
    }

    @Test void basicList() {
        ImapCommand.List l = command("a list \"\" \"*\"", ImapCommand.List.class);
        assertEquals(new ImapCommand.List("a", "", List.of("*"), Set.of(), Set.of(), List.of(), false), l);
        assertEquals(List.of("INBOX"), command("a LIST \"\" INBOX", ImapCommand.List.class).patterns());
        assertEquals(List.of("Archive/%"), command("a LIST \"\" Archive/%", ImapCommand.List.class).patterns(), "wildcards in a bare pattern");
        assertEquals("~/Mail/", command("a LIST ~/Mail/ %", ImapCommand.List.class).reference());
    }

    @Test void extendedList() {
        // Thunderbird's
        ImapCommand.List l = command("a LIST (SUBSCRIBED) \"\" \"*\" RETURN (SPECIAL-USE)", ImapCommand.List.class);
        assertEquals(Set.of(ListSelectOption.SUBSCRIBED), l.selection());
        assertEquals(Set.of(ListReturnOption.SPECIAL_USE), l.returns());
        assertTrue(l.extended());
        // RFC 5258 §5 and RFC 5819's examples
        ImapCommand.List multi = command("A01 LIST (REMOTE SUBSCRIBED RECURSIVEMATCH) \"\" (\"INBOX\" \"Drafts\" Sent/%) RETURN (CHILDREN subscribed)",
                ImapCommand.List.class);
        assertEquals(List.of("INBOX", "Drafts", "Sent/%"), multi.patterns());
        assertEquals(Set.of(ListSelectOption.REMOTE, ListSelectOption.SUBSCRIBED, ListSelectOption.RECURSIVEMATCH), multi.selection());
        assertEquals(Set.of(ListReturnOption.CHILDREN, ListReturnOption.SUBSCRIBED), multi.returns());
        ImapCommand.List status = command("A02 LIST \"\" % RETURN (STATUS (MESSAGES UNSEEN))", ImapCommand.List.class);
        assertEquals(Set.of(ListReturnOption.STATUS), status.returns());
        assertEquals(List.of(StatusItem.MESSAGES, StatusItem.UNSEEN), status.statusItems());
        ImapCommand.List empty = command("a LIST () \"\" % RETURN ()", ImapCommand.List.class);
        assertTrue(empty.extended());
        assertTrue(empty.selection().isEmpty() && empty.returns().isEmpty());
        assertEquals(Set.of(ListSelectOption.SPECIAL_USE), command("a LIST (SPECIAL-USE) \"\" *", ImapCommand.List.class).selection());
    }

    @Test void listErrors() {
        assertEquals("a BAD LIST: RECURSIVEMATCH needs SUBSCRIBED or SPECIAL-USE", error("a LIST (RECURSIVEMATCH) \"\" %"));
        assertEquals("a BAD LIST: RECURSIVEMATCH needs SUBSCRIBED or SPECIAL-USE", error("a LIST (REMOTE RECURSIVEMATCH) \"\" %"));
        assertEquals("a BAD LIST: unknown selection option", error("a LIST (FOO) \"\" %"));
        assertEquals("a BAD LIST: unknown return option", error("a LIST \"\" % RETURN (MYRIGHTS)"));
        assertEquals("a BAD LIST: expected RETURN", error("a LIST \"\" % FOO (CHILDREN)"));
        assertEquals("a BAD LIST: missing argument", error("a LIST \"\""));
    }

    @Test void status() {
        assertEquals(new Status("a", "Sent", List.of(StatusItem.UIDNEXT, StatusItem.MESSAGES, StatusItem.UNSEEN, StatusItem.RECENT)),
                command("a STATUS \"Sent\" (UIDNEXT MESSAGES UNSEEN RECENT)"));
        assertEquals(new Status("a", "INBOX", List.of(StatusItem.MESSAGES, StatusItem.SIZE, StatusItem.HIGHESTMODSEQ, StatusItem.DELETED, StatusItem.UIDVALIDITY)),
                command("a status INBOX (messages size highestmodseq deleted uidvalidity messages)"), "lower case items; repeats dropped");
        assertEquals("a BAD STATUS: unknown status item", error("a STATUS INBOX (MESSAGES FOO)"));
        assertEquals("a BAD STATUS: invalid status item", error("a STATUS INBOX ()"));
        assertEquals("a BAD STATUS: missing argument", error("a STATUS INBOX"));
        assertFalse(error("a STATUS INBOX MESSAGES").isEmpty());
    }
}
