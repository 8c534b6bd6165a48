package pigeon.imap.decode;

import java.io.IOException;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import pigeon.imap.command.Flag;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.PartialRange;
import pigeon.imap.command.SearchKey;
import pigeon.imap.command.SearchKey.DateField;
import pigeon.imap.command.SearchKey.DateRelation;
import pigeon.imap.command.SearchReturn;
import pigeon.imap.command.SortCriterion;

/**
 * SEARCH (RFC 9051 §6.4.4 with RFC 4731 ESEARCH and RFC 5182 SAVE), SORT and THREAD (RFC 5256), and the
 * search-key grammar they share, RFC 3501's NEW/OLD/RECENT and RFC 7162's MODSEQ included.
 */
final class SearchParser {
    private final Cursor c;

    SearchParser(Cursor c) { this.c = c; }

    /** {@code SEARCH [SP "RETURN" SP "(" [opt *(SP opt)] ")"] SP ["CHARSET" SP charset SP] search-key *(SP search-key)}. */
    ImapCommand search(String tag, boolean uid) throws SyntaxException, IOException {
        c.sp();
        Returns returns = returns();
        Optional<String> charset = Optional.empty();
        if (c.tryKeyword("CHARSET")) {
            c.sp();
            charset = Optional.of(charset());
            c.sp();
        }
        return new ImapCommand.Search(tag, uid, charset, returns.options, returns.partial, program());
    }

    /** The RETURN options, if any, and PARTIAL's range. */
    private record Returns(Optional<Set<SearchReturn>> options, Optional<PartialRange> partial) {
        static final Returns NONE = new Returns(Optional.empty(), Optional.empty());
    }

    /** {@code [RETURN SP "(" [opt *(SP opt)] ")" SP]}. */
    private Returns returns() throws SyntaxException {
        if (!c.tryKeyword("RETURN")) return Returns.NONE;
        c.sp();
        c.expect('(');
        Set<SearchReturn> options = EnumSet.noneOf(SearchReturn.class);
        Optional<PartialRange> partial = Optional.empty();
        if (!c.tryChar(')')) {
            do {
                SearchReturn option;
                try {
                    option = SearchReturn.valueOf(c.keyword("return option"));
                } catch (IllegalArgumentException e) {
                    throw SyntaxException.of("unknown return option");
                }
                if (option == SearchReturn.PARTIAL) {
                    if (partial.isPresent()) throw SyntaxException.of("PARTIAL given twice");
                    c.sp();
                    partial = Optional.of(partialRange());
                }
                options.add(option);
            } while (c.tryChar(' '));
            c.expect(')');
        }
        c.sp();
        return new Returns(Optional.of(options), partial);
    }

    /** RFC 9394 {@code partial-range = partial-range-first / partial-range-last}: {@code 1:100} or {@code -1:-100}, no {@code *}. */
    PartialRange partialRange() throws SyntaxException {
        boolean negative = c.tryChar('-');
        long first = c.nzNumber("partial range");
        c.expect(':');
        if (negative != c.tryChar('-')) throw SyntaxException.of("invalid partial range");
        long last = c.nzNumber("partial range");
        return negative ? new PartialRange(-first, -last) : new PartialRange(first, last);
    }

    /**
     * RFC 5256: {@code SORT SP "(" ["REVERSE" SP] sort-key *(…) ")" SP charset 1*(SP search-key)}, with
     * RFC 5267's {@code [SP "RETURN" SP "(" [opt *(SP opt)] ")"]} after SORT.
     */
    ImapCommand sort(String tag, boolean uid) throws SyntaxException, IOException {
        c.sp();
        Returns returns = returns();
        c.expect('(');
        List<SortCriterion> criteria = new ArrayList<>();
        do {
            String word = c.keyword("sort key");
            boolean reverse = word.equals("REVERSE");
            if (reverse) {
                c.sp();
                word = c.keyword("sort key");
            }
            try {
                criteria.add(new SortCriterion(SortCriterion.Key.valueOf(word), reverse));
            } catch (IllegalArgumentException e) {
                throw SyntaxException.of("unknown sort key");
            }
        } while (c.tryChar(' '));
        c.expect(')');
        c.sp();
        String charset = charset();
        c.sp();
        // RETURN after the charset too (where imaptest's sort-partial puts it): RETURN is no search key, so
        // this reads nothing else differently
        if (returns == Returns.NONE) returns = returns();
        return new ImapCommand.Sort(tag, uid, returns.options, returns.partial, criteria, charset, program());
    }

    /** RFC 5256: {@code THREAD SP thread-alg SP charset 1*(SP search-key)}. */
    ImapCommand thread(String tag, boolean uid) throws SyntaxException, IOException {
        c.sp();
        String algorithm = c.keyword("threading algorithm");
        c.sp();
        String charset = charset();
        c.sp();
        return new ImapCommand.Thread(tag, uid, algorithm, charset, program());
    }

    /**
     * {@code charset = atom / quoted}. Literal strings after it are decoded with it when Java knows
     * it; otherwise the session answers NO [BADCHARSET], so the decoding doesn't matter.
     */
    private String charset() throws SyntaxException {
        String name = c.peek() == '"' ? c.quoted() : c.atom("charset");
        try {
            c.literalCharset = Charset.forName(name);
        } catch (IllegalArgumentException e) {
            // unknown or illegal name: the session refuses it
        }
        return name;
    }

    /** One or more keys; several make an AND. */
    private SearchKey program() throws SyntaxException, IOException {
        List<SearchKey> keys = new ArrayList<>();
        keys.add(key());
        while (c.tryChar(' ')) keys.add(key());
        return keys.size() == 1 ? keys.getFirst() : new SearchKey.And(keys);
    }

    /** RFC 9051 {@code search-key}. */
    private SearchKey key() throws SyntaxException, IOException {
        int ch = c.peek();
        if (ch == '(') {
            c.enter();
            c.expect('(');
            List<SearchKey> keys = new ArrayList<>();
            keys.add(key());
            while (c.tryChar(' ')) keys.add(key());
            c.expect(')');
            c.leave();
            return new SearchKey.And(keys);
        }
        if ((ch >= '0' && ch <= '9') || ch == '*' || ch == '$') return new SearchKey.Sequence(c.sequenceSet());
        String word = c.keyword("search key");
        return switch (word) {
            case "ALL" -> SearchKey.ALL;
            case "ANSWERED", "UNANSWERED" -> flag(Flag.ANSWERED, word);
            case "DELETED", "UNDELETED" -> flag(Flag.DELETED, word);
            case "DRAFT", "UNDRAFT" -> flag(Flag.DRAFT, word);
            case "FLAGGED", "UNFLAGGED" -> flag(Flag.FLAGGED, word);
            case "SEEN", "UNSEEN" -> flag(Flag.SEEN, word);
            case "KEYWORD", "UNKEYWORD" -> {
                c.sp();
                yield flag(Flag.of(c.atom("keyword")), word);
            }
            case "NEW" -> new SearchKey.New();
            case "OLD" -> new SearchKey.Old();
            case "RECENT" -> new SearchKey.Recent();
            case "BCC", "BODY", "CC", "FROM", "SUBJECT", "TEXT", "TO" -> {
                c.sp();
                yield new SearchKey.Contains(SearchKey.Field.valueOf(word), c.astring("search string"));
            }
            case "HEADER" -> {
                c.sp();
                String field = c.astring("header field name");
                c.sp();
                yield new SearchKey.Header(field, c.astring("search string"));
            }
            case "BEFORE" -> date(DateField.INTERNAL, DateRelation.BEFORE);
            case "ON" -> date(DateField.INTERNAL, DateRelation.ON);
            case "SINCE" -> date(DateField.INTERNAL, DateRelation.SINCE);
            case "SENTBEFORE" -> date(DateField.SENT, DateRelation.BEFORE);
            case "SENTON" -> date(DateField.SENT, DateRelation.ON);
            case "SENTSINCE" -> date(DateField.SENT, DateRelation.SINCE);
            case "OLDER", "YOUNGER" -> {  // RFC 5032: SP nz-number (seconds)
                c.sp();
                yield new SearchKey.Within(word.equals("OLDER"), c.nzNumber("interval"));
            }
            case "LARGER", "SMALLER" -> {
                c.sp();
                yield new SearchKey.Size(word.equals("LARGER"), c.number("size", 0, Long.MAX_VALUE));
            }
            case "UID" -> {
                c.sp();
                yield new SearchKey.Uid(c.sequenceSet());
            }
            case "NOT" -> {
                c.enter();
                c.sp();
                SearchKey key = key();
                c.leave();
                yield new SearchKey.Not(key);
            }
            case "OR" -> {
                c.enter();
                c.sp();
                SearchKey left = key();
                c.sp();
                SearchKey right = key();
                c.leave();
                yield new SearchKey.Or(left, right);
            }
            case "MODSEQ" -> modSeq();
            default -> throw SyntaxException.of("unknown search key");
        };
    }

    private static SearchKey flag(Flag flag, String word) {
        return new SearchKey.HasFlag(flag, !word.startsWith("UN"));
    }

    private SearchKey date(DateField field, DateRelation relation) throws SyntaxException {
        c.sp();
        return new SearchKey.Date(field, relation, c.date());
    }

    /** RFC 7162 §7: {@code "MODSEQ" [SP entry-name SP entry-type-req] SP mod-sequence-valzer}. */
    private SearchKey modSeq() throws SyntaxException {
        c.sp();
        Optional<SearchKey.ModSeq.Entry> entry = Optional.empty();
        if (c.peek() == '"') {
            String name = c.quoted();
            if (name.length() <= 7 || !name.regionMatches(true, 0, "/flags/", 0, 7)) throw SyntaxException.of("invalid MODSEQ entry name");
            String flag = name.substring(7);
            String atom = flag.startsWith("\\") ? flag.substring(1) : flag;
            if (atom.isEmpty() || !atom.chars().allMatch(Cursor::isAtomChar)) throw SyntaxException.of("invalid MODSEQ entry name");
            c.sp();
            String type = c.keyword("entry type").toLowerCase(Locale.ROOT);
            if (!type.equals("priv") && !type.equals("shared") && !type.equals("all")) throw SyntaxException.of("invalid MODSEQ entry type");
            c.sp();
            entry = Optional.of(new SearchKey.ModSeq.Entry(Flag.of(flag), type));
        }
        return new SearchKey.ModSeq(entry, c.modSeq(0));
    }
}
