package pigeon.imap.session;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import pigeon.imap.command.SearchKey;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.command.SortCriterion;
import pigeon.imap.message.MessageView;
import pigeon.imap.search.SearchContext;
import pigeon.imap.search.SearchEngine;
import pigeon.imap.search.SearchResponses;
import pigeon.imap.search.SearchResponses.ContextChange;
import pigeon.imap.search.Sorter;

/**
 * RFC 5267 §4.3: the searches and sorts of the selected mailbox this session asked to be kept up to date
 * ({@code RETURN (UPDATE)}), by the tag of the command that made them, at most {@code imap.max-search-contexts}
 * of them. Each remembers its result as UIDs (ascending for SEARCH, in sort order for SORT) and the highest
 * MODSEQ it has looked at; {@link Updates} asks it what changed:
 *
 * <ul>
 * <li>{@link #expunged} when expunges are announced, before the EXPUNGE responses, so a context of sequence
 *     numbers still names the messages by the numbers the client knows;
 * <li>{@link #changed} after the other updates: every message whose MODSEQ rose (a flag change by this or
 *     another session, a new message) is searched again, and what came to match or stopped matching is told
 *     in {@code ADDTO} and {@code REMOVEFROM} (positions for a SORT context, 0 for SEARCH, §4.3.2).
 * </ul>
 *
 * <p>{@code $} in the criteria is the saved result as it was at the search; criteria with message numbers
 * (sequence sets, {@code *}) are searched again over the whole mailbox at each change, as numbers move.
 * Criteria that depend on time alone (OLDER, YOUNGER) are only searched again when a message changes.
 * Used by the session's thread and, during IDLE, by the pusher, never both at once; the lock is a safety net.
 */
public final class SearchUpdates {
    private final int max;
    private final Map<String, Context> contexts = new LinkedHashMap<>();

    private static final class Context {
        final String tag;
        final boolean uid;
        final SearchKey key;
        final Optional<List<SortCriterion>> sort;
        final Set<Long> saved;
        final boolean positional;
        List<Long> members;
        long mark;

        Context(String tag, boolean uid, SearchKey key, Optional<List<SortCriterion>> sort, Set<Long> saved, List<Long> members, long mark) {
            this.tag = tag;
            this.uid = uid;
            this.key = key;
            this.sort = sort;
            this.saved = Set.copyOf(saved);
            this.positional = SearchEngine.usesNumbers(key);
            this.members = new ArrayList<>(members);
            this.mark = mark;
        }
    }

    /** @param max the most contexts one session may keep (RFC 5267 §4.2's NOUPDATE beyond) */
    public SearchUpdates(int max) { this.max = max; }

    public synchronized boolean has(String tag) { return contexts.containsKey(tag); }

    /** Whether another context would be one too many. */
    public synchronized boolean full() { return contexts.size() >= max; }

    /**
     * Keeps a search or sort up to date.
     *
     * @param sort    the criteria of a SORT; empty for SEARCH
     * @param saved   the {@code $} its criteria named
     * @param result  what it found, in its order
     * @param mark    the highest MODSEQ among the messages it searched
     */
    public synchronized void add(String tag, boolean uid, SearchKey key, Optional<List<SortCriterion>> sort, Set<Long> saved,
                                 List<MessageView> result, long mark) {
        if (contexts.containsKey(tag) || contexts.size() >= max) throw new IllegalStateException("context refused: " + tag);
        contexts.put(tag, new Context(tag, uid, key, sort, saved, result.stream().map(MessageView::uid).toList(), mark));
    }

    /** CANCELUPDATE: ends the contexts of these tags, all or, when one is unknown, none. */
    public synchronized boolean cancel(List<String> tags) {
        if (!contexts.keySet().containsAll(tags)) return false;
        contexts.keySet().removeAll(tags);
        return true;
    }

    /** {@code REMOVEFROM} lines for the messages now being announced as expunged (the view has dropped them). */
    synchronized List<String> expunged(SelectedMailbox.Expunged e) {
        if (contexts.isEmpty() || e.isEmpty()) return List.of();
        Map<Long, Long> seqs = new HashMap<>();
        for (int k = 0; k < e.uids().size(); k++) seqs.put(e.uids().get(k), (long) e.seqs().get(k) + k);  // before the removals
        List<String> lines = new ArrayList<>();
        for (Context c : contexts.values()) {
            Set<Long> gone = new HashSet<>(c.members);
            gone.retainAll(seqs.keySet());
            if (gone.isEmpty()) continue;
            lines.add(SearchResponses.contextUpdate(c.tag, c.uid, removals(c, gone, u -> c.uid ? u : seqs.get(u)), List.of()));
            c.members.removeAll(gone);
        }
        return lines;
    }

    /** {@code ADDTO}/{@code REMOVEFROM} lines for messages that came to match or stopped matching since the last look. */
    synchronized List<String> changed(SelectedMailbox m) throws java.io.IOException {
        if (contexts.isEmpty()) return List.of();
        List<String> lines = new ArrayList<>();
        for (Context c : contexts.values()) {
            List<SelectedMailbox.FlagUpdate> changed = m.changedSince(c.mark);
            if (changed.isEmpty() && !c.positional) continue;
            // a SORT context holding a message expunged elsewhere and not yet announced waits for that
            // announcement (its bytes, needed to sort beside it, may be gone); nothing is lost, the mark stays
            if (c.sort.isPresent() && c.members.stream().anyMatch(m::isExpunged)) continue;
            for (SelectedMailbox.FlagUpdate f : changed) c.mark = Math.max(c.mark, f.modSeq());
            List<MessageView> candidates = c.positional ? live(m, m.all()) : live(m, views(m, changed.stream().map(SelectedMailbox.FlagUpdate::uid).toList()));
            if (candidates.isEmpty()) continue;
            long maxUid = m.uidNext() - 1;
            Set<Long> matching = new HashSet<>();
            for (MessageView v : new SearchEngine().search(c.key, candidates, new SearchContext(m.exists(), maxUid, c.saved))) matching.add(v.uid());
            Set<Long> was = new HashSet<>(c.members), gone = new HashSet<>(), came = new TreeSet<>();
            for (MessageView v : candidates) {
                if (matching.contains(v.uid()) && !was.contains(v.uid())) came.add(v.uid());
                if (!matching.contains(v.uid()) && was.contains(v.uid())) gone.add(v.uid());
            }
            if (gone.isEmpty() && came.isEmpty()) continue;
            java.util.function.LongUnaryOperator number = u -> c.uid ? u : m.seqOf(u).orElseThrow();
            List<ContextChange> removed = gone.isEmpty() ? List.of() : removals(c, gone, number::applyAsLong);
            c.members.removeAll(gone);
            List<ContextChange> added = came.isEmpty() ? List.of() : additions(c, m, came, number);
            lines.add(SearchResponses.contextUpdate(c.tag, c.uid, removed, added));
        }
        return lines;
    }

    /** REMOVEFROM pairs: for SEARCH one {@code 0 set}; for SORT the runs of removed positions, last first, so each position holds as the client applies them in turn. */
    private static List<ContextChange> removals(Context c, Set<Long> gone, java.util.function.Function<Long, Long> number) {
        if (c.sort.isEmpty()) return List.of(new ContextChange(0, gone.stream().map(number).toList()));
        List<ContextChange> runs = new ArrayList<>();
        for (int i = c.members.size() - 1; i >= 0; ) {
            if (!gone.contains(c.members.get(i))) {
                i--;
                continue;
            }
            int end = i;
            while (i - 1 >= 0 && gone.contains(c.members.get(i - 1))) i--;
            List<Long> run = new ArrayList<>();
            for (int j = i; j <= end; j++) run.add(number.apply(c.members.get(j)));
            runs.add(new ContextChange(i + 1, run));
            i--;
        }
        return runs;
    }

    /** ADDTO pairs, the members updated: for SEARCH one {@code 0 set}; for SORT the runs of new positions in the sorted result, first first. */
    private static List<ContextChange> additions(Context c, SelectedMailbox m, Set<Long> came, java.util.function.LongUnaryOperator number) {
        if (c.sort.isEmpty()) {
            TreeSet<Long> all = new TreeSet<>(c.members);
            all.addAll(came);
            c.members = new ArrayList<>(all);
            return List.of(new ContextChange(0, came.stream().map(number::applyAsLong).toList()));
        }
        List<Long> uids = new ArrayList<>(c.members);
        uids.addAll(came);
        c.members = new ArrayList<>(Sorter.sort(views(m, uids), c.sort.get()).stream().map(MessageView::uid).toList());
        List<ContextChange> runs = new ArrayList<>();
        for (int i = 0; i < c.members.size(); ) {
            if (!came.contains(c.members.get(i))) {
                i++;
                continue;
            }
            int start = i;
            List<Long> run = new ArrayList<>();
            while (i < c.members.size() && came.contains(c.members.get(i))) run.add(number.applyAsLong(c.members.get(i++)));
            runs.add(new ContextChange(start + 1, run));
        }
        return runs;
    }

    private static List<MessageView> views(SelectedMailbox m, List<Long> uids) {
        if (uids.isEmpty()) return List.of();
        List<SequenceSet.Range> ranges = new ArrayList<>();
        for (long u : new TreeSet<>(uids)) ranges.add(new SequenceSet.Range(u, u));
        try {
            return m.messages(SequenceSet.of(ranges), true);
        } catch (ImapException e) {
            throw new IllegalStateException(e);  // UID sets never fail
        }
    }

    /** The messages not expunged meanwhile (a ghost keeps its flags, and its bytes may be gone). */
    private static List<MessageView> live(SelectedMailbox m, List<MessageView> views) {
        List<MessageView> out = new ArrayList<>(views.size());
        for (MessageView v : views) if (!m.isExpunged(v.uid())) out.add(v);
        return out;
    }
}
