package pigeon.store;

/**
 * The message's row is gone: another session expunged it after the caller looked it up. Not a
 * database failure; IMAP answers it as an expunge it had not yet learnt of.
 */
public final class MessageGoneException extends StoreException {
    public MessageGoneException(long messageId) { super("no message " + messageId, null); }
}
