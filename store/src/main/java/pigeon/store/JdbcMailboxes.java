package pigeon.store;

import java.io.FilterInputStream;
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
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;

/** Mailboxes and their messages in SQL. */
final class JdbcMailboxes implements Mailboxes {
    private final Jdbc jdbc;
    private final ChangeBus changes;

    JdbcMailboxes(Jdbc jdbc, ChangeBus changes) {
        this.jdbc = jdbc;
        this.changes = changes;
    }

    @Override public List<MailboxInfo> list(long accountId) {
        return jdbc.read("list mailboxes", c -> query(c, SELECT_MAILBOX + " WHERE account_id = ? ORDER BY CASE WHEN name = 'INBOX' THEN 0 ELSE 1 END, name", accountId));
    }

    @Override public Optional<MailboxInfo> find(long accountId, String name) {
        String n = name.equalsIgnoreCase("INBOX") ? "INBOX" : name;
        return jdbc.read("find mailbox", c -> query(c, SELECT_MAILBOX + " WHERE account_id = ? AND name = ?", accountId, n).stream().findFirst());
    }

    @Override public List<MessageEntry> entries(long mailboxId) {
        return jdbc.read("list messages", c -> {
            List<MessageEntry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT mm.uid, mm.message_id, m.size, m.internal_date, mm.modseq,
                           mm.seen, mm.answered, mm.flagged, mm.deleted, mm.draft, mm.keywords
                    FROM mailbox_messages mm JOIN messages m ON m.id = mm.message_id
                    WHERE mm.mailbox_id = ? ORDER BY mm.uid""")) {
                s.setLong(1, mailboxId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        Set<Flag> flags = EnumSet.noneOf(Flag.class);
                        Flag[] order = {Flag.SEEN, Flag.ANSWERED, Flag.FLAGGED, Flag.DELETED, Flag.DRAFT};
                        for (int i = 0; i < order.length; i++) if (r.getBoolean(6 + i)) flags.add(order[i]);
                        String kw = r.getString(11);
                        Set<String> keywords = kw.isEmpty() ? Set.of() : new TreeSet<>(Arrays.asList(kw.split(" ")));
                        out.add(new MessageEntry(r.getLong(1), r.getLong(2), r.getLong(3),
                                r.getObject(4, OffsetDateTime.class).toInstant(), r.getLong(5), flags, keywords));
                    }
                }
            }
            return out;
        });
    }

    @Override public InputStream openContent(long messageId) {
        Connection c = null;
        try {
            c = jdbc.open();
            PreparedStatement s = c.prepareStatement("SELECT content FROM messages WHERE id = ?");
            s.setLong(1, messageId);
            ResultSet r = s.executeQuery();
            if (!r.next()) throw new StoreException("no message " + messageId, null);
            Connection held = c;
            // The stream reads from the open result; closing it gives the connection back.
            return new FilterInputStream(r.getBinaryStream(1)) {
                @Override public void close() throws IOException {
                    try { super.close(); } finally { closeQuietly(held); }
                }
            };
        } catch (SQLException e) {
            closeQuietly(c);
            throw new StoreException("read message " + messageId + " failed", e);
        }
    }

    @Override public long append(long mailboxId, InputStream message, Set<Flag> flags, Instant internalDate) throws IOException {
        try (Spool spool = Spool.read(message)) {
            HeaderSummary summary = HeaderSummary.of(spool);
            long uid = jdbc.tx("append", c -> {
                long messageId = insertMessage(c, spool, summary, internalDate);
                return addEntry(c, mailboxId, messageId, flags);
            });
            changes.publish(new MailboxChange.MessagesAdded(mailboxId, List.of(uid)));
            return uid;
        }
    }

    @Override public List<Long> expunge(long mailboxId, Collection<Long> uids) {
        List<Long> removed = jdbc.tx("expunge", c -> {
            List<Long> done = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("DELETE FROM mailbox_messages WHERE mailbox_id = ? AND uid = ?")) {
                for (long uid : new TreeSet<>(uids)) {
                    s.setLong(1, mailboxId);
                    s.setLong(2, uid);
                    if (s.executeUpdate() > 0) done.add(uid);
                }
            }
            if (!done.isEmpty()) {
                JdbcDirectory.update(c, "UPDATE mailboxes SET highest_modseq = highest_modseq + 1 WHERE id = ?", mailboxId);
                deleteUnreferencedMessages(c);
            }
            return done;
        });
        if (!removed.isEmpty()) changes.publish(new MailboxChange.MessagesExpunged(mailboxId, removed));
        return removed;
    }

    @Override public AutoCloseable subscribe(Consumer<MailboxChange> listener) { return changes.subscribe(listener); }

    // TODO(imap-store): placeholders so that the interface can be compiled against; each is replaced
    // by its real implementation in the IMAP store work before anything calls it.
    private static UnsupportedOperationException notYet() { return new UnsupportedOperationException("not implemented yet"); }
    @Override public MailboxInfo create(long accountId, String name, Optional<String> specialUse) { throw notYet(); }
    @Override public void delete(long mailboxId) { throw notYet(); }
    @Override public void rename(long mailboxId, String newName) { throw notYet(); }
    @Override public void setSubscribed(long mailboxId, boolean subscribed) { throw notYet(); }
    @Override public long append(long mailboxId, InputStream message, Set<Flag> flags, Set<String> keywords, Instant internalDate) { throw notYet(); }
    @Override public FlagUpdate setFlags(long mailboxId, Collection<Long> uids, FlagMode mode, Set<Flag> flags, Set<String> keywords, java.util.OptionalLong unchangedSince) { throw notYet(); }
    @Override public java.util.SortedMap<Long, Long> copy(long fromMailbox, Collection<Long> uids, long toMailbox) { throw notYet(); }
    @Override public java.util.SortedMap<Long, Long> move(long fromMailbox, Collection<Long> uids, long toMailbox) { throw notYet(); }
    @Override public List<Long> expungedSince(long mailboxId, long modSeq) { throw notYet(); }
    @Override public InputStream openContent(long messageId, long offset, long length) { throw notYet(); }
    @Override public java.util.Map<Long, byte[]> descriptions(Collection<Long> messageIds) { throw notYet(); }
    @Override public void setDescription(long messageId, byte[] description) { throw notYet(); }

    // --- within a caller's transaction ---

    void create(Connection c, long accountId, String name, String specialUse) throws SQLException {
        long validity;  // RFC 9051 §2.3.1.1: must grow if a mailbox of the same name is ever recreated
        try (PreparedStatement s = c.prepareStatement("SELECT COALESCE(MAX(uid_validity), 0) + 1 FROM mailboxes"); ResultSet r = s.executeQuery()) {
            r.next();
            validity = Math.max(r.getLong(1), Instant.now().getEpochSecond());
        }
        JdbcDirectory.update(c, "INSERT INTO mailboxes (account_id, name, special_use, uid_validity) VALUES (?, ?, ?, ?)",
                accountId, name, specialUse, validity);
    }

    long insertMessage(Connection c, Spool spool, HeaderSummary h, Instant internalDate) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("""
                INSERT INTO messages (size, header_size, internal_date, sent_date, subject, from_addr, to_addr, cc_addr, message_id, content)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", new String[] {"id"})) {
            s.setLong(1, spool.size());
            s.setLong(2, h.headerSize());
            s.setObject(3, internalDate.atOffset(ZoneOffset.UTC));
            s.setObject(4, h.sentDate().map(d -> d.atOffset(ZoneOffset.UTC)).orElse(null));
            s.setString(5, h.subject());
            s.setString(6, h.from());
            s.setString(7, h.to());
            s.setString(8, h.cc());
            s.setString(9, h.messageId());
            try (InputStream content = spool.open()) {
                s.setBinaryStream(10, content, spool.size());
                s.executeUpdate();
            } catch (IOException e) {
                throw new SQLException("reading the spooled message failed", e);
            }
            try (ResultSet k = s.getGeneratedKeys()) { k.next(); return k.getLong(1); }
        }
    }

    /** Gives the message the mailbox's next UID and a new MODSEQ; returns the UID. */
    long addEntry(Connection c, long mailboxId, long messageId, Set<Flag> flags) throws SQLException {
        if (JdbcDirectory.update(c, "UPDATE mailboxes SET uid_next = uid_next + 1, highest_modseq = highest_modseq + 1 WHERE id = ?", mailboxId) == 0)
            throw new SQLException("no mailbox " + mailboxId);
        long uid, modseq;
        try (PreparedStatement s = c.prepareStatement("SELECT uid_next - 1, highest_modseq FROM mailboxes WHERE id = ?")) {
            s.setLong(1, mailboxId);
            try (ResultSet r = s.executeQuery()) { r.next(); uid = r.getLong(1); modseq = r.getLong(2); }
        }
        JdbcDirectory.update(c, "INSERT INTO mailbox_messages (mailbox_id, uid, message_id, modseq, seen, answered, flagged, deleted, draft) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                mailboxId, uid, messageId, modseq, flags.contains(Flag.SEEN), flags.contains(Flag.ANSWERED),
                flags.contains(Flag.FLAGGED), flags.contains(Flag.DELETED), flags.contains(Flag.DRAFT));
        return uid;
    }

    /** Messages are shared; the last mailbox or queue entry to let go of one deletes it. */
    static void deleteUnreferencedMessages(Connection c) throws SQLException {
        JdbcDirectory.update(c, """
                DELETE FROM messages WHERE NOT EXISTS (SELECT 1 FROM mailbox_messages mm WHERE mm.message_id = messages.id)
                AND NOT EXISTS (SELECT 1 FROM outbound_queue q WHERE q.message_id = messages.id)""");
    }

    private static final String SELECT_MAILBOX =
            "SELECT id, account_id, name, special_use, subscribed, uid_validity, uid_next, highest_modseq FROM mailboxes";

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

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try { c.close(); } catch (SQLException ignored) { /* returning to the pool anyway */ }
    }
}
