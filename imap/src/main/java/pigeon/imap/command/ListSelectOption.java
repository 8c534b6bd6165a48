package pigeon.imap.command;

/** A LIST selection option (RFC 5258 §3.1; SPECIAL-USE from RFC 6154 §3). */
public enum ListSelectOption { SUBSCRIBED, REMOTE, RECURSIVEMATCH, SPECIAL_USE }
