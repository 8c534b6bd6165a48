package pigeon.imap.search;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import pigeon.imap.message.MessageView;

/**
 * One node of a THREAD result (RFC 5256 §4): a message, or a dummy standing for a missing parent (after
 * pruning, only a top-level node with two or more children is a dummy), with its children in order.
 */
public record ThreadNode(Optional<MessageView> message, List<ThreadNode> children) {
    public ThreadNode {
        Objects.requireNonNull(message);
        children = List.copyOf(children);
    }
}
