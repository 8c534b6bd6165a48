package pigeon.store;

/**
 * How the store judges mail handed to it by SMTP: settings of the delivery, not of the database
 * (those are in {@link StoreConfig}).
 *
 * @param maxReceivedHeaders a message with more {@code Received:} header fields than this is
 *                           refused as a mail loop (RFC 5321 §6.3). The count includes the field
 *                           our own SMTP front end added before the message reached the store.
 */
public record DeliveryPolicy(int maxReceivedHeaders) {
    /** RFC 5321 §6.3 asks for a "large" limit (traditionally 100); 50 still stops loops early. */
    public static final DeliveryPolicy DEFAULT = new DeliveryPolicy(50);

    public DeliveryPolicy {
        if (maxReceivedHeaders < 1) throw new IllegalArgumentException("the Received header limit must be at least 1");
    }
}
