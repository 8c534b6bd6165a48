package pigeon.imap.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pigeon.store.MailboxInfo;

class MailboxTreeTest {
    @Test void wildcards() {
        assertTrue(MailboxTree.pattern("*").matcher("a/b/c").matches());
        assertTrue(MailboxTree.pattern("%").matcher("a").matches());
        assertFalse(MailboxTree.pattern("%").matcher("a/b").matches());
        assertTrue(MailboxTree.pattern("a/%").matcher("a/b").matches());
        assertTrue(MailboxTree.pattern("a*c").matcher("a/b/c").matches());
        assertFalse(MailboxTree.pattern("a%c").matcher("a/b/c").matches());
        assertTrue(MailboxTree.pattern("x.(y)").matcher("x.(y)").matches(), "regex characters are literal");
    }

    @Test void inboxInAnyCase() {
        assertTrue(MailboxTree.pattern("inbox").matcher("INBOX").matches());
        assertTrue(MailboxTree.pattern("Inbox/%").matcher("INBOX/Sub").matches());
        assertFalse(MailboxTree.pattern("inboxes").matcher("INBOXES").matches());
    }

    @Test void referenceAndPattern() {
        assertEquals("Archive/%", MailboxTree.canonical("Archive/", "%"));
        assertEquals("Archive/%", MailboxTree.canonical("Archive/", "/%"));
        assertEquals("*", MailboxTree.canonical("", "*"));
    }

    @Test void impliedParentsAndChildren() {
        MailboxTree tree = new MailboxTree(List.of(box("INBOX"), box("a/b/c"), box("Zed")), List.of("INBOX", "a/b/c"));
        List<String> names = tree.nodes().stream().map(MailboxTree.Node::name).toList();
        assertEquals(List.of("INBOX", "Zed", "a", "a/b", "a/b/c"), names);
        MailboxTree.Node a = tree.nodes().get(2);
        assertFalse(a.exists());
        assertTrue(a.inHierarchy());
        assertTrue(a.hasChildren() && a.subscribedChild());
        assertFalse(tree.nodes().get(1).hasChildren());
        assertFalse(tree.nodes().get(1).subscribed());
    }

    /** RFC 3501 §6.3.6: a subscription outlives its mailbox; it is a node, but not in the hierarchy. */
    @Test void subscriptionsWithoutMailbox() {
        MailboxTree tree = new MailboxTree(List.of(box("INBOX")), List.of("gone/child"));
        List<String> names = tree.nodes().stream().map(MailboxTree.Node::name).toList();
        assertEquals(List.of("INBOX", "gone", "gone/child"), names);
        MailboxTree.Node gone = tree.nodes().get(1), child = tree.nodes().get(2);
        assertFalse(gone.inHierarchy() || child.inHierarchy());
        assertTrue(child.subscribed() && !gone.subscribed());
        assertEquals(List.of("gone/child"), gone.subscribedDescendants());
    }

    private static MailboxInfo box(String name) {
        return new MailboxInfo(name.hashCode(), 1, name, Optional.empty(), false, 1, 1, 1);
    }
}
