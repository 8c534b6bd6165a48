package pigeon.protocol.delivery;

/** Where the SMTP front end hands mail: the local store, the relay queue, or both. */
public interface DeliveryTarget {
    /** Starts a mail transaction; called after MAIL FROM is accepted syntactically. */
    Delivery start(Envelope envelope) throws DeliveryException;
}
