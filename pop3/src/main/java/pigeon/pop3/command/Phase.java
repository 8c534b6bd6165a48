package pigeon.pop3.command;

/** The RFC 1939 §3 states in which the client can send commands (UPDATE takes none). */
public enum Phase { AUTHORIZATION, TRANSACTION }
