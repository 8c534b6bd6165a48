package pigeon.imap.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pigeon.imap.message.MessageView;

/** THREAD=REFERENCES, RFC 5256 §3, step by step. */
final class ReferencesThreader {
    /** A node of the id table: a message, or a dummy for an id only referred to. */
    private static final class Container {
        MessageView message;
        BaseSubject subject;
        Instant date;
        Container parent;
        final List<Container> children = new ArrayList<>();

        boolean isDummy() {
            return message == null;
        }

        /** Whether {@code other} is this container or below it. */
        boolean reaches(Container other) {
            for (Container c = other; c != null; c = c.parent) if (c == this) return true;
            return false;
        }

        void unlink() {
            if (parent != null) parent.children.remove(this);
            parent = null;
        }

        void add(Container child) {
            child.unlink();
            child.parent = this;
            children.add(child);
        }

        /** For sorting and subject grouping a dummy stands in for its first child (steps 5 and 6). */
        Container representative() {
            return isDummy() && !children.isEmpty() ? children.getFirst() : this;
        }
    }

    private static final Comparator<Container> BY_DATE = Comparator
            .comparing((Container c) -> c.representative().date, Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparingInt(c -> c.representative().message == null ? Integer.MAX_VALUE : c.representative().message.seq());

    private ReferencesThreader() {}

    static List<ThreadNode> thread(List<MessageView> messages) throws IOException {
        Map<String, Container> ids = new LinkedHashMap<>();
        for (MessageView m : messages) link(ids, m);
        // (2) the root set: every container without a parent; (3) the id table is no longer needed
        List<Container> roots = new ArrayList<>();
        for (Container c : ids.values()) if (c.parent == null) roots.add(c);
        // (4) prune dummies
        roots = prune(roots, true);
        // (5) sort the root set by sent date, a dummy by its first child after sorting its children
        for (Container c : roots) if (c.isDummy()) c.children.sort(BY_DATE);
        roots.sort(BY_DATE);
        // (6) gather threads with the same base subject
        roots = mergeSubjects(roots);
        // (7) sort every set of siblings by date, the deepest first
        sortTree(roots);
        return roots.stream().map(ReferencesThreader::node).toList();
    }

    /** (1) The message's container, and the links given by its References (or In-Reply-To). */
    private static void link(Map<String, Container> ids, MessageView m) throws IOException {
        String header = null;
        for (HeaderBlock.Field f : HeaderBlock.read(m, m.description().body().span().header())) {
            if (f.is("References")) {
                header = f.value();
                break;
            }
        }
        List<String> refs = MessageIds.all(header);
        if (refs.isEmpty()) {
            // no References, or none valid: the first valid id of In-Reply-To
            String inReplyTo = MessageIds.first(m.description().envelope().inReplyTo());
            if (inReplyTo != null) refs = List.of(inReplyTo);
        }
        String id = MessageIds.first(m.description().envelope().messageId());
        Container self = id == null ? null : ids.get(id);
        if (self == null || !self.isDummy()) {
            // no Message-ID, or a duplicate of an earlier message's: a unique id of its own
            if (id == null || self != null) id = "\0" + m.uid();
            self = new Container();
            ids.put(id, self);
        }
        self.message = m;
        self.subject = BaseSubject.of(m.description().envelope().subject());
        self.date = SentDates.sentOrInternal(m);
        // (1A) chain the references parent to child, keeping existing links and refusing loops
        Container previous = null;
        for (String ref : refs) {
            Container c = ids.computeIfAbsent(ref, k -> new Container());
            if (previous != null && c.parent == null && c != previous && !c.reaches(previous) && !previous.reaches(c)) {
                previous.add(c);
            }
            previous = c;
        }
        // (1B) the last reference is the parent, replacing any link from a truncated References elsewhere
        self.unlink();
        if (previous != null && previous != self && !self.reaches(previous) && !previous.reaches(self)) previous.add(self);
    }

    /** (4) Dummies without children go; with children they give them to their parent, except at the root. */
    private static List<Container> prune(List<Container> siblings, boolean atRoot) {
        List<Container> out = new ArrayList<>();
        for (Container c : siblings) {
            List<Container> kids = prune(new ArrayList<>(c.children), false);
            c.children.clear();
            for (Container k : kids) {
                k.parent = c;
                c.children.add(k);
            }
            if (!c.isDummy()) {
                out.add(c);
            } else if (!c.children.isEmpty()) {
                if (!atRoot || c.children.size() == 1) {
                    for (Container k : c.children) k.parent = c.parent;
                    out.addAll(c.children);
                } else {
                    out.add(c);
                }
            }
        }
        return out;
    }

    /** (6) Merges top-level threads whose subjects' base subjects are the same. */
    private static List<Container> mergeSubjects(List<Container> roots) {
        Map<String, Container> table = new HashMap<>();
        for (Container c : roots) {
            String key = subjectKey(c);
            if (key == null) continue;
            Container t = table.get(key);
            if (t == null || (c.isDummy() && !t.isDummy())
                    || (!t.isDummy() && !c.isDummy() && t.subject.replyOrForward() && !c.subject.replyOrForward())) {
                table.put(key, c);
            }
        }
        List<Container> out = new ArrayList<>(roots);
        for (Container c : roots) {
            String key = subjectKey(c);
            if (key == null || c.parent != null) continue; // no subject, or already merged under a new dummy
            Container t = table.get(key);
            if (t == c) continue;
            out.remove(c);
            if (t.isDummy() && c.isDummy()) {
                for (Container k : new ArrayList<>(c.children)) t.add(k);
            } else if (t.isDummy() || (!c.isDummy() && c.subject.replyOrForward() && !t.subject.replyOrForward())) {
                t.add(c);
            } else {
                Container dummy = new Container();
                out.set(out.indexOf(t), dummy);
                dummy.add(t);
                dummy.add(c);
                table.put(key, dummy);
            }
        }
        return out;
    }

    /** The thread subject (step 6.B): the base subject of the message, or of a dummy's first child; null if empty. */
    private static String subjectKey(Container c) {
        BaseSubject s = c.representative().subject;
        return s == null || s.text().isEmpty() ? null : Collation.keyString(s.text());
    }

    private static void sortTree(List<Container> siblings) {
        for (Container c : siblings) sortTree(c.children);
        siblings.sort(BY_DATE);
    }

    private static ThreadNode node(Container c) {
        return new ThreadNode(Optional.ofNullable(c.message), c.children.stream().map(ReferencesThreader::node).toList());
    }
}
