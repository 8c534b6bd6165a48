package pigeon.imap.command;

/**
 * A STATUS data item (RFC 9051 §6.3.11; RECENT from RFC 3501; SIZE from RFC 8438, also in 9051;
 * HIGHESTMODSEQ from RFC 7162). The item's IMAP name is {@link #name()}.
 */
public enum StatusItem { MESSAGES, RECENT, UIDNEXT, UIDVALIDITY, UNSEEN, DELETED, SIZE, HIGHESTMODSEQ }
