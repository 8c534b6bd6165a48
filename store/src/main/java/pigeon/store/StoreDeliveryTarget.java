package pigeon.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.protocol.delivery.Delivery;
import pigeon.protocol.delivery.DeliveryException;
import pigeon.protocol.delivery.DeliveryException.Reason;
import pigeon.protocol.delivery.DeliveryTarget;
import pigeon.protocol.delivery.Envelope;
import pigeon.protocol.delivery.MailAddress;

/**
 * The store's side of the delivery contract: local recipients get the message in their INBOX,
 * remote ones (only for authenticated senders: never an open relay) go to the outbound queue,
 * all in one transaction, with one stored copy of the message.
 */
final class StoreDeliveryTarget implements DeliveryTarget {
    private static final Logger log = LoggerFactory.getLogger(StoreDeliveryTarget.class);

    private final Jdbc jdbc;
    private final Directory directory;
    private final JdbcMailboxes mailboxes;
    private final ChangeBus changes;

    StoreDeliveryTarget(Jdbc jdbc, Directory directory, JdbcMailboxes mailboxes, ChangeBus changes) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.mailboxes = mailboxes;
        this.changes = changes;
    }

    @Override public Delivery start(Envelope envelope) { return new StoreDelivery(envelope); }

    private final class StoreDelivery implements Delivery {
        private final Envelope envelope;
        private final Map<Long, Account> local = new LinkedHashMap<>();
        private final Map<String, Set<String>> remote = new TreeMap<>();  // domain → recipients
        private Spool spool;
        private HeaderSummary summary;

        StoreDelivery(Envelope envelope) { this.envelope = envelope; }

        @Override public void addRecipient(MailAddress rcpt) throws DeliveryException {
            try {
                if (directory.isLocalDomain(rcpt.domain())) {
                    Account a = directory.resolve(rcpt).orElseThrow(() -> new DeliveryException(Reason.UNKNOWN_USER, "no such user: " + rcpt));
                    local.put(a.id(), a);
                } else if (envelope.authenticatedUser().isPresent()) {
                    remote.computeIfAbsent(rcpt.domain(), d -> new TreeSet<>()).add(rcpt.toString());
                } else {
                    throw new DeliveryException(Reason.RELAY_DENIED, "relaying denied for " + rcpt + " from unauthenticated " + envelope.client().getHostAddress());
                }
            } catch (StoreException e) {
                throw new DeliveryException(Reason.TEMPORARY, e.getMessage(), e);
            }
        }

        @Override public void body(InputStream message) throws IOException, DeliveryException {
            abort();
            spool = Spool.read(message);
            summary = HeaderSummary.of(spool);
        }

        @Override public void commit() throws DeliveryException {
            if (spool == null) throw new IllegalStateException("commit before body");
            if (local.isEmpty() && remote.isEmpty()) throw new IllegalStateException("commit without recipients");
            Instant now = Instant.now();
            long size = spool.size();
            Map<Long, Long> added;
            try {
                added = jdbc.tx("deliver", c -> {
                    long messageId = mailboxes.insertMessage(c, spool, summary, now);
                    Map<Long, Long> uids = new TreeMap<>();  // mailbox → uid, locked in id order
                    for (long accountId : new TreeSet<>(local.keySet())) {
                        long inbox = inbox(c, accountId);
                        uids.put(inbox, mailboxes.addEntry(c, inbox, messageId, Set.of()));
                    }
                    for (var e : remote.entrySet()) queue(c, messageId, e.getKey(), e.getValue(), now);
                    return uids;
                });
            } catch (StoreException e) {
                throw new DeliveryException(Reason.TEMPORARY, e.getMessage(), e);
            } finally {
                abort();
            }
            log.info("stored {} octets from <{}> for {} local, {} remote recipient(s)", size,
                    envelope.sender().map(MailAddress::toString).orElse(""), local.size(), remote.values().stream().mapToInt(Set::size).sum());
            added.forEach((mailbox, uid) -> changes.publish(new MailboxChange.MessagesAdded(mailbox, List.of(uid))));
        }

        @Override public void abort() {
            if (spool != null) {
                spool.close();
                spool = null;
            }
        }

        private long inbox(Connection c, long accountId) throws SQLException {
            try (PreparedStatement s = c.prepareStatement("SELECT id FROM mailboxes WHERE account_id = ? AND name = 'INBOX'")) {
                s.setLong(1, accountId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) throw new SQLException("account " + accountId + " has no INBOX");
                    return r.getLong(1);
                }
            }
        }

        private void queue(Connection c, long messageId, String domain, Set<String> recipients, Instant now) throws SQLException {
            long queueId;
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO outbound_queue (message_id, sender, domain, created_at, next_attempt_at) VALUES (?, ?, ?, ?, ?)", new String[] {"id"})) {
                s.setLong(1, messageId);
                s.setString(2, envelope.sender().map(MailAddress::toString).orElse(""));
                s.setString(3, domain);
                s.setObject(4, now.atOffset(ZoneOffset.UTC));
                s.setObject(5, now.atOffset(ZoneOffset.UTC));
                s.executeUpdate();
                try (ResultSet k = s.getGeneratedKeys()) { k.next(); queueId = k.getLong(1); }
            }
            List<String> sorted = new ArrayList<>(recipients);
            try (PreparedStatement s = c.prepareStatement("INSERT INTO outbound_recipients (queue_id, recipient) VALUES (?, ?)")) {
                for (String r : sorted) {
                    s.setLong(1, queueId);
                    s.setString(2, r);
                    s.addBatch();
                }
                s.executeBatch();
            }
        }
    }
}
