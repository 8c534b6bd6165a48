package pigeon.store;

/** The system flags every mailbox supports (RFC 9051 §2.3.2), without the session-bound \Recent. */
public enum Flag { SEEN, ANSWERED, FLAGGED, DELETED, DRAFT }
