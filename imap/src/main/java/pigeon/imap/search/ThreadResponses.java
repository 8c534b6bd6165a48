package pigeon.imap.search;

import java.util.List;
import pigeon.imap.message.MessageView;

/** The untagged THREAD response (RFC 5256 §4), e.g. {@code * THREAD (2)(3 6 (4 23)(44 7 96))}, without CRLF. */
public final class ThreadResponses {
    private ThreadResponses() {}

    /** @param uid true for UID THREAD, which lists UIDs instead of sequence numbers */
    public static String thread(List<ThreadNode> threads, boolean uid) {
        StringBuilder b = new StringBuilder("* THREAD");
        if (!threads.isEmpty()) b.append(' ');
        for (ThreadNode t : threads) {
            b.append('(');
            members(b, t, uid);
            b.append(')');
        }
        return b.toString();
    }

    /**
     * A message then its descendants: one child continues the line ({@code 3 6}); two or more each go in
     * parentheses ({@code 6 (4 23)(44 7 96)}). A dummy has no number, only its parenthesised children.
     */
    private static void members(StringBuilder b, ThreadNode node, boolean uid) {
        if (node.message().isPresent()) {
            MessageView m = node.message().get();
            b.append(uid ? m.uid() : m.seq());
            if (node.children().isEmpty()) return;
            b.append(' ');
            if (node.children().size() == 1) {
                members(b, node.children().getFirst(), uid);
                return;
            }
        }
        for (ThreadNode child : node.children()) {
            b.append('(');
            members(b, child, uid);
            b.append(')');
        }
    }
}
