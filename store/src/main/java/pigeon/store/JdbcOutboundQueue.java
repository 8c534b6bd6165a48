package pigeon.store;

import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.protocol.delivery.MailAddress;
import pigeon.protocol.queue.OutboundQueue;
import pigeon.protocol.queue.QueueEntry;

/**
 * The outbound queue in SQL: one {@code outbound_queue} row per message and recipient domain, its
 * remaining recipients in {@code outbound_recipients}. A claim is a lease: {@code next_attempt_at}
 * moves to the end of the lease in the claiming transaction, so the entry is not due for anyone
 * else, and comes back by itself if its worker dies.
 */
final class JdbcOutboundQueue implements OutboundQueue {
    private static final Logger log = LoggerFactory.getLogger(JdbcOutboundQueue.class);

    /** The size of {@code outbound_queue.last_reply}. */
    static final int MAX_LAST_REPLY = 1000;

    private static final String SELECT_ENTRY =
            "SELECT id, message_id, sender, domain, attempts, created_at, next_attempt_at, last_reply FROM outbound_queue";

    private final Jdbc jdbc;
    private final JdbcMailboxes mailboxes;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    JdbcOutboundQueue(Jdbc jdbc, JdbcMailboxes mailboxes) {
        this.jdbc = jdbc;
        this.mailboxes = mailboxes;
    }

    @Override public List<QueueEntry> claimDue(Instant now, Duration lease, int max) {
        if (lease.isNegative() || lease.isZero()) throw new IllegalArgumentException("lease must be positive");
        if (max <= 0) return List.of();
        OffsetDateTime at = time(now), until = time(now.plus(lease));
        return jdbc.tx("claim queue entries", c -> {
            List<QueueEntry> claimed = new ArrayList<>();
            Set<Long> tried = new HashSet<>();
            try (PreparedStatement due = c.prepareStatement(
                         "SELECT id FROM outbound_queue WHERE next_attempt_at <= ? ORDER BY created_at, id FETCH FIRST ? ROWS ONLY");
                 PreparedStatement take = c.prepareStatement(
                         "UPDATE outbound_queue SET next_attempt_at = ? WHERE id = ? AND next_attempt_at <= ?")) {
                while (claimed.size() < max) {
                    List<Long> candidates = new ArrayList<>();
                    due.setObject(1, at);
                    due.setInt(2, max - claimed.size() + tried.size());
                    try (ResultSet r = due.executeQuery()) {
                        while (r.next()) if (tried.add(r.getLong(1))) candidates.add(r.getLong(1));
                    }
                    if (candidates.isEmpty()) break;
                    for (long id : candidates) {
                        if (claimed.size() == max) break;
                        // The condition is checked again on the row as it is once its lock is ours
                        // (H2 and PostgreSQL both re-evaluate it after waiting for a concurrent
                        // claimer): an entry another worker leased meanwhile is no longer due and
                        // updates nothing, so no two workers ever hold one entry.
                        take.setObject(1, until);
                        take.setLong(2, id);
                        take.setObject(3, at);
                        if (take.executeUpdate() == 1) claimed.add(entry(c, id).orElseThrow());
                    }
                }
            }
            return claimed;
        });
    }

    @Override public InputStream openMessage(long messageId) { return mailboxes.openContent(messageId); }

    @Override public void recordAttempt(long entryId, Collection<MailAddress> finished, Instant retryAt, String lastReply) {
        String reply = lastReply == null || lastReply.length() <= MAX_LAST_REPLY ? lastReply : lastReply.substring(0, MAX_LAST_REPLY);
        OffsetDateTime retry = time(retryAt);
        boolean present = jdbc.tx("record delivery attempt", c -> {
            try (PreparedStatement s = c.prepareStatement("DELETE FROM outbound_recipients WHERE queue_id = ? AND recipient = ?")) {
                for (String rcpt : new TreeSet<>(finished.stream().map(MailAddress::toString).toList())) {
                    s.setLong(1, entryId);
                    s.setString(2, rcpt);
                    s.executeUpdate();
                }
            }
            long remaining;
            try (PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM outbound_recipients WHERE queue_id = ?")) {
                s.setLong(1, entryId);
                try (ResultSet r = s.executeQuery()) { r.next(); remaining = r.getLong(1); }
            }
            if (remaining == 0) return deleteEntry(c, entryId);
            return JdbcDirectory.update(c, "UPDATE outbound_queue SET attempts = attempts + 1, next_attempt_at = ?, last_reply = ? WHERE id = ?",
                    retry, reply, entryId) > 0;
        });
        // An administrator may delete an entry while the relay works on it: nothing left to record.
        if (!present) log.info("queue entry {} was removed during its delivery attempt", entryId);
    }

    @Override public List<QueueEntry> list() {
        return jdbc.read("list queue", c -> {
            List<QueueEntry> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(SELECT_ENTRY + " ORDER BY created_at, id"); ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(row(c, r));
            }
            return out;
        });
    }

    @Override public Optional<QueueEntry> get(long entryId) { return jdbc.read("read queue entry", c -> entry(c, entryId)); }

    /**
     * Also makes an entry due that a worker holds leased at the moment: an administrator's "retry
     * now" wins, at the (small) risk of one more attempt while the first is still under way.
     */
    @Override public int retryNow(Optional<Long> entryId) {
        OffsetDateTime now = time(Instant.now());
        return jdbc.tx("retry queue entries", c -> entryId.isPresent()
                ? JdbcDirectory.update(c, "UPDATE outbound_queue SET next_attempt_at = ? WHERE id = ?", now, entryId.get())
                : JdbcDirectory.update(c, "UPDATE outbound_queue SET next_attempt_at = ?", now));
    }

    @Override public boolean delete(long entryId) {
        return jdbc.tx("delete queue entry", c -> deleteEntry(c, entryId));
    }

    /** Deletes the entry, and its message if nothing else refers to it any more (no table scan). */
    private static boolean deleteEntry(Connection c, long entryId) throws SQLException {
        Long messageId = null;
        try (PreparedStatement s = c.prepareStatement("SELECT message_id FROM outbound_queue WHERE id = ?")) {
            s.setLong(1, entryId);
            try (ResultSet r = s.executeQuery()) { if (r.next()) messageId = r.getLong(1); }
        }
        if (messageId == null) return false;
        JdbcDirectory.update(c, "DELETE FROM outbound_queue WHERE id = ?", entryId);
        EntryChanges.deleteUnreferenced(c, List.of(messageId));
        return true;
    }

    @Override public AutoCloseable onQueued(Runnable listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // --- for the delivery target ---

    /** Adds one entry for {@code domain}, due at once, within the delivery's transaction. */
    void enqueue(Connection c, long messageId, Optional<MailAddress> sender, String domain, Collection<String> recipients, Instant now)
            throws SQLException {
        long queueId;
        try (PreparedStatement s = c.prepareStatement(
                "INSERT INTO outbound_queue (message_id, sender, domain, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)", new String[] {"id"})) {
            s.setLong(1, messageId);
            s.setString(2, sender.map(MailAddress::toString).orElse(""));
            s.setString(3, domain);
            s.setObject(4, time(now));
            s.setObject(5, time(now));
            s.executeUpdate();
            try (ResultSet k = s.getGeneratedKeys()) { k.next(); queueId = k.getLong(1); }
        }
        try (PreparedStatement s = c.prepareStatement("INSERT INTO outbound_recipients (queue_id, recipient) VALUES (?, ?)")) {
            for (String r : new TreeSet<>(recipients)) {
                s.setLong(1, queueId);
                s.setString(2, r);
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /** Tells the listeners that new entries were committed; called after the commit, never inside it. */
    void queued() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                log.warn("queue listener failed", e);
            }
        }
    }

    // --- helpers ---

    /** The database keeps microseconds; rounding there could move a time past the "now" it is compared with. */
    private static OffsetDateTime time(Instant t) { return t.truncatedTo(ChronoUnit.MICROS).atOffset(ZoneOffset.UTC); }

    private static Optional<QueueEntry> entry(Connection c, long id) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SELECT_ENTRY + " WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet r = s.executeQuery()) { return r.next() ? Optional.of(row(c, r)) : Optional.empty(); }
        }
    }

    private static QueueEntry row(Connection c, ResultSet r) throws SQLException {
        long id = r.getLong(1);
        String sender = r.getString(3);
        return new QueueEntry(id, r.getLong(2), sender.isEmpty() ? Optional.empty() : Optional.of(address(sender)), r.getString(4),
                recipients(c, id), r.getInt(5), r.getObject(6, OffsetDateTime.class).toInstant(),
                r.getObject(7, OffsetDateTime.class).toInstant(), Optional.ofNullable(r.getString(8)));
    }

    private static List<MailAddress> recipients(Connection c, long queueId) throws SQLException {
        List<MailAddress> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement("SELECT recipient FROM outbound_recipients WHERE queue_id = ? ORDER BY recipient")) {
            s.setLong(1, queueId);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(address(r.getString(1)));
            }
        }
        return out;
    }

    /** Stored as {@link MailAddress#toString()}; the SMTP side parsed it before, so it parses again. */
    private static MailAddress address(String s) {
        try {
            return MailAddress.parse(s);
        } catch (IllegalArgumentException e) {  // never lose a queued message over syntax
            int at = s.lastIndexOf('@');
            return new MailAddress(s.substring(0, at), s.substring(at + 1));
        }
    }
}
