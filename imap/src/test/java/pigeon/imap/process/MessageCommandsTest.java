package pigeon.imap.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import pigeon.store.Flag;
import pigeon.store.Mailboxes;

/** FETCH, STORE, COPY/MOVE and SEARCH over a socket: the cases transcripts can't set up (two sessions racing, odd messages). */
class MessageCommandsTest {
    private static String selectQuietly(Client c, String command) throws Exception {
        return c.command("s", command).getLast();
    }

    /** All or nothing: BINARY of an unknown transfer encoding answers NO, sends no part, and sets no \Seen. */
    @Test void fetchRefusedBeforeAnythingIsWritten() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            h.store.append(1);
            String odd = "Subject: odd\r\nContent-Transfer-Encoding: x-uue\r\n\r\nbegin 644 x\r\n";
            h.store.mailboxes().append(h.store.inbox().id(), new ByteArrayInputStream(odd.getBytes(StandardCharsets.US_ASCII)),
                    Set.of(), Set.of(), Instant.now());
            try (Client c = h.login()) {
                selectQuietly(c, "SELECT INBOX");
                assertEquals(List.of("f NO [UNKNOWN-CTE] unknown Content-Transfer-Encoding x-uue"), c.command("f", "FETCH 1:2 (BINARY[1])"));
                assertEquals(List.of("* 1 FETCH (FLAGS (\\Recent))", "* 2 FETCH (FLAGS (\\Recent))", "g OK FETCH completed"),
                        c.command("g", "FETCH 1:2 FLAGS"));
            }
        }
    }

    /** EXAMINE: BODY[] does not set \Seen; STORE, MOVE and EXPUNGE are refused. */
    @Test void readOnlyMailbox() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            h.store.append(1);
            try (Client c = h.login()) {
                selectQuietly(c, "EXAMINE INBOX");
                List<String> lines = c.command("f", "FETCH 1 (BODY[TEXT])");
                assertEquals(List.of("* 1 FETCH (BODY[TEXT] {8}", "body 1", ")", "f OK FETCH completed"), lines);
                assertEquals(List.of("t NO [READ-ONLY] Mailbox is read-only"), c.command("t", "STORE 1 +FLAGS (\\Seen)"));
                assertEquals(List.of("m NO [READ-ONLY] Mailbox is read-only"), c.command("m", "MOVE 1 Trash"));
                assertEquals(List.of("c OK [COPYUID " + h.store.mailboxes().find(h.store.alice.id(), "Trash").orElseThrow().uidValidity()
                        + " 1 1] COPY completed"), c.command("c", "COPY 1 Trash"));
            }
        }
    }

    /**
     * Another session expunges a message this one still numbers: FETCH by sequence number answers it
     * from the view when only UID, FLAGS, sizes and dates are asked, else answers the others and NO
     * [EXPUNGEISSUED]; UID FETCH skips it and announces the expunge before its OK.
     */
    @Test void fetchOfAMessageExpungedElsewhere() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            for (int i = 1; i <= 3; i++) h.store.append(i);
            try (Client a = h.login(); Client b = h.login()) {
                selectQuietly(a, "SELECT INBOX");
                selectQuietly(b, "SELECT INBOX");
                b.command("b1", "STORE 2 +FLAGS.SILENT (\\Deleted)");
                b.command("b2", "EXPUNGE");
                assertEquals(List.of("* 1 FETCH (UID 1)", "* 2 FETCH (UID 2)", "* 3 FETCH (UID 3)", "a0 OK FETCH completed"),
                        a.command("a0", "FETCH 1:3 (UID)"));
                assertEquals(List.of("* 1 FETCH (UID 1 RFC822.HEADER {*}", "* 3 FETCH (UID 3 RFC822.HEADER {*}",
                        "a1 NO [EXPUNGEISSUED] Some of the requested messages were expunged"),
                        a.command("a1", "FETCH 1:3 (UID RFC822.HEADER)").stream().map(l -> l.replaceAll("\\{\\d+}$", "{*}"))
                                .filter(l -> l.startsWith("* ") || l.startsWith("a1")).toList());
                assertEquals(List.of("* SEARCH 1 3", "a2 OK SEARCH completed"), a.command("a2", "SEARCH ALL"));
                assertEquals(List.of("* 1 FETCH (UID 1 FLAGS (\\Recent))", "* 3 FETCH (UID 3 FLAGS (\\Recent))", "* 2 EXPUNGE",
                        "a3 OK UID FETCH completed"), a.command("a3", "UID FETCH 1:* (FLAGS)"));
            }
        }
    }

    /**
     * A message expunged by another session while a FETCH runs, after the view was synced and before its
     * bytes are read (imaptest's stress mode hits it): answered as an expunge not yet announced, the others
     * still answered and NO [EXPUNGEISSUED], not a store failure (NO [UNAVAILABLE]) that drops the rest.
     */
    @Test void fetchOfAMessageExpungedDuringTheCommand() throws Exception {
        List<String> lines = whileMessage2IsExpunged("FETCH 1:3 (UID RFC822.HEADER)");
        assertEquals(List.of("* 1 FETCH (UID 1 RFC822.HEADER {*}", "* 3 FETCH (UID 3 RFC822.HEADER {*}",
                "a1 NO [EXPUNGEISSUED] Some of the requested messages were expunged"),
                lines.stream().map(l -> l.replaceAll("\\{\\d+}$", "{*}")).filter(l -> l.startsWith("* ") || l.startsWith("a1")).toList());
    }

    /** The same race in SEARCH and SORT (the content a key or a sort criterion reads): the message is left out, as a ghost is. */
    @Test void searchAndSortOfAMessageExpungedDuringTheCommand() throws Exception {
        assertEquals(List.of("* SEARCH 1 3", "a1 OK SEARCH completed"), whileMessage2IsExpunged("SEARCH SUBJECT message"));
        assertEquals(List.of("* SORT 1 3", "a1 OK SORT completed"), whileMessage2IsExpunged("SORT (DATE) US-ASCII ALL"));
    }

    /**
     * Three messages, INBOX selected; {@code command} (tag a1) runs while message 2 is expunged as if by another
     * session, the moment a message's bytes are first opened. Returns a1's lines, after checking that the
     * NOOP that follows announces the expunge.
     */
    private static List<String> whileMessage2IsExpunged(String command) throws Exception {
        AtomicReference<Runnable> onFirstRead = new AtomicReference<>();
        try (ServerHarness h = new ServerHarness(real -> readHook(real, onFirstRead))) {
            for (int i = 1; i <= 3; i++) h.store.append(i);
            try (Client a = h.login()) {
                selectQuietly(a, "SELECT INBOX");
                onFirstRead.set(() -> h.store.mailboxes().expunge(h.store.inbox().id(), List.of(2L)));
                List<String> lines = a.command("a1", command);
                assertEquals(List.of("* 2 EXPUNGE", "a2 OK NOOP completed"), a.command("a2", "NOOP"));
                return lines;
            }
        }
    }

    /** The store as the server sees it, running {@code onFirstRead}'s task (once) as a message's bytes are first opened. */
    private static Mailboxes readHook(Mailboxes real, AtomicReference<Runnable> onFirstRead) {
        return (Mailboxes) Proxy.newProxyInstance(Mailboxes.class.getClassLoader(), new Class<?>[] {Mailboxes.class},
                (proxy, method, args) -> {
                    Runnable hook = method.getName().equals("openContent") ? onFirstRead.getAndSet(null) : null;
                    if (hook != null) hook.run();
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    /** RFC 7162 §3.1.3: UNCHANGEDSINCE fails for a message changed meanwhile; .SILENT still reports MODSEQ, and a concurrent change. */
    @Test void conditionalAndSilentStore() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            for (int i = 1; i <= 3; i++) h.store.append(i);
            try (Client a = h.login(); Client b = h.login()) {
                a.command("e", "ENABLE CONDSTORE");
                String highest = a.command("s", "SELECT INBOX").stream().filter(l -> l.startsWith("* OK [HIGHESTMODSEQ ")).findFirst().orElseThrow();
                long known = Long.parseLong(highest.replaceAll("\\D", ""));
                selectQuietly(b, "SELECT INBOX");
                b.command("b1", "STORE 2 +FLAGS.SILENT (\\Flagged)");
                List<String> lines = a.command("a1", "STORE 1:3 (UNCHANGEDSINCE " + known + ") +FLAGS.SILENT (\\Seen)");
                assertEquals("a1 OK [MODIFIED 2] Conditional STORE failed", lines.getLast(), lines.toString());
                assertTrue(lines.stream().anyMatch(l -> l.matches("\\* 1 FETCH \\(UID 1 MODSEQ \\(\\d+\\)\\)")), lines.toString());
                assertTrue(lines.stream().anyMatch(l -> l.matches("\\* 2 FETCH \\(UID 2 FLAGS \\(\\\\Flagged \\\\Recent\\) MODSEQ \\(\\d+\\)\\)")), lines.toString());
                assertEquals(4, lines.size(), lines.toString());
                // UID STORE names the failed ones by UID (2 still fails); 3's change elsewhere is announced as usual
                b.command("b2", "STORE 3 +FLAGS.SILENT (\\Draft)");
                lines = a.command("a2", "UID STORE 2:3 (UNCHANGEDSINCE " + known + ") -FLAGS.SILENT (\\Seen)");
                assertEquals("a2 OK [MODIFIED 2:3] Conditional STORE failed", lines.getLast(), lines.toString());
                assertTrue(lines.getFirst().matches("\\* 3 FETCH \\(UID 3 FLAGS \\(\\\\Seen \\\\Draft \\\\Recent\\) MODSEQ \\(\\d+\\)\\)"), lines.toString());
                // a .SILENT store shows FLAGS where a change elsewhere makes them differ from what the client expects
                b.command("b3", "STORE 3 +FLAGS.SILENT (\\Flagged)");
                lines = a.command("a3", "STORE 1,3 +FLAGS.SILENT (\\Answered)");
                assertEquals(3, lines.size(), lines.toString());
                assertTrue(lines.get(0).matches("\\* 1 FETCH \\(UID 1 MODSEQ \\(\\d+\\)\\)"), lines.toString());
                assertTrue(lines.get(1).matches("\\* 3 FETCH \\(UID 3 FLAGS \\(\\\\Seen \\\\Answered \\\\Flagged \\\\Draft \\\\Recent\\) MODSEQ \\(\\d+\\)\\)"), lines.toString());
            }
        }
    }

    /** RFC 5182: $ follows SAVE, loses expunged messages, and is emptied by a failed SAVE. */
    @Test void savedSearchResult() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            h.store.append(1);
            h.store.append(2, Flag.SEEN);
            h.store.append(3);
            h.store.append(4, Flag.DELETED);
            try (Client c = h.login()) {
                c.command("e", "ENABLE IMAP4rev2");
                selectQuietly(c, "SELECT INBOX");
                assertEquals(List.of("f OK FETCH completed"), c.command("f", "FETCH $ (UID)"), "nothing saved yet: no messages");
                assertEquals(List.of("a OK SEARCH completed"), c.command("a", "SEARCH RETURN (SAVE) OR UNSEEN DELETED"));
                assertEquals(List.of("* ESEARCH (TAG \"b\") UID ALL 1,3:4", "b OK UID SEARCH completed"), c.command("b", "UID SEARCH UID $"));
                assertEquals(List.of("* 4 VANISHED", "x OK EXPUNGE completed").size(), c.command("x", "EXPUNGE").size());
                assertEquals(List.of("* 1 FETCH (UID 1)", "* 3 FETCH (UID 3)", "g OK UID FETCH completed"), c.command("g", "UID FETCH $ UID"));
                assertEquals("n NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset X-NONE", c.command("n", "SEARCH RETURN (SAVE) CHARSET X-NONE ALL").getLast());
                assertEquals(List.of("* ESEARCH (TAG \"k\") COUNT 0", "k OK SEARCH completed"), c.command("k", "SEARCH RETURN (COUNT) $"));
            }
        }
    }

    /** RFC 6851 §4.3 with QRESYNC: COPYUID, then VANISHED, then OK. */
    @Test void moveWithQresync() throws Exception {
        try (ServerHarness h = new ServerHarness()) {
            for (int i = 1; i <= 3; i++) h.store.append(i);
            long trash = h.store.mailboxes().find(h.store.alice.id(), "Trash").orElseThrow().uidValidity();
            try (Client c = h.login()) {
                c.command("e", "ENABLE QRESYNC");
                selectQuietly(c, "SELECT INBOX");
                assertEquals(List.of("* OK [COPYUID " + trash + " 1,3 1:2] Moved", "* VANISHED 1,3", "m OK UID MOVE completed"),
                        c.command("m", "UID MOVE 1,3 Trash"));
                // RFC 6851: into the mailbox itself, the message gets a new UID
                long inbox = h.store.mailboxes().find(h.store.alice.id(), "INBOX").orElseThrow().uidValidity();
                assertEquals(List.of("* OK [COPYUID " + inbox + " 2 4] Moved", "* VANISHED 2", "* 1 EXISTS", "* 1 RECENT", "n OK MOVE completed"),
                        c.command("n", "MOVE 1 INBOX"));
            }
        }
    }
}
