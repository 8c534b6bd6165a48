package pigeon.imap.session;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.encode.Flags;
import pigeon.imap.message.MessageView;
import pigeon.store.Flag;
import pigeon.store.MailboxChange;
import pigeon.store.MailboxInfo;
import pigeon.store.Mailboxes;
import pigeon.store.MessageEntry;

/**
 * The selected mailbox as this session's client knows it (RFC 9051 §2.3.1): message sequence numbers
 * ↔ UIDs, flags and MODSEQs, built from the store at SELECT and changed only at the moments the RFC
 * allows. The store's change events carry the committed entries; they are only queued here (and
 * wake an idling session), and applied to the view by {@link #takePending}, without reading the
 * store, which the session calls when a command completes (RFC 9051 §7.5.1: EXISTS and flag updates after any command, EXPUNGE not after FETCH,
 * STORE or SEARCH by sequence number) and during IDLE. Until an expunge is announced, the expunged
 * message keeps its sequence number (a "ghost"; {@link #isExpunged}).
 *
 * <p>Events may arrive in another order than their commits (see {@link MailboxChange}): a flag
 * change older than what the view holds is ignored (MODSEQs only grow), a new message whose UID
 * leaves a gap above the view's highest, or a flag change of a message the view has not heard of,
 * means an event is still on its way, and the view then reads the store's entries once instead.
 * So does a view whose queue grew past {@link #MAX_QUEUED} events (a session that has been silent
 * for long), so that memory stays bounded.
 *
 * <p>Thread-safety: the view is used by the session's thread, and during IDLE by the thread that
 * pushes updates; one lock guards it, and is never held while writing to the client.
 */
public final class SelectedMailbox implements AutoCloseable {
    /** What {@link #expunge} removed: sequence numbers in the order to announce them, and the UIDs. */
    public record Expunged(List<Integer> seqs, List<Long> uids) {
        public boolean isEmpty() { return uids.isEmpty(); }
    }

    /** A message whose flags changed since the client last heard: an unsolicited {@code FETCH (FLAGS)}. */
    public record FlagUpdate(int seq, long uid, Set<String> flags, long modSeq) {}

    /**
     * Updates to announce: expunges, then the new EXISTS/RECENT counts (-1 if unchanged), then flag
     * changes (with sequence numbers valid after the expunges).
     *
     * @param keywords every keyword to list in a new FLAGS response, when some are new since the last
     *
     *                 one (to be written before anything that shows them, RFC 9051 §7.3.5)
     * @param gone the mailbox was deleted or renamed away: the session must end
     */
    public record Pending(Expunged expunged, int exists, int recent, List<FlagUpdate> flags, boolean gone,
                          Optional<Set<String>> keywords, List<Long> added) {}

    /** Queued events beyond which the view drops them and reads the store's entries once instead. */
    static final int MAX_QUEUED = 10_000;

    private final Mailboxes store;
    private final MailboxEvents events;
    private final RecentRegistry recentRegistry;
    private final long mailboxId, uidValidity;
    private final String name;
    private final boolean readOnly, trackRecent;
    private final ReentrantLock lock = new ReentrantLock();
    private final ArrayList<Slot> slots = new ArrayList<>();
    /** Events not yet looked at (any thread adds, the view's lock holder takes), and how many. */
    private final ConcurrentLinkedQueue<MailboxChange> incoming = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    /** Set when events were dropped: the next {@link #takePending} reads the store. */
    private final AtomicBoolean overflow = new AtomicBoolean(), removed = new AtomicBoolean();
    /** Events taken off {@link #incoming} whose expunges are marked but that are not applied yet (inside the lock). */
    private final List<MailboxChange> backlog = new ArrayList<>();
    /** UIDs above {@link #lastUid} reported expunged before their addition was: never to be added (inside the lock). */
    private final Set<Long> expungedAhead = new TreeSet<>();
    private final Semaphore wake = new Semaphore(0);
    private long lastUid, highestModSeq;
    private int announcedExists, announcedRecent;
    /** RFC 5182's search result variable ({@code $}), as UIDs; empty at SELECT. */
    private List<Long> saved = List.of();
    /** The keywords the client was last told of in FLAGS (RFC 9051 §7.3.5, RFC 3501 §7.2.6). */
    private final Set<String> announcedKeywords = new TreeSet<>();
    /** Keywords that messages of the view took on since FLAGS last listed them, not yet listed. */
    private final Set<String> unannouncedKeywords = new TreeSet<>();
    /** RFC 5267 contexts: searches kept up to date while this mailbox is selected. */
    private final SearchUpdates contexts;

    private SelectedMailbox(Services services, MailboxInfo info, boolean readOnly, boolean trackRecent) {
        this.store = services.mailboxes();
        this.events = services.events();
        this.recentRegistry = services.recent();
        this.mailboxId = info.id();
        this.uidValidity = info.uidValidity();
        this.name = info.name();
        this.readOnly = readOnly;
        this.trackRecent = trackRecent;
        this.highestModSeq = info.highestModSeq();
        this.contexts = new SearchUpdates(services.config().maxSearchContexts());
    }

    /**
     * Selects a mailbox: listens for its changes, then reads its messages (an event of a change
     * the read already saw is recognized and ignored when it is applied).
     *
     * @param readOnly    EXAMINE, or a mailbox the session may not change
     * @param trackRecent an IMAP4rev1 session: \Recent is shown, and claimed unless read-only
     */
    public static SelectedMailbox open(Services services, MailboxInfo info, boolean readOnly, boolean trackRecent) {
        SelectedMailbox m = new SelectedMailbox(services, info, readOnly, trackRecent);
        services.events().register(m);
        try {
            m.lock.lock();
            try {
                m.addNew(m.store.entries(m.mailboxId));
                m.announcedExists = m.slots.size();
                m.announcedRecent = m.recentCount();
                m.announcedKeywords.addAll(m.unannouncedKeywords);  // SELECT's FLAGS lists them all
                m.unannouncedKeywords.clear();
            } finally {
                m.lock.unlock();
            }
            return m;
        } catch (RuntimeException e) {
            services.events().unregister(m);
            throw e;
        }
    }

    public long mailboxId() { return mailboxId; }
    public String name() { return name; }
    public long uidValidity() { return uidValidity; }
    public boolean readOnly() { return readOnly; }
    /** The RFC 5267 contexts (SEARCH/SORT RETURN (UPDATE)) of this selection; they end with it. */
    public SearchUpdates contexts() { return contexts; }

    /** The number of messages the client knows of (expunged ones not yet announced included). */
    public int exists() {
        return locked(() -> slots.size());
    }

    /** The highest MODSEQ the view has seen (at least the mailbox's HIGHESTMODSEQ at SELECT). */
    public long highestModSeq() {
        return locked(() -> highestModSeq);
    }

    /** The predicted next UID: one above the highest the view has seen (or the store's at SELECT). */
    public long uidNext() {
        return locked(() -> lastUid + 1);
    }

    /** Messages with \Recent in this session (0 for IMAP4rev2 sessions). */
    public int recentCount() {
        return locked(this::recentCountLocked);
    }

    /** The sequence number of the first message without \Seen (RFC 3501's {@code [UNSEEN n]}). */
    public OptionalInt firstUnseen() {
        return locked(() -> {
            for (int i = 0; i < slots.size(); i++) if (!slots.get(i).flags.contains(Flag.SEEN)) return OptionalInt.of(i + 1);
            return OptionalInt.empty();
        });
    }

    /** The keywords the client is told of: at SELECT, those in use in the mailbox, for its FLAGS response. */
    public Set<String> keywords() {
        return locked(this::announced);
    }

    /**
     * If messages now carry keywords the client hasn't been told of, all the keywords it should know
     * (those announced before included), now counted as announced; the caller writes FLAGS and
     * PERMANENTFLAGS before any response that shows them (RFC 9051 §7.3.5).
     */
    public Optional<Set<String>> newKeywords() {
        return locked(this::newKeywordsLocked);
    }

    // ---- for message commands (FETCH, STORE, SEARCH, COPY, MOVE, SORT, THREAD, EXPUNGE) ----

    /**
     * The messages a sequence set names, ascending. {@code $} must be replaced by the caller first.
     *
     * @param uid true for a UID set (UIDs that don't exist are skipped, and {@code n:*} always includes
     *            the highest UID, RFC 9051 §6.4.8), false for sequence numbers (all must exist)
     * @throws ImapException BAD for a sequence number above {@link #exists()}
     */
    public List<MessageView> messages(SequenceSet set, boolean uid) throws ImapException {
        return lockedChecked(() -> {
            List<Integer> idx = indexes(set, uid);
            List<Slot> chosen = new ArrayList<>(idx.size());
            for (int i : idx) chosen.add(slots.get(i));
            DescriptionLoader loader = new DescriptionLoader(store, chosen.stream().map(s -> s.messageId).toList());
            List<MessageView> out = new ArrayList<>(idx.size());
            for (int i : idx) out.add(view(i, loader));
            return out;
        });
    }

    /**
     * The saved search result {@code $} (RFC 5182 §2.1), as ascending UIDs: empty after SELECT, after a
     * failed {@code SEARCH RETURN (SAVE)}, and without the messages expunged since.
     */
    public List<Long> savedResult() {
        return locked(() -> saved);
    }

    /** Replaces {@code $}: the result of a successful {@code SEARCH RETURN (SAVE …)}, or empty when one failed. */
    public void saveResult(Collection<Long> uids) {
        List<Long> sorted = new TreeSet<>(uids).stream().toList();
        locked(() -> saved = sorted);
    }

    /** Every message, ascending (for SEARCH, SORT, THREAD). */
    public List<MessageView> all() {
        try {
            return exists() == 0 ? List.of() : messages(SequenceSet.of(1, SequenceSet.STAR), false);
        } catch (ImapException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The UIDs a sequence set names, ascending; same rules as {@link #messages}. */
    public List<Long> uids(SequenceSet set, boolean uid) throws ImapException {
        return lockedChecked(() -> {
            List<Long> out = new ArrayList<>();
            for (int i : indexes(set, uid)) out.add(slots.get(i).uid);
            return out;
        });
    }

    /** The current sequence number of a UID, if the view has it. */
    public OptionalInt seqOf(long uid) {
        return locked(() -> {
            int i = find(uid);
            return i < 0 ? OptionalInt.empty() : OptionalInt.of(i + 1);
        });
    }

    /** Whether the message was expunged by someone else and that is not yet announced (its bytes may be gone). */
    public boolean isExpunged(long uid) {
        return locked(() -> {
            int i = find(uid);
            return i >= 0 && slots.get(i).expunged;
        });
    }

    /** UIDs of the messages with \Deleted (not counting unannounced expunges), for EXPUNGE and CLOSE. */
    public List<Long> deletedUids() {
        return locked(() -> {
            List<Long> out = new ArrayList<>();
            for (Slot s : slots) if (!s.expunged && s.flags.contains(Flag.DELETED)) out.add(s.uid);
            return out;
        });
    }

    /**
     * Takes in the flags of messages this session just changed (from {@code Mailboxes.setFlags}); the
     * caller announces them (or not, for .SILENT), so they won't be announced again.
     */
    public void applyFlags(Collection<MessageEntry> entries) {
        locked(() -> {
            for (MessageEntry e : entries) {
                int i = find(e.uid());
                if (i >= 0 && !slots.get(i).expunged) {
                    update(slots.get(i), e);
                    slots.get(i).flagsChanged = false;
                }
                highestModSeq = Math.max(highestModSeq, e.modSeq());
            }
            return null;
        });
    }

    /**
     * Removes messages from the view now, for a command that expunged them and announces it at once
     * (EXPUNGE, UID EXPUNGE, MOVE): write the result with {@link Updates#writeExpunged}.
     */
    public Expunged expunge(Collection<Long> uids) {
        return locked(() -> {
            Set<Long> gone = new TreeSet<>(uids);
            List<Integer> seqs = new ArrayList<>();
            List<Long> removedUids = new ArrayList<>();
            for (int i = 0; i < slots.size(); ) {
                if (gone.contains(slots.get(i).uid)) {
                    seqs.add(i + 1);  // RFC 9051 §7.5.1: each number counts the removals announced before it
                    removedUids.add(slots.remove(i).uid);
                } else {
                    i++;
                }
            }
            announcedExists -= removedUids.size();
            announcedRecent = recentCountLocked();
            // RFC 5182 §2.1: expunged messages leave the saved result
            if (!saved.isEmpty() && !removedUids.isEmpty()) saved = saved.stream().filter(u -> !gone.contains(u)).toList();
            return new Expunged(seqs, removedUids);
        });
    }

    /** Flag state of the messages changed since {@code modSeq} (QRESYNC's SELECT, RFC 7162 §3.2.5). */
    public List<FlagUpdate> changedSince(long modSeq) {
        return locked(() -> {
            List<FlagUpdate> out = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                Slot s = slots.get(i);
                if (s.modSeq > modSeq && !s.expunged) out.add(s.flagUpdate(i + 1));
            }
            return out;
        });
    }

    // ---- for the session ----

    /**
     * Applies the store's changes since the last call and hands over what the client must now be
     * told: the delta since then (expunged, added and flag-changed messages) with the counts.
     *
     * @param allowExpunge whether expunges may be announced now ({@link CommandStates#expungesAllowed})
     */
    public Pending takePending(boolean allowExpunge) {
        if (removed.get()) return new Pending(new Expunged(List.of(), List.of()), -1, -1, List.of(), true, Optional.empty(), List.of());
        return locked(() -> {
            long before = lastUid;
            applyChanges();
            List<Long> added = new ArrayList<>();
            for (int i = slots.size() - 1; i >= 0 && slots.get(i).uid > before; i--) added.add(slots.get(i).uid);
            java.util.Collections.reverse(added);
            Expunged expunged = new Expunged(List.of(), List.of());
            if (allowExpunge) {
                List<Long> ghosts = new ArrayList<>();
                for (Slot s : slots) if (s.expunged) ghosts.add(s.uid);
                if (!ghosts.isEmpty()) expunged = expunge(ghosts);
            }
            int exists = -1, recent = -1;
            if (slots.size() != announcedExists) {
                exists = announcedExists = slots.size();
            }
            int r = recentCountLocked();
            if (trackRecent && (r != announcedRecent || exists >= 0)) recent = announcedRecent = r;
            List<FlagUpdate> flags = new ArrayList<>();
            for (int i = 0; i < slots.size(); i++) {
                Slot s = slots.get(i);
                if (s.flagsChanged && !s.expunged) flags.add(s.flagUpdate(i + 1));
                s.flagsChanged = false;
            }
            return new Pending(expunged, exists, recent, flags, false, newKeywordsLocked(), added);
        });
    }

    /**
     * Learns which messages were expunged meanwhile, announcing nothing: a message command calls this
     * first, so that {@link #isExpunged} tells it which messages' bytes may be gone. Flag changes and
     * new messages are left for {@link #takePending}, so that the view's flags stay those the client
     * knows and sequence numbers don't grow past the EXISTS it was told.
     */
    public void sync() {
        if (queued.get() == 0 && !overflow.get()) return;
        locked(() -> {
            drain();
            return null;
        });
    }

    /**
     * {@link #sync} without waiting for the store's change event: for a command that just found a
     * message's bytes gone, whose expunge may not have reached this session yet.
     */
    public void resync() {
        Set<Long> present = new java.util.HashSet<>();
        for (MessageEntry e : store.entries(mailboxId)) present.add(e.uid());
        locked(() -> {
            // the view's messages were all committed before that read; the queue may add newer ones
            for (Slot s : slots) if (!present.contains(s.uid)) s.expunged = true;
            drain();
            return null;
        });
    }

    /** Waits until the store reports a change to this mailbox; false after the timeout. */
    public boolean awaitChange(Duration timeout) throws InterruptedException {
        boolean got = wake.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS);
        wake.drainPermits();
        return got;
    }

    /** Wakes {@link #awaitChange} (ending IDLE). */
    public void wakeUp() { wake.release(); }

    /** Called by {@link MailboxEvents} on the committing thread: mark, wake, never block. */
    void changed(MailboxChange change) {
        if (change instanceof MailboxChange.MailboxRemoved) removed.set(true);
        else if (queued.incrementAndGet() <= MAX_QUEUED) incoming.add(change);
        else {
            queued.decrementAndGet();
            overflow.set(true);
        }
        wake.release();
    }

    /** Stops listening to the store. */
    @Override public void close() {
        events.unregister(this);
        wake.release();
    }

    // ---- inside the lock ----

    /** Takes the queued events into {@link #backlog}, marking the expunged messages at once. */
    private void drain() {
        for (MailboxChange c; (c = incoming.poll()) != null; ) {
            queued.decrementAndGet();
            if (c instanceof MailboxChange.MessagesExpunged x) {
                for (long uid : x.uids()) {
                    int i = find(uid);
                    if (i >= 0) slots.get(i).expunged = true;
                    else if (uid > lastUid) expungedAhead.add(uid);
                }
            } else {
                backlog.add(c);
            }
        }
    }

    /** Applies the queued events to the view (see the class comment for when it reads the store instead). */
    private void applyChanges() {
        drain();
        boolean reread = overflow.getAndSet(false);
        List<MessageEntry> adds = new ArrayList<>(), flagChanges = new ArrayList<>();
        for (MailboxChange c : backlog) {
            if (c instanceof MailboxChange.MessagesAdded a) adds.addAll(a.entries());
            else if (c instanceof MailboxChange.FlagsChanged f) flagChanges.addAll(f.entries());
        }
        backlog.clear();
        long firstNew = lastUid + 1;  // the client hears of messages from here on with EXISTS, and of their flags by FETCH
        if (!reread && !adds.isEmpty()) {
            adds.sort(java.util.Comparator.comparingLong(MessageEntry::uid));
            List<MessageEntry> fresh = new ArrayList<>();
            long next = lastUid + 1;
            for (MessageEntry e : adds) {
                while (expungedAhead.contains(next)) next++;
                if (e.uid() < next) continue;  // seen already (at SELECT, or twice), or expunged
                if (e.uid() != next) { reread = true; break; }  // an earlier addition's event is still on its way
                fresh.add(e);
                next++;
            }
            if (!reread) addNew(fresh);
        }
        for (MessageEntry e : reread ? List.<MessageEntry>of() : flagChanges) {
            int i = find(e.uid());
            if (i < 0) {
                if (e.uid() > lastUid && !expungedAhead.contains(e.uid())) { reread = true; break; }  // its addition is on its way
                continue;  // expunged and announced meanwhile
            }
            Slot s = slots.get(i);
            if (s.expunged || e.modSeq() <= s.modSeq) continue;  // older than what the view holds
            update(s, e);
            if (s.uid < firstNew) s.flagsChanged = true;
            highestModSeq = Math.max(highestModSeq, e.modSeq());
        }
        if (reread) refresh();
        expungedAhead.removeIf(uid -> uid <= lastUid);
    }

    private void refresh() {
        List<MessageEntry> entries = store.entries(mailboxId);
        int j = 0;
        for (Slot s : slots) {
            while (j < entries.size() && entries.get(j).uid() < s.uid) j++;
            if (j < entries.size() && entries.get(j).uid() == s.uid) {
                MessageEntry e = entries.get(j++);
                if (!s.expunged && e.modSeq() != s.modSeq) {
                    update(s, e);
                    s.flagsChanged = true;
                }
            } else {
                s.expunged = true;
            }
        }
        List<MessageEntry> fresh = new ArrayList<>();
        for (MessageEntry e : entries) if (e.uid() > lastUid) fresh.add(e);
        addNew(fresh);
    }

    /** Appends messages above {@link #lastUid} (ascending), deciding \Recent for them. */
    private void addNew(List<MessageEntry> fresh) {
        if (fresh.isEmpty()) return;
        long top = fresh.getLast().uid();
        long recentAbove = !trackRecent ? Long.MAX_VALUE
                : readOnly ? recentRegistry.claimedUpTo(mailboxId)  // EXAMINE shows \Recent but does not take it
                : recentRegistry.claim(mailboxId, top);
        for (MessageEntry e : fresh) {
            Slot s = new Slot(e);
            noteKeywords(s);
            s.recent = e.uid() > recentAbove;
            slots.add(s);
            highestModSeq = Math.max(highestModSeq, e.modSeq());
        }
        lastUid = top;
    }

    /** A copy of the keywords the client has been told of, in order. */
    private Set<String> announced() {
        return java.util.Collections.unmodifiableSet(new TreeSet<>(announcedKeywords));
    }

    private void update(Slot s, MessageEntry e) {
        s.update(e);
        noteKeywords(s);
    }

    /** Remembers the keywords of a new or changed message that FLAGS has not listed: no scan of the view per command. */
    private void noteKeywords(Slot s) {
        for (String k : s.keywords) if (!announcedKeywords.contains(k)) unannouncedKeywords.add(k);
    }

    private Optional<Set<String>> newKeywordsLocked() {
        if (unannouncedKeywords.isEmpty()) return Optional.empty();
        announcedKeywords.addAll(unannouncedKeywords);
        unannouncedKeywords.clear();
        return Optional.of(announced());
    }

    private int recentCountLocked() {
        int n = 0;
        for (Slot s : slots) if (s.recent) n++;
        return n;
    }

    private int find(long uid) {
        int lo = 0, hi = slots.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            long u = slots.get(mid).uid;
            if (u < uid) lo = mid + 1;
            else if (u > uid) hi = mid - 1;
            else return mid;
        }
        return -(lo + 1);
    }

    private List<Integer> indexes(SequenceSet set, boolean uid) throws ImapException {
        if (set.isSaved()) throw new IllegalArgumentException("$ must be replaced by the saved search result first");
        List<Integer> out = new ArrayList<>();
        if (uid) {
            if (slots.isEmpty()) return out;
            for (SequenceSet.Range r : set.normalize(slots.getLast().uid)) {
                int i = find(r.first());
                for (i = i < 0 ? -(i + 1) : i; i < slots.size() && slots.get(i).uid <= r.last(); i++) out.add(i);
            }
            return out;
        }
        List<SequenceSet.Range> ranges = set.normalize(slots.size());
        if (slots.isEmpty() || ranges.isEmpty() || ranges.getLast().last() > slots.size())
            throw ImapException.bad("Invalid message sequence number");
        for (SequenceSet.Range r : ranges) for (long n = r.first(); n <= r.last(); n++) out.add((int) n - 1);
        return out;
    }

    private MessageView view(int i, DescriptionLoader loader) {
        Slot s = slots.get(i);
        return new StoredMessage(i + 1, s.uid, s.modSeq, Flags.names(s.flags, s.keywords, s.recent), s.internalDate, s.size,
                s.messageId, loader, store);
    }

    private <T> T locked(java.util.function.Supplier<T> action) {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    private interface CheckedAction<T> { T get() throws ImapException; }

    private <T> T lockedChecked(CheckedAction<T> action) throws ImapException {
        lock.lock();
        try {
            return action.get();
        } finally {
            lock.unlock();
        }
    }

    @Override public String toString() { return "SelectedMailbox[" + name + (readOnly ? ", read-only" : "") + "]"; }
}
