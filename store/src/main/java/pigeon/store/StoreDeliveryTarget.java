package pigeon.store;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
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
    private final JdbcOutboundQueue queue;
    private final ChangeBus changes;
    private final DeliveryPolicy policy;

    StoreDeliveryTarget(Jdbc jdbc, Directory directory, JdbcMailboxes mailboxes, JdbcOutboundQueue queue, ChangeBus changes,
                        DeliveryPolicy policy) {
        this.jdbc = jdbc;
        this.directory = directory;
        this.mailboxes = mailboxes;
        this.queue = queue;
        this.changes = changes;
        this.policy = policy;
    }

    /**
     * An authenticated session may only send as its own account: the sender must be the account's
     * address or one of its aliases (a catch-all is not enough). The null sender {@code <>} passes:
     * mail clients send read receipts with it (RFC 8098), and the relay's own bounces, which
     * come as the pseudo-user MAILER-DAEMON, always have it, so they need no rule of their own.
     */
    @Override public Delivery start(Envelope envelope) throws DeliveryException {
        if (envelope.authenticatedUser().isPresent() && envelope.sender().isPresent()) {
            String user = envelope.authenticatedUser().get();
            MailAddress sender = envelope.sender().get();
            boolean owned;
            try {
                owned = directory.owns(user, sender);
            } catch (StoreException e) {
                throw new DeliveryException(Reason.TEMPORARY, e.getMessage(), e);
            }
            if (!owned) throw new DeliveryException(Reason.SENDER_NOT_OWNED, user + " may not send as <" + sender + ">");
        }
        return new StoreDelivery(envelope);
    }

    private final class StoreDelivery implements Delivery {
        private final Envelope envelope;
        private final Map<Long, Account> local = new LinkedHashMap<>();
        private final Map<String, Set<String>> remote = new TreeMap<>();  // domain → recipients
        private Spool spool;
        private HeaderSummary summary;
        private byte[] description;  // null: none

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
            // RFC 5321 §6.3: too many Received fields means the message is going round in circles.
            if (summary.receivedCount() > policy.maxReceivedHeaders()) {
                int count = summary.receivedCount();
                abort();
                throw new DeliveryException(Reason.LOOP_DETECTED, "mail loop: " + count + " Received header fields, more than "
                        + policy.maxReceivedHeaders() + ", from <" + envelope.sender().map(MailAddress::toString).orElse("") + ">");
            }
            description = mailboxes.describe(spool);  // before the transaction, which it would lengthen
        }

        @Override public void commit() throws DeliveryException {
            if (spool == null) throw new IllegalStateException("commit before body");
            if (local.isEmpty() && remote.isEmpty()) throw new IllegalStateException("commit without recipients");
            Instant now = Instant.now();
            long size = spool.size();
            Map<Long, MessageEntry> added;
            try {
                added = jdbc.tx("deliver", c -> {
                    long messageId = mailboxes.insertMessage(c, spool, summary, now, description);
                    Map<Long, MessageEntry> entries = new TreeMap<>();  // mailbox → new entry, locked in id order
                    for (long accountId : new TreeSet<>(local.keySet())) {
                        long inbox = inbox(c, accountId);
                        long uid = mailboxes.addEntry(c, inbox, messageId, Set.of(), Set.of());
                        entries.put(inbox, EntryRows.forUids(c, inbox, List.of(uid)).getFirst());
                    }
                    for (var e : remote.entrySet()) queue.enqueue(c, messageId, envelope.sender(), e.getKey(), e.getValue(), now);
                    return entries;
                });
            } catch (StoreException e) {
                throw new DeliveryException(Reason.TEMPORARY, e.getMessage(), e);
            } finally {
                abort();
            }
            log.info("stored {} octets from <{}> for {} local, {} remote recipient(s)", size,
                    envelope.sender().map(MailAddress::toString).orElse(""), local.size(), remote.values().stream().mapToInt(Set::size).sum());
            added.forEach((mailbox, entry) -> changes.publish(new MailboxChange.MessagesAdded(mailbox, List.of(entry))));
            if (!remote.isEmpty()) queue.queued();  // after the commit: the relay may look at once
        }

        @Override public void abort() {
            description = null;
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
    }
}
