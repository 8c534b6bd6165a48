package pigeon.pop3;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import pigeon.store.StoreException;

/** The {@link Maildrop} port in memory, with the fixture every POP3 test starts from. */
final class InMemoryMaildrop implements Maildrop {
    static final String M1 = "From: bob@example.test\r\nSubject: one\r\n\r\nHello Alice\r\n";
    static final String M2 = "Subject: dots\r\n\r\n.leading dot\r\n..two dots\r\n.\r\nlast line\r\n";
    static final String M3 = "Subject: three\r\n\r\nline 1\r\nline 2\r\nline 3";  // no final CRLF

    private record Box(Owner owner, String password, long uidValidity, List<long[]> messages, boolean broken) {}  // {uid, contentId}

    private final Map<String, Box> logins = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> contents = new ConcurrentHashMap<>();
    private final AtomicLong nextContent = new AtomicLong(100);
    /** Every UID removed through {@link #delete}, in order. */
    final List<Long> deletedUids = new CopyOnWriteArrayList<>();

    /** alice (also "alice"): uids 10, 11, 15 in UIDVALIDITY 42; bob: empty; broken: the store fails. */
    static InMemoryMaildrop fixture() {
        InMemoryMaildrop m = new InMemoryMaildrop();
        Box alice = m.account(1, "alice@example.test", "secret", 42, false);
        m.logins.put("alice", alice);
        m.add(alice, 10, M1);
        m.add(alice, 11, M2);
        m.add(alice, 15, M3);
        m.account(2, "bob@example.test", "hunter2", 7, false);
        m.account(3, "broken@example.test", "secret", 1, true);
        return m;
    }

    private Box account(long id, String name, String password, long uidValidity, boolean broken) {
        Box box = new Box(new Owner(id, name), password, uidValidity, new CopyOnWriteArrayList<>(), broken);
        logins.put(name, box);
        return box;
    }

    void add(String login, long uid, byte[] content) {
        add(logins.get(login), uid, content);
    }

    private void add(Box box, long uid, String content) { add(box, uid, content.getBytes(StandardCharsets.UTF_8)); }

    private void add(Box box, long uid, byte[] content) {
        long id = nextContent.getAndIncrement();
        contents.put(id, content);
        box.messages().add(new long[] {uid, id});
    }

    @Override public Optional<Owner> authenticate(String username, String password) {
        Box box = logins.get(username.toLowerCase(Locale.ROOT));
        return box != null && box.password().equals(password) ? Optional.of(box.owner()) : Optional.empty();
    }

    @Override public Snapshot snapshot(Owner owner) {
        Box box = box(owner);
        if (box.broken()) throw new StoreException("database unavailable (test)", null);
        List<Message> list = new ArrayList<>();
        for (long[] m : box.messages())
            list.add(new Message(m[0], m[1], contents.get(m[1]).length, box.uidValidity() + "." + m[0]));
        return new Snapshot(owner.id(), list);
    }

    @Override public InputStream open(Message message) {
        return new ByteArrayInputStream(contents.get(message.contentId()));
    }

    @Override public int delete(Owner owner, Snapshot snapshot, Collection<Message> messages) {
        Box box = box(owner);
        int n = 0;
        for (Message m : messages) {
            if (box.messages().removeIf(e -> e[0] == m.uid())) {
                deletedUids.add(m.uid());
                n++;
            }
        }
        return n;
    }

    private Box box(Owner owner) {
        return logins.values().stream().filter(b -> b.owner().id() == owner.id()).findFirst().orElseThrow();
    }
}
