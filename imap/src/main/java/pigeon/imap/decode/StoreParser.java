package pigeon.imap.decode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import pigeon.imap.command.Flag;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.command.StoreMode;

/** STORE (with RFC 7162's UNCHANGEDSINCE), COPY, MOVE (RFC 6851) and UID EXPUNGE (RFC 4315). */
final class StoreParser {
    private final Cursor c;

    StoreParser(Cursor c) { this.c = c; }

    /**
     * {@code STORE SP sequence-set [store-modifiers] SP store-att-flags}, where store-att-flags is
     * {@code (["+" / "-"] "FLAGS" [".SILENT"]) SP (flag-list / (flag *(SP flag)))}: flags may come
     * without parentheses (RFC 9051 §9).
     */
    ImapCommand store(String tag, boolean uid) throws SyntaxException {
        c.sp();
        SequenceSet set = c.sequenceSet();
        c.sp();
        OptionalLong unchangedSince = OptionalLong.empty();
        if (c.tryChar('(')) {
            do {
                if (!c.keyword("store modifier").equals("UNCHANGEDSINCE")) throw SyntaxException.of("unknown store modifier");
                c.sp();
                unchangedSince = OptionalLong.of(c.modSeq(0));
            } while (c.tryChar(' '));
            c.expect(')');
            c.sp();
        }
        String item = c.keyword("store item");
        StoreMode mode = item.startsWith("+") ? StoreMode.ADD : item.startsWith("-") ? StoreMode.REMOVE : StoreMode.REPLACE;
        String rest = mode == StoreMode.REPLACE ? item : item.substring(1);
        boolean silent = rest.equals("FLAGS.SILENT");
        if (!silent && !rest.equals("FLAGS")) throw SyntaxException.of("invalid store item");
        c.sp();
        List<Flag> flags;
        if (c.peek() == '(') {
            flags = c.flagList();
        } else {
            flags = new ArrayList<>();
            do flags.add(c.flag()); while (c.tryChar(' '));
        }
        return new ImapCommand.Store(tag, uid, set, unchangedSince, mode, silent, flags);
    }

    /** {@code COPY SP sequence-set SP mailbox}. */
    ImapCommand copy(String tag, boolean uid) throws SyntaxException, IOException {
        SequenceSet set = setAndSpace();
        return new ImapCommand.Copy(tag, uid, set, c.astring("mailbox name"));
    }

    /** RFC 6851: {@code MOVE SP sequence-set SP mailbox}. */
    ImapCommand move(String tag, boolean uid) throws SyntaxException, IOException {
        SequenceSet set = setAndSpace();
        return new ImapCommand.Move(tag, uid, set, c.astring("mailbox name"));
    }

    /** RFC 4315 §3: {@code "UID" SP "EXPUNGE" SP sequence-set}. */
    ImapCommand uidExpunge(String tag) throws SyntaxException {
        c.sp();
        return new ImapCommand.UidExpunge(tag, c.sequenceSet());
    }

    private SequenceSet setAndSpace() throws SyntaxException {
        c.sp();
        SequenceSet set = c.sequenceSet();
        c.sp();
        return set;
    }
}
