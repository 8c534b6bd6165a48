package pigeon.imap.decode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.ListReturnOption;
import pigeon.imap.command.ListSelectOption;
import pigeon.imap.command.QResync;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.command.StatusItem;

/** SELECT/EXAMINE, CREATE, LIST, LSUB and STATUS: the commands about mailboxes with parameters. */
final class MailboxParser {
    private static final List<String> USE_ATTRIBUTES = List.of("\\All", "\\Archive", "\\Drafts", "\\Flagged", "\\Junk", "\\Sent", "\\Trash");

    private final Cursor c;

    MailboxParser(Cursor c) { this.c = c; }

    /** SP mailbox (RFC 9051 {@code mailbox = "INBOX" / astring}; the name is kept as sent). */
    String mailbox() throws SyntaxException, IOException {
        c.sp();
        return c.astring("mailbox name");
    }

    /** RFC 9051 {@code select}/{@code examine} with RFC 7162's CONDSTORE and QRESYNC parameters. */
    ImapCommand select(String tag, boolean examine) throws SyntaxException, IOException {
        String mailbox = mailbox();
        boolean condstore = false;
        Optional<QResync> qresync = Optional.empty();
        if (c.tryChar(' ')) {
            c.expect('(');
            do {
                String param = c.keyword("select parameter");
                switch (param) {
                    case "CONDSTORE" -> condstore = true;
                    case "QRESYNC" -> {
                        c.sp();
                        qresync = Optional.of(qresync());
                    }
                    default -> throw SyntaxException.of("unknown select parameter");
                }
            } while (c.tryChar(' '));
            c.expect(')');
        }
        return examine ? new ImapCommand.Examine(tag, mailbox, condstore, qresync) : new ImapCommand.Select(tag, mailbox, condstore, qresync);
    }

    /** RFC 7162 §7: {@code "(" uidvalidity SP mod-sequence-value [SP known-uids] [SP seq-match-data] ")"}. */
    private QResync qresync() throws SyntaxException {
        c.expect('(');
        long uidValidity = c.nzNumber("UIDVALIDITY");
        c.sp();
        long modSeq = c.modSeq(1);
        Optional<SequenceSet> knownUids = Optional.empty();
        Optional<QResync.SeqMatch> seqMatch = Optional.empty();
        if (c.tryChar(' ')) {
            if (c.peek() != '(') {
                knownUids = Optional.of(knownSet());
                if (c.tryChar(' ')) seqMatch = Optional.of(seqMatch());
            } else {
                seqMatch = Optional.of(seqMatch());
            }
        }
        c.expect(')');
        return new QResync(uidValidity, modSeq, knownUids, seqMatch);
    }

    private QResync.SeqMatch seqMatch() throws SyntaxException {
        c.expect('(');
        SequenceSet sequences = knownSet();
        c.sp();
        SequenceSet uids = knownSet();
        c.expect(')');
        return new QResync.SeqMatch(sequences, uids);
    }

    /** RFC 7162: known-uids, known-sequence-set and known-uid-set don't allow {@code *} (nor {@code $}). */
    private SequenceSet knownSet() throws SyntaxException {
        SequenceSet set = c.sequenceSet();
        if (set.isSaved() || set.usesStar()) throw SyntaxException.of("invalid sequence set");
        return set;
    }

    /** RFC 9051 {@code create}, with RFC 6154 §3's {@code USE (attr …)} parameter. */
    ImapCommand create(String tag) throws SyntaxException, IOException {
        String mailbox = mailbox();
        List<String> use = new ArrayList<>();
        if (c.tryChar(' ')) {
            c.expect('(');
            do {
                if (!c.keyword("create parameter").equals("USE")) throw SyntaxException.of("unknown create parameter");
                c.sp();
                c.expect('(');
                if (!c.tryChar(')')) {
                    do use.add(useAttribute()); while (c.tryChar(' '));
                    c.expect(')');
                }
            } while (c.tryChar(' '));
            c.expect(')');
        }
        return new ImapCommand.Create(tag, mailbox, use);
    }

    private String useAttribute() throws SyntaxException {
        if (!c.tryChar('\\')) throw c.missingOr("special-use attribute");
        String name = "\\" + c.atom("special-use attribute");
        return USE_ATTRIBUTES.stream().filter(name::equalsIgnoreCase).findFirst().orElse(name);
    }

    /**
     * RFC 5258 §6: {@code LIST [SP list-select-opts] SP mailbox SP mbox-or-pat [SP list-return-opts]},
     * with RFC 6154's SPECIAL-USE and RFC 5819's STATUS. Unknown options are errors (RFC 5258 §3).
     */
    ImapCommand list(String tag) throws SyntaxException, IOException {
        c.sp();
        boolean extended = false;
        Set<ListSelectOption> selection = EnumSet.noneOf(ListSelectOption.class);
        if (c.peek() == '(') {
            extended = true;
            c.expect('(');
            if (!c.tryChar(')')) {
                do selection.add(selectOption()); while (c.tryChar(' '));
                c.expect(')');
            }
            c.sp();
        }
        // RFC 5258 §3.1: RECURSIVEMATCH needs an option that selects, not just REMOTE
        if (selection.contains(ListSelectOption.RECURSIVEMATCH)
                && !selection.contains(ListSelectOption.SUBSCRIBED) && !selection.contains(ListSelectOption.SPECIAL_USE))
            throw SyntaxException.of("RECURSIVEMATCH needs SUBSCRIBED or SPECIAL-USE");
        String reference = c.astring("reference name");
        c.sp();
        List<String> patterns = new ArrayList<>();
        if (c.tryChar('(')) {
            extended = true;
            do patterns.add(c.listMailbox("mailbox pattern")); while (c.tryChar(' '));
            c.expect(')');
        } else {
            patterns.add(c.listMailbox("mailbox pattern"));
        }
        Set<ListReturnOption> returns = EnumSet.noneOf(ListReturnOption.class);
        List<StatusItem> status = List.of();
        if (c.tryChar(' ')) {
            if (!c.tryKeyword("RETURN")) throw SyntaxException.of("expected RETURN");
            extended = true;
            c.sp();
            c.expect('(');
            if (!c.tryChar(')')) {
                do {
                    String option = c.keyword("return option");
                    switch (option) {
                        case "SUBSCRIBED" -> returns.add(ListReturnOption.SUBSCRIBED);
                        case "CHILDREN" -> returns.add(ListReturnOption.CHILDREN);
                        case "SPECIAL-USE" -> returns.add(ListReturnOption.SPECIAL_USE);
                        case "STATUS" -> {
                            c.sp();
                            returns.add(ListReturnOption.STATUS);
                            status = statusItems();
                        }
                        default -> throw SyntaxException.of("unknown return option");
                    }
                } while (c.tryChar(' '));
                c.expect(')');
            }
        }
        return new ImapCommand.List(tag, reference, patterns, selection, returns, status, extended);
    }

    private ListSelectOption selectOption() throws SyntaxException {
        return switch (c.keyword("selection option")) {
            case "SUBSCRIBED" -> ListSelectOption.SUBSCRIBED;
            case "REMOTE" -> ListSelectOption.REMOTE;
            case "RECURSIVEMATCH" -> ListSelectOption.RECURSIVEMATCH;
            case "SPECIAL-USE" -> ListSelectOption.SPECIAL_USE;
            default -> throw SyntaxException.of("unknown selection option");
        };
    }

    /** RFC 3501 {@code lsub = "LSUB" SP mailbox SP list-mailbox}. */
    ImapCommand lsub(String tag) throws SyntaxException, IOException {
        String reference = mailbox();
        c.sp();
        return new ImapCommand.Lsub(tag, reference, c.listMailbox("mailbox pattern"));
    }

    /** RFC 9051 {@code status = "STATUS" SP mailbox SP "(" status-att *(SP status-att) ")"}. */
    ImapCommand status(String tag) throws SyntaxException, IOException {
        String mailbox = mailbox();
        c.sp();
        return new ImapCommand.Status(tag, mailbox, statusItems());
    }

    /** {@code "(" status-att *(SP status-att) ")"}, items in any case, repeats dropped. */
    List<StatusItem> statusItems() throws SyntaxException {
        c.expect('(');
        Set<StatusItem> items = new LinkedHashSet<>();
        do {
            String name = c.keyword("status item");
            try {
                items.add(StatusItem.valueOf(name));
            } catch (IllegalArgumentException e) {
                throw SyntaxException.of("unknown status item");
            }
        } while (c.tryChar(' '));
        c.expect(')');
        return List.copyOf(items);
    }
}
