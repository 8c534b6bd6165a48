package pigeon.imap.command;

/**
 * An ESEARCH return option (RFC 4731, RFC 9051 §6.4.4); SAVE is RFC 5182's SEARCHRES; CONTEXT and UPDATE are
 * RFC 5267 §4.2-4.3's; PARTIAL is RFC 9394's (its range is in the command).
 */
public enum SearchReturn { MIN, MAX, ALL, COUNT, SAVE, PARTIAL, CONTEXT, UPDATE }
