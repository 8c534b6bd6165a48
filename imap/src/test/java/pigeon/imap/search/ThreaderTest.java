package pigeon.imap.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pigeon.imap.message.MessageView;

class ThreaderTest {
    private static MessageView msg(int seq, String date, String headers) {
        return TestMessage.of(seq, 100 + seq, "Date: " + date + "\n" + headers + "\n\nbody\n").build();
    }

    private static String references(List<MessageView> box) throws IOException {
        return ThreadResponses.thread(Threader.thread("REFERENCES", box), false);
    }

    @Test
    void referencesOnARealisticMailbox() throws IOException {
        List<MessageView> box = List.of(
                msg(1, "1 Jan 2024 10:00 +0000", "Message-ID: <a@x>\nSubject: Meeting"),
                msg(2, "1 Jan 2024 11:00 +0000", "Message-ID: <b@x>\nIn-Reply-To: <a@x>\nReferences: <a@x>\nSubject: Re: Meeting"),
                msg(3, "1 Jan 2024 12:00 +0000", "Message-ID: <c@x>\nReferences: <a@x>\n <b@x>\nSubject: Re: Meeting"),
                msg(4, "1 Jan 2024 11:30 +0000", "Message-ID: <d@x>\nReferences: <a@x>\nSubject: Re: Meeting"),
                // a parent that is not in the mailbox: a dummy with two children stays at the top
                msg(5, "2 Jan 2024 09:00 +0000", "Message-ID: <e@x>\nReferences: <missing@x>\nSubject: Lost parent"),
                msg(6, "2 Jan 2024 10:00 +0000", "Message-ID: <f@x>\nReferences: <missing@x>\nSubject: Re: Lost parent"),
                // same subject, no references: a reply goes under the original, two originals under a dummy
                msg(7, "3 Jan 2024 10:00 +0000", "Message-ID: <g@x>\nSubject: Lunch?"),
                msg(8, "3 Jan 2024 11:00 +0000", "Message-ID: <h@x>\nSubject: Re: Lunch?"),
                msg(9, "4 Jan 2024 10:00 +0000", "Message-ID: <i@x>\nSubject: [team] Lunch?"),
                // In-Reply-To a message we don't have: the dummy has one child, which is promoted
                msg(10, "5 Jan 2024 10:00 +0000", "Message-ID: <j@x>\nIn-Reply-To: <k@x> (sent by k)\nSubject: Other"),
                // no Message-ID of its own
                msg(11, "1 Jan 2024 13:00 +0000", "References: <a@x> <b@x> <c@x>\nSubject: Re: Meeting"),
                // a duplicate Message-ID: the later message gets an id of its own
                msg(12, "6 Jan 2024 10:00 +0000", "Message-ID: <a@x>\nSubject: Duplicate"),
                // quoting inside a msg-id makes no difference (RFC 5256 §3)
                msg(13, "7 Jan 2024 10:00 +0000", "Message-ID: <\"q\"@x>\nSubject: Quote"),
                msg(14, "7 Jan 2024 11:00 +0000", "Message-ID: <r@x>\nReferences: <q@x>\nSubject: Something else"));
        assertEquals("* THREAD (1 (2 3 11)(4))((5)(6))((7 8)(9))(10)(12)(13 14)", references(box));
    }

    @Test
    void truncatedReferencesDoNotOverrideALaterFullChain() throws IOException {
        // #2 names only its direct parent; #3 gives the whole chain
        List<MessageView> box = List.of(
                msg(1, "1 Jan 2024 10:00 +0000", "Message-ID: <a@x>\nSubject: s"),
                msg(2, "1 Jan 2024 11:00 +0000", "Message-ID: <c@x>\nReferences: <b@x>\nSubject: t"),
                msg(3, "1 Jan 2024 12:00 +0000", "Message-ID: <d@x>\nReferences: <a@x> <b@x> <c@x>\nSubject: u"));
        // <b> is a dummy under #1 with the single child #2: promoted
        assertEquals("* THREAD (1 2 3)", references(box));
    }

    @Test
    void referenceLoopsAreRefused() throws IOException {
        List<MessageView> box = List.of(
                msg(1, "1 Jan 2024 10:00 +0000", "Message-ID: <a@x>\nReferences: <b@x>\nSubject: one"),
                msg(2, "1 Jan 2024 11:00 +0000", "Message-ID: <b@x>\nReferences: <a@x>\nSubject: two"),
                msg(3, "1 Jan 2024 12:00 +0000", "Message-ID: <c@x>\nReferences: <c@x>\nSubject: three"));
        // #1 makes <b> its parent first; #2 naming <a> as its parent would close a loop, so it is not linked
        assertEquals("* THREAD (2 1)(3)", references(box));
    }

    @Test
    void siblingsAreOrderedByDateAndRootsByTheirFirstMessage() throws IOException {
        List<MessageView> box = List.of(
                msg(1, "5 Jan 2024 10:00 +0000", "Message-ID: <a@x>\nSubject: late root"),
                msg(2, "9 Jan 2024 10:00 +0000", "Message-ID: <b@x>\nReferences: <a@x>\nSubject: Re: late root"),
                msg(3, "6 Jan 2024 10:00 +0000", "Message-ID: <c@x>\nReferences: <a@x>\nSubject: Re: late root"),
                msg(4, "1 Jan 2024 10:00 +0000", "Message-ID: <d@x>\nSubject: early root"));
        assertEquals("* THREAD (4)(1 (3)(2))", references(box));
        assertEquals("* THREAD (104)(101 (103)(102))", ThreadResponses.thread(Threader.thread("references", box), true));
    }

    @Test
    void emptyMailbox() throws IOException {
        assertEquals("* THREAD", references(List.of()));
    }

    @Test
    void orderedSubject() throws IOException {
        List<MessageView> box = List.of(
                msg(1, "1 Jan 2024 10:00 +0000", "Subject: Apples"),
                msg(2, "3 Jan 2024 10:00 +0000", "Subject: Re: apples"),
                msg(3, "2 Jan 2024 10:00 +0000", "Subject: Bananas"),
                msg(4, "2 Jan 2024 10:00 +0000", "Subject: [fwd: Apples]"),
                msg(5, "4 Jan 2024 10:00 +0000", "Subject: Cherries"),
                msg(6, "5 Jan 2024 10:00 +0000", "Subject: Re: Cherries"));
        assertEquals("* THREAD (1 (4)(2))(3)(5 6)",
                ThreadResponses.thread(Threader.thread("ORDEREDSUBJECT", box), false));
    }

    @Test
    void unknownAlgorithm() {
        assertThrows(IllegalArgumentException.class, () -> Threader.thread("XYZZY", List.of()));
    }

    @Test
    void renderingOfTheRfcExample() {
        // RFC 5256 §4: (2)(3 6 (4 23)(44 7 96))
        List<ThreadNode> threads = List.of(node(2),
                node(3, node(6, node(4, node(23)), node(44, node(7, node(96))))));
        assertEquals("* THREAD (2)(3 6 (4 23)(44 7 96))", ThreadResponses.thread(threads, false));
        // a dummy top-level node, and a message with a chain then a fork
        List<ThreadNode> more = List.of(new ThreadNode(Optional.empty(), List.of(node(1), node(2, node(5)))),
                node(3, node(4, node(6), node(7))));
        assertEquals("* THREAD ((1)(2 5))(3 4 (6)(7))", ThreadResponses.thread(more, false));
    }

    private static ThreadNode node(int seq, ThreadNode... children) {
        MessageView m = TestMessage.of(seq, seq, "Subject: x\n\nx\n").build();
        return new ThreadNode(Optional.of(m), new ArrayList<>(List.of(children)));
    }
}
