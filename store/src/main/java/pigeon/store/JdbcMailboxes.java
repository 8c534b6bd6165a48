package pigeon.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.SortedMap;
import java.util.HashSet;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Mailboxes and their messages in SQL. Whatever changes a mailbox's entries locks its row first
 * ({@link LockedMailbox}); events are published after the commit.
 */
final class JdbcMailboxes implements Mailboxes {
    private static final Logger log = LoggerFactory.getLogger(JdbcMailboxes.class);

    private final Jdbc jdbc;
    private final ChangeBus changes;
    private final MessageAnalyzer analyzer;

    JdbcMailboxes(Jdbc jdbc, ChangeBus changes, MessageAnalyzer analyzer) {
        this.jdbc = jdbc;
        this.changes = changes;
        this.analyzer = analyzer;
    }

    @Override public List<MailboxInfo> list(long accountId) {
        return jdbc.read("list mailboxes", c -> query(c, SELECT_MAILBOX + " WHERE account_id = ? ORDER BY CASE WHEN name = 'INBOX' THEN 0 ELSE 1 END, name", accountId));
    }

    @Override public Optional<MailboxInfo> find(long accountId, String name) {
        String n = MailboxNames.canonical(name);
        return jdbc.read("find mailbox", c -> query(c, SELECT_MAILBOX + " WHERE account_id = ? AND name = ?", accountId, n).stream().findFirst());
    }

    @Override public List<MessageEntry> entries(long mailboxId) {
        return jdbc.read("list messages", c -> {
            List<MessageEntry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(EntryRows.SELECT + " WHERE mm.mailbox_id = ? ORDER BY mm.uid")) {
                s.setLong(1, mailboxId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(EntryRows.read(r));
                }
            }
            return out;
        });
    }

    @Override public InputStream openContent(long messageId) { return ContentStream.open(jdbc, messageId, 0, Long.MAX_VALUE); }

    @Override public InputStream openContent(long messageId, long offset, long length) {
        if (offset < 0 || length < 0) throw new IllegalArgumentException("negative offset or length");
        return ContentStream.open(jdbc, messageId, offset, length);
    }

    @Override public long append(long mailboxId, InputStream message, Set<Flag> flags, Instant internalDate) throws IOException {
        return append(mailboxId, message, flags, Set.of(), internalDate);
    }

    @Override public long append(long mailboxId, InputStream message, Set<Flag> flags, Set<String> keywords, Instant internalDate)
            throws IOException {
        Set<String> kw = MailboxNames.validKeywords(keywords);
        try (Spool spool = Spool.read(message)) {
            HeaderSummary summary = HeaderSummary.of(spool);
            byte[] description = describe(spool);  // outside the transaction: it may take a while
            List<MessageEntry> added = jdbc.tx("append", c -> {
                long messageId = insertMessage(c, spool, summary, internalDate, description);
                return EntryRows.forUids(c, mailboxId, List.of(addEntry(c, mailboxId, messageId, flags, kw)));
            });
            changes.publish(new MailboxChange.MessagesAdded(mailboxId, added));
            return added.getFirst().uid();
        }
    }

    @Override public List<Long> appendAll(long mailboxId, MessageSource messages) throws IOException {
        record Staged(Spool spool, HeaderSummary summary, byte[] description, NewMessage message, Set<String> keywords) {}
        List<Staged> staged = new ArrayList<>();
        try {
            for (NewMessage m = messages.next(); m != null; m = messages.next()) {
                Set<String> kw = MailboxNames.validKeywords(m.keywords());
                Spool spool = Spool.read(m.content());
                try {
                    staged.add(new Staged(spool, HeaderSummary.of(spool), describe(spool), m, kw));
                } catch (IOException | RuntimeException e) {
                    spool.close();
                    throw e;
                }
            }
            if (staged.isEmpty()) return List.of();
            List<MessageEntry> added = jdbc.tx("append", c -> {
                List<Long> out = new ArrayList<>();
                for (Staged s : staged) {
                    long messageId = insertMessage(c, s.spool(), s.summary(), s.message().internalDate(), s.description());
                    out.add(addEntry(c, mailboxId, messageId, s.message().flags(), s.keywords()));
                }
                return EntryRows.forUids(c, mailboxId, out);
            });
            changes.publish(new MailboxChange.MessagesAdded(mailboxId, added));
            return added.stream().map(MessageEntry::uid).toList();
        } finally {
            for (Staged s : staged) s.spool().close();
        }
    }

    @Override public List<Long> expunge(long mailboxId, Collection<Long> uids) {
        return expunged(mailboxId, jdbc.tx("expunge", c -> EntryChanges.expunge(c, mailboxId, uids)));
    }

    @Override public List<Long> expungeDeleted(long mailboxId, Optional<Set<Long>> among) {
        return expunged(mailboxId, jdbc.tx("expunge", c -> EntryChanges.expungeDeleted(c, mailboxId, among)));
    }

    /** Announces committed expunges. */
    private List<Long> expunged(long mailboxId, List<Long> removed) {
        if (!removed.isEmpty()) changes.publish(new MailboxChange.MessagesExpunged(mailboxId, removed));
        return removed;
    }

    @Override public AutoCloseable subscribe(Consumer<MailboxChange> listener) { return changes.subscribe(listener); }

    @Override public MailboxInfo create(long accountId, String name, Optional<String> specialUse) {
        String n = MailboxNames.valid(name);
        Optional<String> use = MailboxNames.specialUse(specialUse);
        return jdbc.tx("create mailbox", c -> {
            Set<String> existing = names(c, accountId).keySet();
            if (existing.contains(n)) throw new IllegalArgumentException("mailbox exists: " + n);
            return query(c, SELECT_MAILBOX + " WHERE id = ?", createWithParents(c, accountId, n, use.orElse(null), existing)).get(0);
        });
    }

    @Override public void delete(long mailboxId) {
        jdbc.tx("delete mailbox", c -> {
            LockedMailbox box = LockedMailbox.lock(c, mailboxId);
            if (box.name.equals(MailboxNames.INBOX)) throw new IllegalArgumentException("INBOX cannot be deleted");
            List<Long> messageIds = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT DISTINCT message_id FROM mailbox_messages WHERE mailbox_id = ?")) {
                s.setLong(1, mailboxId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) messageIds.add(r.getLong(1));
                }
            }
            JdbcDirectory.update(c, "DELETE FROM mailboxes WHERE id = ?", mailboxId);  // entries and expunged UIDs cascade
            EntryChanges.deleteUnreferenced(c, messageIds);
            return null;
        });
        changes.publish(new MailboxChange.MailboxRemoved(mailboxId));
    }

    @Override public void rename(long mailboxId, String newName) {
        String target = MailboxNames.valid(newName);
        record InboxMoved(long newMailbox, SortedMap<Long, Long> uids, List<MessageEntry> added) {}
        Optional<InboxMoved> moved = jdbc.tx("rename mailbox", c -> {
            LockedMailbox box = LockedMailbox.lock(c, mailboxId);
            Map<String, Long> existing = names(c, box.accountId);
            if (existing.containsKey(target)) throw new IllegalArgumentException("mailbox exists: " + target);
            if (box.name.equals(MailboxNames.INBOX)) {
                // RFC 9051 §6.3.6: renaming INBOX moves its messages to a new mailbox and leaves INBOX
                // empty; INBOX's children stay where they are.
                long created = createWithParents(c, box.accountId, target, null, existing.keySet());
                List<Long> all = new ArrayList<>();
                try (PreparedStatement s = c.prepareStatement("SELECT uid FROM mailbox_messages WHERE mailbox_id = ?")) {
                    s.setLong(1, mailboxId);
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) all.add(r.getLong(1));
                    }
                }
                SortedMap<Long, Long> map = EntryChanges.transfer(c, mailboxId, all, created, true);
                return Optional.of(new InboxMoved(created, map, EntryRows.forUids(c, created, map.values())));
            }
            if (MailboxNames.isWithin(target, box.name)) throw new IllegalArgumentException("cannot rename " + box.name + " under itself");
            renameTree(c, box.name, target, existing);
            renameSubscriptions(c, box.accountId, box.name, target);
            createParents(c, box.accountId, target, names(c, box.accountId).keySet());
            return Optional.empty();
        });
        moved.ifPresent(m -> {
            if (m.uids().isEmpty()) return;
            changes.publish(new MailboxChange.MessagesAdded(m.newMailbox(), m.added()));
            changes.publish(new MailboxChange.MessagesExpunged(mailboxId, List.copyOf(m.uids().keySet())));
        });
    }

    /** "a" → "b" renames "a/x" → "b/x" too; a mailbox keeps its id, UIDVALIDITY and subscription. */
    private static void renameTree(Connection c, String from, String to, Map<String, Long> existing) throws SQLException {
        Map<Long, String> renamed = new HashMap<>();
        existing.forEach((name, id) -> { if (MailboxNames.isWithin(name, from)) renamed.put(id, to + name.substring(from.length())); });
        for (String name : renamed.values()) {
            if (name.length() > MailboxNames.MAX_LENGTH) throw new IllegalArgumentException("mailbox name too long: " + name);
            Long other = existing.get(name);
            if (other != null && !renamed.containsKey(other)) throw new IllegalArgumentException("mailbox exists: " + name);
        }
        // In two steps, so that no name is ever held by two rows at once (renaming "a/b" to "a"
        // makes "a/b/b" into "a/b"); a control character never occurs in a real name.
        for (long id : renamed.keySet()) JdbcDirectory.update(c, "UPDATE mailboxes SET name = ? WHERE id = ?", "\u0001" + id, id);
        for (var e : renamed.entrySet()) JdbcDirectory.update(c, "UPDATE mailboxes SET name = ? WHERE id = ?", e.getValue(), e.getKey());
    }

    @Override public void setSubscribed(long accountId, String name, boolean subscribed) {
        String n = MailboxNames.valid(name);
        jdbc.tx("subscribe", c -> {
            JdbcDirectory.update(c, "DELETE FROM subscriptions WHERE account_id = ? AND name = ?", accountId, n);
            if (subscribed) JdbcDirectory.update(c, "INSERT INTO subscriptions (account_id, name) VALUES (?, ?)", accountId, n);
            return null;
        });
    }

    @Override public List<String> subscriptions(long accountId) {
        return jdbc.read("subscriptions", c -> subscriptions(c, accountId));
    }

    private static List<String> subscriptions(Connection c, long accountId) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name FROM subscriptions WHERE account_id = ? ORDER BY name")) {
            s.setLong(1, accountId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(r.getString(1));
            }
        }
        return out;
    }

    /** Subscriptions of "from" and the names under it move to "to" (a rename keeps them, as the mailboxes keep theirs). */
    private static void renameSubscriptions(Connection c, long accountId, String from, String to) throws SQLException {
        for (String name : subscriptions(c, accountId)) {
            if (!MailboxNames.isWithin(name, from)) continue;
            String renamed = to + name.substring(from.length());
            JdbcDirectory.update(c, "DELETE FROM subscriptions WHERE account_id = ? AND name IN (?, ?)", accountId, name, renamed);
            JdbcDirectory.update(c, "INSERT INTO subscriptions (account_id, name) VALUES (?, ?)", accountId, renamed);
        }
    }

    @Override public FlagUpdate setFlags(long mailboxId, Collection<Long> uids, FlagMode mode, Set<Flag> flags, Set<String> keywords,
                                         OptionalLong unchangedSince) {
        Set<String> kw = MailboxNames.validKeywords(keywords);
        EntryChanges.FlagResult result = jdbc.tx("store flags",
                c -> EntryChanges.setFlags(c, mailboxId, uids, mode, flags, kw, unchangedSince));
        if (!result.changed().isEmpty()) {
            Set<Long> changed = new HashSet<>(result.changed());
            changes.publish(new MailboxChange.FlagsChanged(mailboxId, result.entries().stream().filter(e -> changed.contains(e.uid())).toList()));
        }
        return new FlagUpdate(result.entries(), result.failed());
    }

    @Override public SortedMap<Long, Long> copy(long fromMailbox, Collection<Long> uids, long toMailbox) {
        Transferred t = jdbc.tx("copy", c -> transfer(c, fromMailbox, uids, toMailbox, false));
        if (!t.map().isEmpty()) changes.publish(new MailboxChange.MessagesAdded(toMailbox, t.added()));
        return t.map();
    }

    @Override public SortedMap<Long, Long> move(long fromMailbox, Collection<Long> uids, long toMailbox) {
        Transferred t = jdbc.tx("move", c -> transfer(c, fromMailbox, uids, toMailbox, true));
        if (!t.map().isEmpty()) {
            changes.publish(new MailboxChange.MessagesAdded(toMailbox, t.added()));
            changes.publish(new MailboxChange.MessagesExpunged(fromMailbox, List.copyOf(t.map().keySet())));
        }
        return t.map();
    }

    /** COPY or MOVE's source UID → new UID, and the new entries as committed (for the change event). */
    private record Transferred(SortedMap<Long, Long> map, List<MessageEntry> added) {}

    private static Transferred transfer(Connection c, long fromMailbox, Collection<Long> uids, long toMailbox, boolean move)
            throws SQLException {
        SortedMap<Long, Long> map = EntryChanges.transfer(c, fromMailbox, uids, toMailbox, move);
        return new Transferred(map, map.isEmpty() ? List.of() : EntryRows.forUids(c, toMailbox, map.values()));
    }

    @Override public List<Long> expungedSince(long mailboxId, long modSeq) {
        return jdbc.read("expunged UIDs", c -> {
            List<Long> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT uid FROM expunged_uids WHERE mailbox_id = ? AND modseq > ? ORDER BY uid")) {
                s.setLong(1, mailboxId);
                s.setLong(2, modSeq);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(r.getLong(1));
                }
            }
            return out;
        });
    }

    @Override public Map<Long, byte[]> descriptions(Collection<Long> messageIds) {
        return jdbc.read("message descriptions", c -> {
            Map<Long, byte[]> out = new HashMap<>();
            EntryRows.chunks(new TreeSet<>(messageIds), (marks, ids) -> {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, description FROM messages WHERE description IS NOT NULL AND id IN (" + marks + ")")) {
                    for (int i = 0; i < ids.size(); i++) s.setLong(i + 1, ids.get(i));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) out.put(r.getLong(1), r.getBytes(2));
                    }
                }
            });
            return out;
        });
    }

    @Override public Map<Long, MessageSummary> summaries(Collection<Long> messageIds) {
        return jdbc.read("message summaries", c -> {
            Map<Long, MessageSummary> out = new HashMap<>();
            EntryRows.chunks(new TreeSet<>(messageIds), (marks, ids) -> {
                try (PreparedStatement s = c.prepareStatement(
                        "SELECT id, subject, from_addr, to_addr, cc_addr, sent_date FROM messages WHERE id IN (" + marks + ")")) {
                    for (int i = 0; i < ids.size(); i++) s.setLong(i + 1, ids.get(i));
                    try (ResultSet r = s.executeQuery()) {
                        while (r.next()) {
                            java.time.OffsetDateTime sent = r.getObject(6, java.time.OffsetDateTime.class);
                            out.put(r.getLong(1), new MessageSummary(r.getString(2), r.getString(3), r.getString(4), r.getString(5),
                                    Optional.ofNullable(sent).map(java.time.OffsetDateTime::toInstant)));
                        }
                    }
                }
            });
            return out;
        });
    }

    @Override public List<MessageEntry> entries(long mailboxId, Collection<Long> uids) {
        return jdbc.read("messages by UID", c -> EntryRows.forUids(c, mailboxId, uids));
    }

    @Override public Map<Long, Counts> counts(long accountId) {
        return jdbc.read("mailbox counts", c -> {
            Map<Long, Counts> out = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT b.id, COUNT(mm.uid), COALESCE(SUM(CASE WHEN mm.seen = FALSE THEN 1 ELSE 0 END), 0)
                    FROM mailboxes b LEFT JOIN mailbox_messages mm ON mm.mailbox_id = b.id
                    WHERE b.account_id = ? GROUP BY b.id""")) {
                s.setLong(1, accountId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.put(r.getLong(1), new Counts(r.getInt(2), r.getInt(3)));
                }
            }
            return out;
        });
    }

    /** A message gone meanwhile is no error: the description was only ever a cache of its content. */
    @Override public void setDescription(long messageId, byte[] description) {
        byte[] d = description == null || description.length == 0 ? null : description;
        jdbc.cacheTx("set description", c -> {
            try (PreparedStatement s = c.prepareStatement("UPDATE messages SET description = ? WHERE id = ?")) {
                s.setBytes(1, d);
                s.setLong(2, messageId);
                return s.executeUpdate();
            }
        });
    }

    /** The analyzer's description of a spooled message; null when it has none or fails (readers make it later). */
    byte[] describe(Spool spool) {
        try (InputStream in = spool.open()) {
            byte[] d = analyzer.describe(in);
            return d == null || d.length == 0 ? null : d;
        } catch (IOException | RuntimeException | StackOverflowError e) {
            log.warn("message analyzer failed; the message is stored without a description", e);
            return null;
        }
    }

    // --- within a caller's transaction ---

    /** Creates one mailbox (its parent need not exist); returns its id. */
    long create(Connection c, long accountId, String name, String specialUse) throws SQLException {
        // RFC 9051 §2.3.1.1: must grow if a mailbox of the same name is ever recreated; the
        // counter survives the deletion of the mailbox that had the highest value.
        JdbcDirectory.update(c, "UPDATE uid_validity_counter SET highest = GREATEST(highest + 1, ?)", Instant.now().getEpochSecond());
        long validity;
        try (PreparedStatement s = c.prepareStatement("SELECT highest FROM uid_validity_counter"); ResultSet r = s.executeQuery()) {
            r.next();
            validity = r.getLong(1);
        }
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO mailboxes (account_id, name, special_use, uid_validity) VALUES (?, ?, ?, ?)", new String[] {"id"})) {
            s.setLong(1, accountId);
            s.setString(2, name);
            s.setString(3, specialUse);
            s.setLong(4, validity);
            s.executeUpdate();
            try (ResultSet k = s.getGeneratedKeys()) { k.next(); return k.getLong(1); }
        }
    }

    /** RFC 9051 §6.3.4: creating "a/b/c" creates "a" and "a/b" too when they are missing. */
    private long createWithParents(Connection c, long accountId, String name, String specialUse, Set<String> existing) throws SQLException {
        createParents(c, accountId, name, existing);
        return create(c, accountId, name, specialUse);
    }

    private void createParents(Connection c, long accountId, String name, Set<String> existing) throws SQLException {
        for (String parent : MailboxNames.parents(name)) if (!existing.contains(parent)) create(c, accountId, parent, null);
    }

    /** The account's mailboxes by name. */
    private static Map<String, Long> names(Connection c, long accountId) throws SQLException {
        Map<String, Long> out = new HashMap<>();
        try (PreparedStatement s = c.prepareStatement("SELECT name, id FROM mailboxes WHERE account_id = ?")) {
            s.setLong(1, accountId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.put(r.getString(1), r.getLong(2));
            }
        }
        return out;
    }

    long insertMessage(Connection c, Spool spool, HeaderSummary h, Instant internalDate, byte[] description) throws SQLException {
        return insertMessage(c, spool, h, internalDate.atOffset(ZoneOffset.UTC), description);
    }

    long insertMessage(Connection c, Spool spool, HeaderSummary h, OffsetDateTime internalDate, byte[] description) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO messages (size, header_size, internal_date, sent_date, subject, from_addr, to_addr, cc_addr, message_id, description, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"})) {
            s.setLong(1, spool.size());
            s.setLong(2, h.headerSize());
            s.setObject(3, internalDate);
            s.setObject(4, h.sentDate().map(d -> d.atOffset(ZoneOffset.UTC)).orElse(null));
            s.setString(5, h.subject());
            s.setString(6, h.from());
            s.setString(7, h.to());
            s.setString(8, h.cc());
            s.setString(9, h.messageId());
            s.setBytes(10, description);
            try (InputStream content = spool.open()) {
                s.setBinaryStream(11, content, spool.size());
                s.executeUpdate();
            } catch (IOException e) {
                throw new SQLException("reading the spooled message failed", e);
            }
            try (ResultSet k = s.getGeneratedKeys()) { k.next(); return k.getLong(1); }
        }
    }

    /** Gives the message the mailbox's next UID and a new MODSEQ; returns the UID. */
    long addEntry(Connection c, long mailboxId, long messageId, Set<Flag> flags, Set<String> keywords) throws SQLException {
        // The UPDATE locks the mailbox row until the commit, as LockedMailbox does.
        if (JdbcDirectory.update(c, "UPDATE mailboxes SET uid_next = uid_next + 1, highest_modseq = highest_modseq + 1 WHERE id = ?", mailboxId) == 0)
            throw new IllegalArgumentException("no mailbox " + mailboxId);
        long uid, modseq;
        try (PreparedStatement s = c.prepareStatement("SELECT uid_next - 1, highest_modseq FROM mailboxes WHERE id = ?")) {
            s.setLong(1, mailboxId);
            try (ResultSet r = s.executeQuery()) { r.next(); uid = r.getLong(1); modseq = r.getLong(2); }
        }
        Object[] f = EntryRows.flagValues(flags);
        JdbcDirectory.update(c, """
                INSERT INTO mailbox_messages (mailbox_id, uid, message_id, modseq, seen, answered, flagged, deleted, draft, keywords, size, internal_date)
                SELECT ?, ?, id, ?, ?, ?, ?, ?, ?, ?, size, internal_date FROM messages WHERE id = ?""",
                mailboxId, uid, modseq, f[0], f[1], f[2], f[3], f[4], EntryRows.keywords(keywords), messageId);
        return uid;
    }

    /** Messages are shared; the last mailbox or queue entry to let go of one deletes it (all of them: a full scan). */
    static void deleteUnreferencedMessages(Connection c) throws SQLException {
        JdbcDirectory.update(c, """
                DELETE FROM messages WHERE NOT EXISTS (SELECT 1 FROM mailbox_messages mm WHERE mm.message_id = messages.id)
                AND NOT EXISTS (SELECT 1 FROM outbound_queue q WHERE q.message_id = messages.id)""");
    }

    private static final String SELECT_MAILBOX =
            "SELECT id, account_id, name, special_use, EXISTS (SELECT 1 FROM subscriptions s WHERE s.account_id = mailboxes.account_id"
            + " AND s.name = mailboxes.name), uid_validity, uid_next, highest_modseq FROM mailboxes";

    private static List<MailboxInfo> query(Connection c, String sql, Object... args) throws SQLException {
        List<MailboxInfo> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(new MailboxInfo(r.getLong(1), r.getLong(2), r.getString(3), Optional.ofNullable(r.getString(4)),
                        r.getBoolean(5), r.getLong(6), r.getLong(7), r.getLong(8)));
            }
        }
        return out;
    }
}
