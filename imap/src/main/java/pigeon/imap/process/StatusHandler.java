package pigeon.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.StatusItem;
import pigeon.imap.session.Capabilities;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SessionContext;
import pigeon.store.Flag;
import pigeon.store.MailboxInfo;
import pigeon.store.MessageEntry;

/** STATUS (RFC 9051 §6.3.11; RECENT RFC 3501; SIZE RFC 8438; HIGHESTMODSEQ RFC 7162 §3.1.10). */
final class StatusHandler {
    Outcome status(ImapCommand.Status s, ImapState state, SessionContext ctx) throws IOException, ImapException {
        MailboxInfo info = MailboxHandler.find(ctx, MailboxHandler.account(state), ctx.mailboxName(s.mailbox()));
        // RFC 7162 §3.1: STATUS (HIGHESTMODSEQ) is a CONDSTORE enabling command
        if (s.items().contains(StatusItem.HIGHESTMODSEQ)) ctx.enable(Capabilities.Extension.CONDSTORE);
        ctx.out().untagged(statusLine(info, s.items(), ctx));
        return Outcome.ok(state, "STATUS completed");
    }

    /** {@code STATUS name (ITEM n …)}, items in the order asked. */
    String statusLine(MailboxInfo info, List<StatusItem> items, SessionContext ctx) {
        boolean needEntries = items.stream().anyMatch(i -> i != StatusItem.UIDNEXT && i != StatusItem.UIDVALIDITY && i != StatusItem.HIGHESTMODSEQ);
        List<MessageEntry> entries = needEntries ? ctx.services().mailboxes().entries(info.id()) : List.of();
        List<String> parts = new ArrayList<>();
        for (StatusItem item : items) {
            long value = switch (item) {
                case MESSAGES -> entries.size();
                case UIDNEXT -> info.uidNext();
                case UIDVALIDITY -> info.uidValidity();
                case UNSEEN -> entries.stream().filter(e -> !e.flags().contains(Flag.SEEN)).count();
                case DELETED -> entries.stream().filter(e -> e.flags().contains(Flag.DELETED)).count();
                case SIZE -> entries.stream().mapToLong(MessageEntry::size).sum();
                case HIGHESTMODSEQ -> info.highestModSeq();
                // messages no session has claimed as \Recent yet
                case RECENT -> {
                    long claimed = ctx.services().recent().claimedUpTo(info.id());
                    yield entries.stream().filter(e -> e.uid() > claimed).count();
                }
            };
            parts.add(item.name() + " " + value);
        }
        return "STATUS " + ctx.encodeName(info.name()) + " (" + String.join(" ", parts) + ")";
    }
}
