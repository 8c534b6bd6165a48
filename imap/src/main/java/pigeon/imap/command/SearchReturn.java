package pigeon.imap.command;

/** An ESEARCH return option (RFC 4731, RFC 9051 §6.4.4); SAVE is RFC 5182's SEARCHRES. */
public enum SearchReturn { MIN, MAX, ALL, COUNT, SAVE }
