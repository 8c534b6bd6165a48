package pigeon.protocol.delivery;

/**
 * Why a delivery step was refused. The protocol front end maps the reason to its own reply in one
 * place; the message is for the log only (client-facing text stays generic).
 */
public final class DeliveryException extends Exception {
    public enum Reason {
        /** The recipient's domain is local but nobody there has that address. */
        UNKNOWN_USER,
        /** The recipient is not local and the session may not relay. */
        RELAY_DENIED,
        /** The sender address does not belong to the authenticated account. */
        SENDER_NOT_OWNED,
        /** The message is larger than the configured limit. */
        MESSAGE_TOO_LARGE,
        /** The message carries too many Received headers (a mail loop). */
        LOOP_DETECTED,
        /** The message cannot be stored as it is (not a message, bad line endings). */
        BAD_CONTENT,
        /** Something on our side failed; the client may try again later. */
        TEMPORARY
    }

    private final Reason reason;

    public DeliveryException(Reason reason, String logMessage) { this(reason, logMessage, null); }

    public DeliveryException(Reason reason, String logMessage, Throwable cause) {
        super(logMessage, cause);
        this.reason = reason;
    }

    public Reason reason() { return reason; }
}
