package pigeon.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pigeon.protocol.delivery.MailAddress;

/** The listing queries the webmail uses: stored header summaries and per-mailbox counts. */
class WebmailQueriesTest {
    private MailStore store;
    private Mailboxes boxes;
    private Account alice;
    private long inbox;

    @BeforeEach void open() {
        store = MailStore.open(StoreConfig.h2Memory("w" + System.nanoTime()));
        boxes = store.mailboxes();
        store.directory().addDomain("example.test");
        alice = store.directory().addAccount(MailAddress.parse("alice@example.test"), "s");
        inbox = boxes.find(alice.id(), "INBOX").orElseThrow().id();
    }

    @AfterEach void close() { store.close(); }

    private long append(String header, Set<Flag> flags) throws Exception {
        return boxes.append(inbox, new ByteArrayInputStream((header + "\r\nbody\r\n").getBytes(StandardCharsets.UTF_8)), flags, Instant.now());
    }

    @Test void summariesAreDecodedHeaderFields() throws Exception {
        append("From: =?UTF-8?Q?J=C3=B6rg?= <j@example.org>\r\nTo: alice@example.test\r\nCc: c@example.org\r\n"
                + "Subject: =?UTF-8?B?SGVsbG8gd8O2cmxk?=\r\nDate: Tue, 1 Dec 2026 10:00:00 +0000\r\n", Set.of());
        append("Subject: bare\r\n", Set.of());
        List<MessageEntry> entries = boxes.entries(inbox);
        Map<Long, MessageSummary> s = boxes.summaries(entries.stream().map(MessageEntry::messageId).toList());
        MessageSummary first = s.get(entries.get(0).messageId());
        assertEquals("Hello wörld", first.subject());
        assertEquals("Jörg <j@example.org>", first.from());
        assertEquals("alice@example.test", first.to());
        assertEquals("c@example.org", first.cc());
        assertEquals(Instant.parse("2026-12-01T10:00:00Z"), first.sentDate().orElseThrow());
        MessageSummary second = s.get(entries.get(1).messageId());
        assertEquals("bare", second.subject());
        assertNull(second.from());
        assertTrue(second.sentDate().isEmpty());
        assertTrue(boxes.summaries(List.of(-1L)).isEmpty());
        assertEquals(List.of(entries.get(1)), boxes.entries(inbox, List.of(entries.get(1).uid(), 999L)));
    }

    @Test void countsEveryMailboxWithUnseen() throws Exception {
        append("Subject: a\r\n", Set.of());
        append("Subject: b\r\n", Set.of(Flag.SEEN));
        append("Subject: c\r\n", Set.of());
        Map<Long, Mailboxes.Counts> counts = boxes.counts(alice.id());
        assertEquals(new Mailboxes.Counts(3, 2), counts.get(inbox));
        long trash = boxes.find(alice.id(), "Trash").orElseThrow().id();
        assertEquals(new Mailboxes.Counts(0, 0), counts.get(trash));
        assertEquals(boxes.list(alice.id()).size(), counts.size());
    }
}
