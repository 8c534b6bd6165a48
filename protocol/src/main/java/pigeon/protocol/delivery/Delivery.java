package pigeon.protocol.delivery;

import java.io.IOException;
import java.io.InputStream;

/**
 * One mail transaction: start, add recipients (each may be refused), body, then commit or abort.
 * Nothing is visible to readers before {@link #commit()}; after it returns, the message is durable.
 */
public interface Delivery extends AutoCloseable {
    /** Adds one recipient, or refuses it (unknown user, relaying denied, …) leaving the others. */
    void addRecipient(MailAddress recipient) throws DeliveryException;

    /**
     * Takes the whole message (headers and body, CRLF line endings, no dot-stuffing). An
     * {@link IOException} from the stream (client gone, size limit) leaves nothing stored.
     */
    void body(InputStream message) throws IOException, DeliveryException;

    /** Makes the message durable and visible, for every accepted recipient, atomically. */
    void commit() throws DeliveryException;

    /** Drops the transaction; idempotent, and harmless after commit. */
    void abort();

    @Override default void close() { abort(); }
}
