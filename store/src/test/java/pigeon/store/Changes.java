package pigeon.store;

import java.util.List;

/** Change events compared by the UIDs they name (the entries they carry are checked elsewhere). */
final class Changes {
    private Changes() {}

    record Uids(String kind, long mailboxId, List<Long> uids) {}

    static Object flags(long mailboxId, List<Long> uids) { return new Uids("flags", mailboxId, uids); }
    static Object added(long mailboxId, List<Long> uids) { return new Uids("added", mailboxId, uids); }

    static List<Object> uidsOnly(List<MailboxChange> events) {
        return events.stream().map(e -> switch (e) {
            case MailboxChange.FlagsChanged f -> flags(f.mailboxId(), f.uids());
            case MailboxChange.MessagesAdded a -> added(a.mailboxId(), a.uids());
            default -> (Object) e;
        }).toList();
    }
}
