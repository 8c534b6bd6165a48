package pigeon.imap.search;

import java.io.IOException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pigeon.imap.command.Flag;
import pigeon.imap.command.SearchKey;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.message.MessageView;
import pigeon.imap.mime.Envelope;

/**
 * Evaluates a SEARCH program (RFC 9051 §6.4.4, RFC 3501's RECENT/NEW/OLD, RFC 7162 §3.1.5 MODSEQ) over the
 * messages of the selected mailbox.
 *
 * <p>Cost: flag, size, date, sequence, UID and MODSEQ keys use what {@link MessageView} holds in memory;
 * FROM/TO/CC/BCC/SUBJECT/SENT* use the ENVELOPE (also in memory); HEADER reads the header's byte range;
 * BODY and TEXT stream the text parts. The keys of an AND and the sides of an OR are tried cheapest first,
 * so a message is only opened when the cheap keys have not already decided.
 *
 * <p>Strings match as case-insensitive substrings ({@link Needle}), after RFC 2047 decoding. FROM, TO, CC
 * and BCC search "the envelope structure's" field (RFC 9051) rendered as text, {@code Name <local@host>}.
 */
public final class SearchEngine {

    /**
     * The messages that match, in the order given.
     *
     * @param messages the messages to test, normally the whole mailbox in sequence order
     * @throws IOException when a message's bytes cannot be read
     */
    public List<MessageView> search(SearchKey key, List<MessageView> messages, SearchContext ctx) throws IOException {
        SearchKey plan = cheapestFirst(key);
        Evaluation e = new Evaluation(ctx);
        List<MessageView> out = new ArrayList<>();
        for (MessageView m : messages) if (e.matches(plan, new Candidate(m))) out.add(m);
        return out;
    }

    /** Whether the program has a MODSEQ key, so that responses carry the highest mod-sequence (RFC 7162 §3.1.5). */
    public static boolean usesModSeq(SearchKey key) {
        return uses(key, k -> k instanceof SearchKey.ModSeq);
    }

    /**
     * Whether the key names messages by number in a way that moves as messages come and go: a sequence set
     * (sequence numbers shift at each expunge), or a UID set with {@code *} (the highest UID grows). RFC 5267
     * contexts search such keys again over the whole mailbox.
     */
    public static boolean usesNumbers(SearchKey key) {
        return uses(key, k -> k instanceof SearchKey.Sequence s && !s.set().isSaved()
                || k instanceof SearchKey.Uid u && u.set().usesStar());
    }

    /** Whether some key in the tree (NOT, OR and AND looked into) satisfies {@code leaf}. */
    private static boolean uses(SearchKey key, java.util.function.Predicate<SearchKey> leaf) {
        return switch (key) {
            case SearchKey.Not n -> uses(n.key(), leaf);
            case SearchKey.Or o -> uses(o.left(), leaf) || uses(o.right(), leaf);
            case SearchKey.And a -> a.keys().stream().anyMatch(k -> uses(k, leaf));
            default -> leaf.test(key);
        };
    }

    /** 0: in memory; 1: header bytes; 2: body bytes. */
    static int cost(SearchKey key) {
        return switch (key) {
            case SearchKey.Header h -> 1;
            case SearchKey.Contains c -> c.field() == SearchKey.Field.BODY || c.field() == SearchKey.Field.TEXT ? 2 : 0;
            case SearchKey.Not n -> cost(n.key());
            case SearchKey.Or o -> Math.max(cost(o.left()), cost(o.right()));
            case SearchKey.And a -> a.keys().stream().mapToInt(SearchEngine::cost).max().orElse(0);
            default -> 0;
        };
    }

    /** The same program with the keys of every AND and the sides of every OR in ascending cost (stable). */
    static SearchKey cheapestFirst(SearchKey key) {
        return switch (key) {
            case SearchKey.Not n -> new SearchKey.Not(cheapestFirst(n.key()));
            case SearchKey.Or o -> {
                SearchKey l = cheapestFirst(o.left()), r = cheapestFirst(o.right());
                yield cost(r) < cost(l) ? new SearchKey.Or(r, l) : new SearchKey.Or(l, r);
            }
            case SearchKey.And a -> new SearchKey.And(a.keys().stream().map(SearchEngine::cheapestFirst)
                    .sorted(Comparator.comparingInt(SearchEngine::cost)).toList());
            default -> key;
        };
    }

    /** One search: the context, and the search strings compiled once. */
    private static final class Evaluation {
        private final SearchContext ctx;
        private final Map<String, Needle> needles = new HashMap<>();

        Evaluation(SearchContext ctx) {
            this.ctx = ctx;
        }

        boolean matches(SearchKey key, Candidate c) throws IOException {
            MessageView m = c.message;
            return switch (key) {
                case SearchKey.All a -> true;
                case SearchKey.HasFlag f -> c.hasFlag(f.flag().name()) == f.set();
                case SearchKey.Recent r -> c.hasFlag(Flag.RECENT.name());
                case SearchKey.New n -> c.hasFlag(Flag.RECENT.name()) && !c.hasFlag(Flag.SEEN.name());
                case SearchKey.Old o -> !c.hasFlag(Flag.RECENT.name());
                case SearchKey.Size s -> s.larger() ? m.size() > s.octets() : m.size() < s.octets();
                case SearchKey.Within w -> m.internalDate().toInstant().isBefore(ctx.now().minusSeconds(w.seconds())) == w.older();
                case SearchKey.Uid u -> inSet(u.set(), m.uid(), ctx.maxUid(), m);
                case SearchKey.Sequence s -> inSet(s.set(), m.seq(), ctx.maxSeq(), m);
                // RFC 7162 §3.1.5: without per-flag mod-sequences, the entry name and type are ignored
                case SearchKey.ModSeq s -> m.modSeq() >= s.modSeq();
                case SearchKey.Date d -> date(d, m);
                case SearchKey.Contains s -> contains(s, c);
                case SearchKey.Header h -> header(h, c);
                case SearchKey.Not n -> !matches(n.key(), c);
                case SearchKey.Or o -> matches(o.left(), c) || matches(o.right(), c);
                case SearchKey.And a -> {
                    for (SearchKey k : a.keys()) if (!matches(k, c)) yield false;
                    yield true;
                }
            };
        }

        /** RFC 5182 §2.1: {@code $} names the saved messages, whether used as sequence numbers or UIDs. */
        private boolean inSet(SequenceSet set, long n, long max, MessageView m) {
            return set.isSaved() ? ctx.savedUids().contains(m.uid()) : set.contains(n, max);
        }

        private boolean date(SearchKey.Date d, MessageView m) {
            Optional<LocalDate> day = switch (d.field()) {
                // RFC 9051 §6.4.4 "disregarding time and timezone": the day in the internal date's own zone
                case INTERNAL -> Optional.of(m.internalDate().toLocalDate());
                // the Date: field's own day, in its own zone; a missing or unparsable field matches nothing
                case SENT -> SentDates.parse(m.description().envelope().date()).map(OffsetDateTime::toLocalDate);
            };
            if (day.isEmpty()) return false;
            int cmp = day.get().compareTo(d.date());
            return switch (d.relation()) {
                case BEFORE -> cmp < 0;
                case ON -> cmp == 0;
                case SINCE -> cmp >= 0;
            };
        }

        private boolean contains(SearchKey.Contains s, Candidate c) throws IOException {
            Needle needle = needle(s.value());
            Envelope env = c.message.description().envelope();
            return switch (s.field()) {
                case SUBJECT -> needle.in(EncodedWords.decode(env.subject()));
                case FROM -> needle.in(AddressText.render(env.from()));
                case TO -> needle.in(AddressText.render(env.to()));
                case CC -> needle.in(AddressText.render(env.cc()));
                case BCC -> needle.in(AddressText.render(env.bcc()));
                case BODY -> TextSearch.inBody(c.message, c.message.description().body(), needle);
                case TEXT -> needle.isEmpty() || TextSearch.inHeader(c.header(), needle)
                        || TextSearch.inBody(c.message, c.message.description().body(), needle);
            };
        }

        /** Any field of that name (all occurrences) whose decoded value contains the string. */
        private boolean header(SearchKey.Header h, Candidate c) throws IOException {
            Needle needle = needle(h.value());
            for (HeaderBlock.Field f : c.header()) {
                if (f.is(h.field()) && (needle.isEmpty() || needle.in(f.decoded()))) return true;
            }
            return false;
        }

        private Needle needle(String s) {
            return needles.computeIfAbsent(s, Needle::of);
        }
    }
}
