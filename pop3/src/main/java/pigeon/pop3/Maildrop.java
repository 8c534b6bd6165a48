package pigeon.pop3;

import java.io.InputStream;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * What the POP3 server needs of the mail store: the narrow port it is written against.
 * {@link StoreMaildrops} implements it on the store; tests implement it in memory.
 *
 * <p>Contract: every method may throw {@link pigeon.store.StoreException} when the store fails;
 * the session answers {@code -ERR [SYS/TEMP]} and carries on. Implementations are used by many
 * sessions at once and must be thread-safe. Exclusive access to a maildrop (RFC 1939 §8) is the
 * server's business, not the port's.
 */
public interface Maildrop {

    /** Whose maildrop: {@code id} identifies the account (two login names of one account share it). */
    record Owner(long id, String name) {}

    /**
     * One message as the session numbers it.
     *
     * @param uid       the message's UID in the maildrop, what {@link #delete} is given
     * @param contentId what {@link #open} is given
     * @param size      exact octet count of the stored message: what RETR sends before dot-stuffing
     * @param uniqueId  the RFC 1939 §7 unique-id: stable across sessions, 1 to 70 characters 0x21–0x7E
     */
    record Message(long uid, long contentId, long size, String uniqueId) {
        public Message {
            if (size < 0) throw new IllegalArgumentException("negative size");
            if (uniqueId.isEmpty() || uniqueId.length() > 70 || uniqueId.chars().anyMatch(c -> c < 0x21 || c > 0x7E))
                throw new IllegalArgumentException("unique-id must be 1 to 70 characters in 0x21-0x7E (RFC 1939 §7)");
        }
    }

    /**
     * The maildrop's messages at one moment, oldest first; message number n is element n-1.
     *
     * @param mailboxId opaque to the server: the implementation's handle, given back to {@link #delete}
     */
    record Snapshot(long mailboxId, List<Message> messages) {
        public Snapshot { messages = List.copyOf(messages); }
    }

    /** Checks a login; the owner on success. Never logs the password. */
    Optional<Owner> authenticate(String username, String password);

    /** The owner's maildrop (the INBOX) as it is now. */
    Snapshot snapshot(Owner owner);

    /** The stored message's bytes, exactly {@link Message#size()} of them; the caller closes the stream. */
    InputStream open(Message message);

    /**
     * Removes these messages (RFC 1939 UPDATE state); those already gone (say, expunged by an IMAP
     * client meanwhile) are skipped. Returns how many were removed.
     */
    int delete(Owner owner, Snapshot snapshot, Collection<Message> messages);
}
