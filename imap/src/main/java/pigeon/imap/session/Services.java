package pigeon.imap.session;

import pigeon.imap.ImapConfig;
import pigeon.store.Directory;
import pigeon.store.Mailboxes;

/** What every session of one server shares. Public for wiring only; not part of the module's API. */
public record Services(ImapConfig config, Directory directory, Mailboxes mailboxes, MailboxEvents events,
                       RecentRegistry recent) {}
