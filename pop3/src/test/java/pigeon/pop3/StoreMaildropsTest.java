package pigeon.pop3;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.lang.reflect.Proxy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import pigeon.protocol.delivery.MailAddress;
import pigeon.store.Account;
import pigeon.store.Directory;
import pigeon.store.MailboxInfo;
import pigeon.store.Mailboxes;
import pigeon.store.MessageEntry;
import pigeon.store.StoreException;

/** The adapter's mapping onto the store interfaces, with stubs for the few store calls it makes. */
class StoreMaildropsTest {
    private final List<Object> expunged = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private static <T> T stub(Class<T> type, Map<String, java.util.function.Function<Object[], Object>> methods) {
        return (T) Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, m, args) -> {
            var f = methods.get(m.getName());
            if (f == null) throw new UnsupportedOperationException(m.getName());
            return f.apply(args);
        });
    }

    private StoreMaildrops maildrops(boolean hasInbox) {
        Account alice = new Account(5, new MailAddress("alice", "example.test"));
        Directory directory = stub(Directory.class, Map.of("authenticate",
                a -> a[0].equals("alice@example.test") && a[1].equals("secret") ? Optional.of(alice) : Optional.empty()));
        MailboxInfo inbox = new MailboxInfo(77, 5, "INBOX", Optional.empty(), true, 1234, 9, 1);
        Mailboxes mailboxes = stub(Mailboxes.class, Map.of(
                "find", a -> hasInbox && a[0].equals(5L) && a[1].equals("INBOX") ? Optional.of(inbox) : Optional.empty(),
                "entries", a -> List.of(new MessageEntry(3, 300, 10, Instant.EPOCH.atOffset(java.time.ZoneOffset.UTC), 1, Set.of(), Set.of()),
                        new MessageEntry(8, 800, 20, Instant.EPOCH.atOffset(java.time.ZoneOffset.UTC), 2, Set.of(), Set.of())),
                "openContent", a -> new ByteArrayInputStream(("content " + a[0]).getBytes()),
                "expunge", a -> {
                    expunged.add(a[0]);
                    expunged.add(a[1]);
                    return List.copyOf((java.util.Collection<?>) a[1]);
                }));
        return new StoreMaildrops(directory, mailboxes);
    }

    @Test void mapsTheInbox() throws Exception {
        StoreMaildrops m = maildrops(true);
        assertEquals(Optional.empty(), m.authenticate("alice@example.test", "wrong"));
        Maildrop.Owner owner = m.authenticate("alice@example.test", "secret").orElseThrow();
        assertEquals(new Maildrop.Owner(5, "alice@example.test"), owner);
        Maildrop.Snapshot s = m.snapshot(owner);
        assertEquals(77, s.mailboxId());
        assertEquals(List.of(new Maildrop.Message(3, 300, 10, "1234.3"), new Maildrop.Message(8, 800, 20, "1234.8")), s.messages());
        try (var in = m.open(s.messages().get(1))) {
            assertEquals("content 800", new String(in.readAllBytes()));
        }
        assertEquals(0, m.delete(owner, s, List.of()));
        assertEquals(List.of(), expunged, "nothing to delete, no store call");
        assertEquals(1, m.delete(owner, s, List.of(s.messages().get(1))));
        assertEquals(List.of(77L, List.of(8L)), expunged);
    }

    @Test void noInboxIsAStoreFailure() {
        StoreMaildrops m = maildrops(false);
        assertThrows(StoreException.class, () -> m.snapshot(new Maildrop.Owner(5, "alice@example.test")));
    }
}
