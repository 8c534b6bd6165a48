package pigeon.imap.command;

/** How STORE changes the flags (RFC 9051 §6.4.6): {@code +FLAGS}, {@code -FLAGS} or {@code FLAGS}. */
public enum StoreMode { ADD, REMOVE, REPLACE }
