package pigeon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/** Changes to mailbox entries, each within the caller's transaction and with its mailboxes locked. */
final class EntryChanges {
    private EntryChanges() {}

    /** What {@link #setFlags} did: the state of every requested entry, which changed, which were refused. */
    record FlagResult(List<MessageEntry> entries, List<Long> changed, List<Long> failed) {}

    /**
     * STORE (RFC 9051 §6.4.6) with CONDSTORE's UNCHANGEDSINCE (RFC 7162 §3.1.3): an entry whose
     * MODSEQ is above it is left alone and reported as failed. Entries whose flags really change all
     * get one new MODSEQ; the others keep theirs, as nothing about them changed.
     */
    static FlagResult setFlags(Connection c, long mailboxId, Collection<Long> uids, Mailboxes.FlagMode mode, Set<Flag> flags,
                               Set<String> keywords, OptionalLong unchangedSince) throws SQLException {
        LockedMailbox box = LockedMailbox.lock(c, mailboxId);
        List<MessageEntry> out = new ArrayList<>();
        List<Long> changed = new ArrayList<>(), failed = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("""
                UPDATE mailbox_messages SET seen = ?, answered = ?, flagged = ?, deleted = ?, draft = ?, keywords = ?, modseq = ?
                WHERE mailbox_id = ? AND uid = ?""")) {
            for (MessageEntry e : EntryRows.forUids(c, mailboxId, uids)) {
                if (unchangedSince.isPresent() && e.modSeq() > unchangedSince.getAsLong()) {
                    failed.add(e.uid());
                    out.add(e);
                    continue;
                }
                Set<Flag> newFlags = apply(mode, e.flags(), flags, EnumSet.noneOf(Flag.class));
                Set<String> newKeywords = apply(mode, e.keywords(), keywords, new TreeSet<>());
                if (newFlags.equals(e.flags()) && newKeywords.equals(e.keywords())) {
                    out.add(e);
                    continue;
                }
                String stored = EntryRows.keywords(newKeywords);
                if (stored.length() > MailboxNames.MAX_KEYWORDS_LENGTH) throw new IllegalArgumentException("too many keywords");
                long modSeq = box.modSeq();
                Object[] values = EntryRows.flagValues(newFlags);
                for (int i = 0; i < values.length; i++) s.setBoolean(i + 1, (Boolean) values[i]);
                s.setString(6, stored);
                s.setLong(7, modSeq);
                s.setLong(8, mailboxId);
                s.setLong(9, e.uid());
                s.addBatch();
                changed.add(e.uid());
                out.add(new MessageEntry(e.uid(), e.messageId(), e.size(), e.internalDate(), modSeq,
                        Collections.unmodifiableSet(newFlags), EntryRows.keywords(stored)));
            }
            if (!changed.isEmpty()) s.executeBatch();
        }
        box.save(c);
        return new FlagResult(out, changed, failed);
    }

    private static <T> Set<T> apply(Mailboxes.FlagMode mode, Set<T> old, Set<T> given, Set<T> into) {
        switch (mode) {
            case ADD -> { into.addAll(old); into.addAll(given); }
            case REMOVE -> { into.addAll(old); into.removeAll(given); }
            case REPLACE -> into.addAll(given);
        }
        return into;
    }

    /**
     * COPY, or MOVE when {@code move} (RFC 6851 §3.3: as if copied, then expunged from the source,
     * atomically): the copies get new UIDs in source-UID order (RFC 4315 COPYUID) and one new MODSEQ,
     * and share the stored message. Returns source UID → new UID.
     *
     * @throws IllegalArgumentException if the mailboxes belong to different accounts
     */
    static SortedMap<Long, Long> transfer(Connection c, long fromMailbox, Collection<Long> uids, long toMailbox, boolean move)
            throws SQLException {
        LockedMailbox[] pair = LockedMailbox.lockPair(c, fromMailbox, toMailbox);
        LockedMailbox from = pair[0], to = pair[1];
        if (from.accountId != to.accountId)
            throw new IllegalArgumentException("mailboxes " + fromMailbox + " and " + toMailbox + " belong to different accounts");
        List<MessageEntry> entries = EntryRows.forUids(c, fromMailbox, uids);
        SortedMap<Long, Long> map = new TreeMap<>();
        if (entries.isEmpty()) return map;
        long modSeq = to.modSeq();
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO mailbox_messages (mailbox_id, uid, message_id, modseq, seen, answered, flagged, deleted, draft, keywords, size, internal_date)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            for (MessageEntry e : entries) {
                long uid = to.nextUid();
                map.put(e.uid(), uid);
                s.setLong(1, toMailbox);
                s.setLong(2, uid);
                s.setLong(3, e.messageId());
                s.setLong(4, modSeq);
                Object[] values = EntryRows.flagValues(e.flags());
                for (int i = 0; i < values.length; i++) s.setBoolean(i + 5, (Boolean) values[i]);
                s.setString(10, EntryRows.keywords(e.keywords()));
                s.setLong(11, e.size());
                s.setObject(12, e.internalDate());
                s.addBatch();
            }
            s.executeBatch();
        }
        if (move) remove(c, from, List.copyOf(map.keySet()));
        to.save(c);
        from.save(c);
        return map;
    }

    /**
     * Removes the entries of these UIDs that exist, records them as expunged at the mailbox's new
     * MODSEQ (for QRESYNC), and deletes messages nothing refers to any more. Returns the UIDs removed:
     * none from a mailbox deleted meanwhile.
     */
    static List<Long> expunge(Connection c, long mailboxId, Collection<Long> uids) throws SQLException {
        Optional<LockedMailbox> locked = LockedMailbox.lockIfPresent(c, mailboxId);
        if (locked.isEmpty()) return List.of();
        LockedMailbox box = locked.get();
        List<MessageEntry> present = EntryRows.forUids(c, mailboxId, uids);
        return removeAll(c, box, present.stream().map(MessageEntry::uid).toList(), present.stream().map(MessageEntry::messageId).toList());
    }

    /** {@link Mailboxes#expungeDeleted}: the \Deleted ones are read under the mailbox's lock, so none can lose the flag first. */
    static List<Long> expungeDeleted(Connection c, long mailboxId, Optional<Set<Long>> among) throws SQLException {
        Optional<LockedMailbox> locked = LockedMailbox.lockIfPresent(c, mailboxId);
        if (locked.isEmpty()) return List.of();
        List<Long> removed = new ArrayList<>(), messageIds = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(
                "SELECT uid, message_id FROM mailbox_messages WHERE mailbox_id = ? AND deleted = TRUE ORDER BY uid")) {
            s.setLong(1, mailboxId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    long uid = r.getLong(1);
                    if (among.isPresent() && !among.get().contains(uid)) continue;
                    removed.add(uid);
                    messageIds.add(r.getLong(2));
                }
            }
        }
        return removeAll(c, locked.get(), removed, messageIds);
    }

    /** Removes these entries (of these messages), saves the mailbox and lets go of messages nothing holds; returns the UIDs. */
    private static List<Long> removeAll(Connection c, LockedMailbox box, List<Long> uids, List<Long> messageIds) throws SQLException {
        if (uids.isEmpty()) return uids;
        remove(c, box, uids);
        box.save(c);
        deleteUnreferenced(c, messageIds);
        return uids;
    }

    /** Deletes existing entries and records their UIDs as expunged; the caller saves the mailbox. */
    private static void remove(Connection c, LockedMailbox box, List<Long> uids) throws SQLException {
        long modSeq = box.modSeq();
        try (PreparedStatement del = c.prepareStatement("DELETE FROM mailbox_messages WHERE mailbox_id = ? AND uid = ?");
             PreparedStatement rec = c.prepareStatement("INSERT INTO expunged_uids (mailbox_id, uid, modseq) VALUES (?, ?, ?)")) {
            for (long uid : uids) {
                del.setLong(1, box.id);
                del.setLong(2, uid);
                del.addBatch();
                rec.setLong(1, box.id);
                rec.setLong(2, uid);
                rec.setLong(3, modSeq);
                rec.addBatch();
            }
            del.executeBatch();
            rec.executeBatch();
        }
    }

    /** Messages are shared; the last mailbox or queue entry to let go of one deletes it. */
    static void deleteUnreferenced(Connection c, Collection<Long> messageIds) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                DELETE FROM messages WHERE id = ?
                AND NOT EXISTS (SELECT 1 FROM mailbox_messages mm WHERE mm.message_id = messages.id)
                AND NOT EXISTS (SELECT 1 FROM outbound_queue q WHERE q.message_id = messages.id)""")) {
            for (long id : new TreeSet<>(messageIds)) {
                s.setLong(1, id);
                s.addBatch();
            }
            if (!messageIds.isEmpty()) s.executeBatch();
        }
    }
}
