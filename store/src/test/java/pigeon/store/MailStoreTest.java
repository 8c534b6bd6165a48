package pigeon.store;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pigeon.protocol.delivery.Delivery;
import pigeon.protocol.delivery.DeliveryException;
import pigeon.protocol.delivery.Envelope;
import pigeon.protocol.delivery.MailAddress;

/** Contract tests of the store on a real (in-memory H2) database. */
class MailStoreTest {
    private MailStore store;
    private Directory dir;
    private Mailboxes boxes;

    @BeforeEach void open() {
        store = MailStore.open(StoreConfig.h2Memory("t" + System.nanoTime()));
        dir = store.directory();
        boxes = store.mailboxes();
        dir.addDomain("example.test");
    }

    @AfterEach void close() { store.close(); }

    private static MailAddress a(String s) { return MailAddress.parse(s); }

    private static Envelope envelope(Optional<String> user) throws Exception {
        return new Envelope(Optional.of(a("sender@far.test")), "client", InetAddress.getLoopbackAddress(), user, "test");
    }

    private static InputStream bytes(String s) { return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8)); }

    @Test void accountsGetStandardMailboxesAndLogIn() {
        Account alice = dir.addAccount(a("Alice@Example.test"), "secret");
        assertEquals(List.of("INBOX", "Archive", "Drafts", "Junk", "Sent", "Trash"), boxes.list(alice.id()).stream().map(MailboxInfo::name).toList());
        assertEquals(Optional.of("Sent"), boxes.find(alice.id(), "Sent").orElseThrow().specialUse());
        assertTrue(boxes.find(alice.id(), "inbox").isPresent());
        assertEquals(alice, dir.authenticate("alice@example.test", "secret").orElseThrow());
        assertTrue(dir.authenticate("alice@example.test", "wrong").isEmpty());
        assertTrue(dir.authenticate("nobody@example.test", "secret").isEmpty());
        assertTrue(dir.authenticate("not an address", "secret").isEmpty());
        dir.setPassword(a("alice@example.test"), "new");
        assertTrue(dir.authenticate("alice@example.test", "new").isPresent());
        assertThrows(IllegalArgumentException.class, () -> dir.addAccount(a("ALICE@example.test"), "x"));
        assertThrows(IllegalArgumentException.class, () -> dir.addAccount(a("bob@elsewhere.test"), "x"));
    }

    @Test void resolvesAccountsAliasesCatchAllAndPostmaster() {
        Account alice = dir.addAccount(a("alice@example.test"), "s");
        Account bob = dir.addAccount(a("bob@example.test"), "s");
        dir.addAlias(a("info@example.test"), a("bob@example.test"));
        assertEquals(Optional.of(alice), dir.resolve(a("ALICE@example.test")));
        assertEquals(Optional.of(bob), dir.resolve(a("info@example.test")));
        assertEquals(Optional.of(alice), dir.resolve(a("postmaster@example.test")));
        assertTrue(dir.resolve(a("carol@example.test")).isEmpty());
        dir.setCatchAll("example.test", Optional.of(a("bob@example.test")));
        assertEquals(Optional.of(bob), dir.resolve(a("carol@example.test")));
        assertTrue(dir.resolve(a("alice@other.test")).isEmpty());
    }

    @Test void deliversOneSharedCopyToEveryLocalRecipientAtCommitOnly() throws Exception {
        Account alice = dir.addAccount(a("alice@example.test"), "s");
        Account bob = dir.addAccount(a("bob@example.test"), "s");
        List<MailboxChange> seen = new ArrayList<>();
        boxes.subscribe(seen::add);
        long aliceInbox = boxes.find(alice.id(), "INBOX").orElseThrow().id();
        try (Delivery d = store.deliveryTarget().start(envelope(Optional.empty()))) {
            d.addRecipient(a("alice@example.test"));
            d.addRecipient(a("bob@example.test"));
            assertEquals(DeliveryException.Reason.UNKNOWN_USER, assertThrows(DeliveryException.class, () -> d.addRecipient(a("carol@example.test"))).reason());
            assertEquals(DeliveryException.Reason.RELAY_DENIED, assertThrows(DeliveryException.class, () -> d.addRecipient(a("x@far.test"))).reason());
            d.body(bytes("Subject: =?UTF-8?Q?h=C3=A9llo?=\r\nFrom: S <sender@far.test>\r\n\r\nbody\r\n"));
            assertTrue(boxes.entries(aliceInbox).isEmpty(), "nothing visible before commit");
            d.commit();
        }
        List<MessageEntry> entries = boxes.entries(aliceInbox);
        assertEquals(1, entries.size());
        MessageEntry e = entries.get(0);
        assertEquals(1, e.uid());
        assertEquals(e.messageId(), boxes.entries(boxes.find(bob.id(), "INBOX").orElseThrow().id()).get(0).messageId(), "one stored copy");
        try (InputStream in = boxes.openContent(e.messageId())) {
            String content = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            assertEquals(content.length(), e.size());
            assertTrue(content.endsWith("\r\n\r\nbody\r\n"));
        }
        assertEquals(2, seen.size());
        MailboxInfo inbox = boxes.find(alice.id(), "INBOX").orElseThrow();
        assertEquals(2, inbox.uidNext());
    }

    @Test void abortStoresNothingAndUidsAreNeverReused() throws Exception {
        Account alice = dir.addAccount(a("alice@example.test"), "s");
        long inbox = boxes.find(alice.id(), "INBOX").orElseThrow().id();
        try (Delivery d = store.deliveryTarget().start(envelope(Optional.empty()))) {
            d.addRecipient(a("alice@example.test"));
            d.body(bytes("Subject: x\r\n\r\nbody\r\n"));
        }  // closed without commit
        assertTrue(boxes.entries(inbox).isEmpty());
        long u1 = boxes.append(inbox, bytes("Subject: 1\r\n\r\n1\r\n"), Set.of(Flag.SEEN), Instant.now());
        long u2 = boxes.append(inbox, bytes("Subject: 2\r\n\r\n2\r\n"), Set.of(), Instant.now());
        assertEquals(List.of(u1), boxes.expunge(inbox, List.of(u1, 999L)));
        long u3 = boxes.append(inbox, bytes("Subject: 3\r\n\r\n3\r\n"), Set.of(), Instant.now());
        assertTrue(u1 < u2 && u2 < u3);
        assertEquals(List.of(u2, u3), boxes.entries(inbox).stream().map(MessageEntry::uid).toList());
        assertEquals(Set.of(), boxes.entries(inbox).get(0).flags());
    }

    @Test void authenticatedSendersQueueRemoteRecipientsInTheSameTransaction() throws Exception {
        Account alice = dir.addAccount(a("alice@example.test"), "s");
        try (Delivery d = store.deliveryTarget().start(envelope(Optional.of(a("alice@example.test")), Optional.of("alice@example.test")))) {
            d.addRecipient(a("x@far.test"));
            d.addRecipient(a("y@far.test"));
            d.addRecipient(a("alice@example.test"));
            d.body(bytes("Subject: out\r\n\r\nhi\r\n"));
            d.commit();
        }
        var entries = store.queue().list();
        assertEquals(1, entries.size());
        assertEquals(List.of(a("x@far.test"), a("y@far.test")), entries.get(0).recipients());
        long inbox = boxes.find(alice.id(), "INBOX").orElseThrow().id();
        assertEquals(boxes.entries(inbox).get(0).messageId(), entries.get(0).messageId(), "one stored copy for INBOX and queue");
    }

    // --- the sender of an authenticated session ---

    private static Envelope envelope(Optional<MailAddress> sender, Optional<String> user) {
        return new Envelope(sender, "client", InetAddress.getLoopbackAddress(), user, "test");
    }

    private DeliveryException.Reason refusal(String user, String sender) {
        return assertThrows(DeliveryException.class,
                () -> store.deliveryTarget().start(envelope(Optional.of(a(sender)), Optional.of(user)))).reason();
    }

    private void accepted(String user, Optional<MailAddress> sender) throws Exception {
        try (Delivery d = store.deliveryTarget().start(envelope(sender, Optional.ofNullable(user)))) {
            d.addRecipient(a("bob@example.test"));
            d.body(bytes("Subject: s\r\n\r\nx\r\n"));
            d.commit();
        }
    }

    @Test void authenticatedSendersMaySendOnlyAsTheirOwnAddressesOrAliases() throws Exception {
        dir.addAccount(a("alice@example.test"), "s");
        dir.addAccount(a("bob@example.test"), "s");
        dir.addAlias(a("info@example.test"), a("alice@example.test"));
        dir.setCatchAll("example.test", Optional.of(a("alice@example.test")));
        dir.addDomain("other.test");
        dir.addAlias(a("alice@other.test"), a("alice@example.test"));

        accepted("alice@example.test", Optional.of(a("alice@example.test")));
        accepted("alice@example.test", Optional.of(a("ALICE@Example.TEST")));
        accepted("alice@example.test", Optional.of(a("info@example.test")));
        accepted("alice@example.test", Optional.of(a("alice@other.test")));
        accepted("info@example.test", Optional.of(a("alice@example.test")));  // logged in by an alias
        assertEquals(DeliveryException.Reason.SENDER_NOT_OWNED, refusal("alice@example.test", "bob@example.test"));
        assertEquals(DeliveryException.Reason.SENDER_NOT_OWNED, refusal("alice@example.test", "nobody@example.test"), "the catch-all owns nothing");
        assertEquals(DeliveryException.Reason.SENDER_NOT_OWNED, refusal("alice@example.test", "alice@far.test"));
        assertEquals(DeliveryException.Reason.SENDER_NOT_OWNED, refusal("bob@example.test", "info@example.test"));
        assertEquals(DeliveryException.Reason.SENDER_NOT_OWNED, refusal("MAILER-DAEMON", "bob@example.test"));

        accepted("alice@example.test", Optional.empty());    // read receipts, RFC 8098
        accepted("MAILER-DAEMON", Optional.empty());         // the relay's own bounces
        accepted(null, Optional.of(a("bob@example.test")));  // unauthenticated (MX) mail: no such rule
        assertEquals(8, boxes.entries(boxes.find(dir.account(a("bob@example.test")).orElseThrow().id(), "INBOX").orElseThrow().id()).size());

        assertTrue(dir.owns("alice@example.test", a("info@example.test")));
        assertFalse(dir.owns("alice@example.test", a("nobody@example.test")));
        assertFalse(dir.owns("not an address", a("alice@example.test")));
        assertFalse(dir.owns("carol@example.test", a("carol@example.test")));
    }

    // --- loop detection ---

    private static String received(int n) {
        return "Received: from hop" + n + ".far.test\r\n\tby mx.far.test; Mon, 1 Jan 2024 00:00:00 +0000\r\n";
    }

    private static String withReceived(int count) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < count; i++) sb.append(received(i));
        return sb.append("Subject: loop\r\n\r\nReceived: in the body does not count\r\n").toString();
    }

    @Test void messagesWithMoreReceivedFieldsThanTheLimitAreRefusedAsLoops() throws Exception {
        Account bob = dir.addAccount(a("bob@example.test"), "s");
        long inbox = boxes.find(bob.id(), "INBOX").orElseThrow().id();
        for (var target : List.of(store.deliveryTarget(), store.deliveryTarget(DeliveryPolicy.DEFAULT))) {
            try (Delivery d = target.start(envelope(Optional.empty()))) {
                d.addRecipient(a("bob@example.test"));
                assertEquals(DeliveryException.Reason.LOOP_DETECTED, assertThrows(DeliveryException.class, () -> d.body(bytes(withReceived(51)))).reason());
            }
            try (Delivery d = target.start(envelope(Optional.empty()))) {
                d.addRecipient(a("bob@example.test"));
                d.body(bytes(withReceived(50)));
                d.commit();
            }
        }
        var strict = store.deliveryTarget(new DeliveryPolicy(3));
        try (Delivery d = strict.start(envelope(Optional.empty()))) {
            d.addRecipient(a("bob@example.test"));
            assertEquals(DeliveryException.Reason.LOOP_DETECTED, assertThrows(DeliveryException.class, () -> d.body(bytes(withReceived(4)))).reason());
            assertThrows(IllegalStateException.class, d::commit, "nothing left to commit after the refusal");
            d.body(bytes(withReceived(3)));  // a new body in the same transaction (as after a refused DATA) is judged afresh
            d.commit();
        }
        assertEquals(3, boxes.entries(inbox).size());
        assertThrows(IllegalArgumentException.class, () -> new DeliveryPolicy(0));
    }

    @Test void receivedFieldsAreCountedInTheHeaderOnly() throws Exception {
        String msg = "received: a\r\nRECEIVED : b\r\n (comment)\r\nX-Received: c\r\nReceived-SPF: pass\r\nSubject: Received: no\r\n"
                + "Received:\td\r\n\r\nReceived: body\r\n";
        HeaderSummary h = HeaderSummary.of(Spool.of(msg.getBytes(StandardCharsets.US_ASCII)));
        assertEquals(3, h.receivedCount());
        assertEquals(msg.indexOf("\r\n\r\n") + 4, h.headerSize());
        assertEquals(2, HeaderSummary.of(Spool.of("Received: a\nReceived: b\n\nReceived: c\n".getBytes(StandardCharsets.US_ASCII))).receivedCount());
        assertEquals(1, HeaderSummary.of(Spool.of("Received: no body".getBytes(StandardCharsets.US_ASCII))).receivedCount());
    }

    @Test void largeMessagesSpoolToDiskAndComeBackByteForByte() throws Exception {
        Account alice = dir.addAccount(a("alice@example.test"), "s");
        long inbox = boxes.find(alice.id(), "INBOX").orElseThrow().id();
        StringBuilder sb = new StringBuilder("Subject: big\r\n\r\n");
        while (sb.length() < 3 * Spool.MEMORY_LIMIT) sb.append("0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz\r\n");
        byte[] raw = sb.toString().getBytes(StandardCharsets.US_ASCII);
        long uid = boxes.append(inbox, new ByteArrayInputStream(raw), Set.of(), Instant.now());
        MessageEntry e = boxes.entries(inbox).get(0);
        assertEquals(uid, e.uid());
        assertEquals(raw.length, e.size());
        try (InputStream in = boxes.openContent(e.messageId())) { assertArrayEquals(raw, in.readAllBytes()); }
    }

    @Test void removingAccountsAndDomainsRemovesTheirMail() throws Exception {
        Account alice = dir.addAccount(a("alice@example.test"), "s");
        long inbox = boxes.find(alice.id(), "INBOX").orElseThrow().id();
        boxes.append(inbox, bytes("Subject: 1\r\n\r\n1\r\n"), Set.of(), Instant.now());
        dir.setCatchAll("example.test", Optional.of(a("alice@example.test")));
        assertTrue(dir.removeAccount(a("alice@example.test")));
        assertFalse(dir.removeAccount(a("alice@example.test")));
        assertTrue(dir.accounts().isEmpty());
        dir.addAccount(a("bob@example.test"), "s");
        assertTrue(dir.removeDomain("example.test"));
        assertEquals(List.of(), dir.domains());
        assertEquals(List.of(), dir.accounts());
    }
}
