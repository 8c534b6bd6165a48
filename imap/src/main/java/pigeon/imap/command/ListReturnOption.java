package pigeon.imap.command;

/**
 * A LIST return option (RFC 5258 §3.2; STATUS from RFC 5819, whose items the LIST command carries;
 * SPECIAL-USE from RFC 6154 §3).
 */
public enum ListReturnOption { SUBSCRIBED, CHILDREN, SPECIAL_USE, STATUS }
