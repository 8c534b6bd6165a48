package pigeon.webmail;

import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import pigeon.store.Account;
import pigeon.store.MailboxInfo;
import pigeon.store.Mailboxes;
import pigeon.store.MessageEntry;

/**
 * The store as one logged-in account may see it: a mailbox id or UID from a URL is looked up among
 * that account's own, so that no request reaches another account's mail (404 otherwise).
 */
final class AccountMail {
    final Mailboxes mailboxes;

    AccountMail(Mailboxes mailboxes) { this.mailboxes = mailboxes; }

    List<MailboxInfo> list(Account a) { return mailboxes.list(a.id()); }

    MailboxInfo mailbox(Account a, long id) {
        return list(a).stream().filter(m -> m.id() == id).findFirst().orElseThrow(() -> new HttpResponseException(404, "No such folder."));
    }

    MailboxInfo mailbox(Account a, String idParam) { return mailbox(a, number(idParam)); }

    /** The account's mailbox with this RFC 6154 special use (Sent, Drafts, Trash…), else one of that name. */
    Optional<MailboxInfo> special(Account a, String use) {
        List<MailboxInfo> all = list(a);
        return all.stream().filter(m -> m.specialUse().map(u -> u.equalsIgnoreCase(use)).orElse(false)).findFirst()
                .or(() -> all.stream().filter(m -> m.name().equalsIgnoreCase(use)).findFirst());
    }

    MailboxInfo inbox(Account a) { return list(a).get(0); }  // the store lists INBOX first

    MessageEntry entry(MailboxInfo box, long uid) {
        return mailboxes.entries(box.id(), List.of(uid)).stream().findFirst()
                .orElseThrow(() -> new HttpResponseException(404, "That message is no longer there."));
    }

    static boolean isTrash(MailboxInfo m) {
        return m.specialUse().map(u -> u.equalsIgnoreCase("Trash")).orElse(m.name().toLowerCase(Locale.ROOT).equals("trash"));
    }

    static long number(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException | NullPointerException e) {
            throw new HttpResponseException(404, "Not found.");
        }
    }
}
