package pigeon.imap.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Function;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.PartialRange;
import pigeon.imap.command.SearchReturn;
import pigeon.imap.message.MessageView;
import pigeon.imap.mime.ImapStrings;

/**
 * The untagged SEARCH, ESEARCH and SORT responses. Lines come without CRLF. {@code matches} are in mailbox
 * (sequence) order, as {@link SearchEngine#search} returns them; a SORT result in its sorted order.
 */
public final class SearchResponses {
    private SearchResponses() {}

    /**
     * The whole answer to a SEARCH: {@code * SEARCH} for an IMAP4rev1 SEARCH without RETURN, else one
     * {@code * ESEARCH} (RFC 4731 §3.1; RFC 9051 §6.4.4, where no RETURN means ALL), nothing for
     * {@code RETURN (SAVE)} alone (RFC 5182 §2.1), and what SAVE keeps.
     *
     * @param withModSeq whether the program had a MODSEQ key ({@link SearchEngine#usesModSeq})
     * @param rev2       whether the session is in IMAP4rev2 mode
     */
    public static SearchAnswer answer(ImapCommand.Search command, List<MessageView> matches, boolean withModSeq, boolean rev2) {
        if (command.returnOptions().isEmpty()) {
            String line = rev2 ? esearch(command.tag(), matches, command.uid(), Set.of(SearchReturn.ALL), withModSeq)
                    : search(matches, command.uid(), withModSeq);
            return new SearchAnswer(List.of(line), Optional.empty());
        }
        Set<SearchReturn> options = command.returnOptions().get();
        Optional<PartialRange> partial = command.partial();
        Optional<List<Long>> saved = options.contains(SearchReturn.SAVE) ? Optional.of(savedUids(matches, options, partial)) : Optional.empty();
        if (options.equals(Set.of(SearchReturn.SAVE))) return new SearchAnswer(List.of(), saved);
        return new SearchAnswer(List.of(esearch(command.tag(), matches, command.uid(), options, partial, withModSeq)), saved);
    }

    /** {@code * SEARCH 2 5 9}, with {@code (MODSEQ n)} after a non-empty result when asked (RFC 7162 §3.1.5). */
    public static String search(List<MessageView> matches, boolean uid, boolean withModSeq) {
        return numberList("* SEARCH", matches, uid, withModSeq);
    }

    /** {@code * SORT 5 3 4 1 2} (RFC 5256 §4), with {@code (MODSEQ n)} as for SEARCH (RFC 7162 §3.1.5). */
    public static String sort(List<MessageView> sorted, boolean uid, boolean withModSeq) {
        return numberList("* SORT", sorted, uid, withModSeq);
    }

    /**
     * {@code * ESEARCH (TAG "a1") UID MIN 2 MAX 9 COUNT 3 ALL 2,5,9 MODSEQ 12}: the requested items only
     * (an empty set or SAVE alone means ALL, RFC 4731 §3.1), MIN, MAX and ALL left out when nothing matched,
     * COUNT always when asked; MODSEQ per RFC 4731 §3.2: of the MIN or MAX message when only those were asked,
     * else the highest of all matches.
     */
    public static String esearch(String tag, List<MessageView> matches, boolean uid, Set<SearchReturn> options, boolean withModSeq) {
        return esearch(tag, matches, uid, options, Optional.empty(), withModSeq);
    }

    /** As above, with RFC 9394's {@code PARTIAL (range set)} of the matches in ascending order when asked. */
    public static String esearch(String tag, List<MessageView> matches, boolean uid, Set<SearchReturn> options,
                                 Optional<PartialRange> partial, boolean withModSeq) {
        List<MessageView> ascending = ascending(matches, uid);
        return esearch(tag, ascending, uid, options, partial, withModSeq, ascending.isEmpty() ? null : ascending.getFirst(),
                ascending.isEmpty() ? null : ascending.getLast(), list -> sequenceSet(numbers(list, uid)));
    }

    /**
     * RFC 5267 §3.1: {@code * ESEARCH (TAG "a1") [UID] MIN m MAX n COUNT c ALL set} for a SORT with RETURN:
     * MIN and MAX are the first and last message in sort order, ALL lists them in sort order (runs that
     * ascend by one joined); nothing matched leaves out MIN, MAX and ALL; MODSEQ as for ESEARCH.
     */
    public static String esort(String tag, List<MessageView> sorted, boolean uid, Set<SearchReturn> options, boolean withModSeq) {
        return esort(tag, sorted, uid, options, Optional.empty(), withModSeq);
    }

    /** As above, with RFC 9394's {@code PARTIAL (range set)} of the sorted matches, in sort order, when asked. */
    public static String esort(String tag, List<MessageView> sorted, boolean uid, Set<SearchReturn> options,
                               Optional<PartialRange> partial, boolean withModSeq) {
        return esearch(tag, sorted, uid, options, partial, withModSeq, sorted.isEmpty() ? null : sorted.getFirst(),
                sorted.isEmpty() ? null : sorted.getLast(), list -> inOrder(list.stream().map(m -> number(m, uid)).toList()));
    }

    /**
     * RFC 5267 §4.3.2-4.3.4: {@code * ESEARCH (TAG "t") [UID] REMOVEFROM (pos set …) ADDTO (pos set …)} for a context
     * that changed, either item left out when empty. Each pair is a position (0 for a SEARCH context) and the
     * numbers from there on, written in the order given.
     */
    public static String contextUpdate(String tag, boolean uid, List<ContextChange> removed, List<ContextChange> added) {
        StringBuilder b = head(tag, uid);
        if (!removed.isEmpty()) b.append(" REMOVEFROM (").append(pairs(removed)).append(')');
        if (!added.isEmpty()) b.append(" ADDTO (").append(pairs(added)).append(')');
        return b.toString();
    }

    /** One {@code context-position SP sequence-set} of ADDTO or REMOVEFROM; {@code numbers} in context order. */
    public record ContextChange(long position, List<Long> numbers) {
        public ContextChange { numbers = List.copyOf(numbers); }
    }

    private static String pairs(List<ContextChange> changes) {
        StringBuilder b = new StringBuilder();
        for (ContextChange c : changes) {
            if (!b.isEmpty()) b.append(' ');
            b.append(c.position()).append(' ').append(c.position() == 0 ? sequenceSet(c.numbers().stream().sorted().toList()) : inOrder(c.numbers()));
        }
        return b.toString();
    }

    private static StringBuilder head(String tag, boolean uid) {
        StringBuilder b = new StringBuilder("* ESEARCH (TAG ").append(ImapStrings.quoted(tag)).append(')');
        if (uid) b.append(" UID");
        return b;
    }

    /**
     * The ESEARCH response both share, given which messages are MIN and MAX and how a list of them is written
     * (ALL, PARTIAL). RETURN () means ALL, and so do SAVE or CONTEXT alone; with UPDATE nothing is implied (the
     * client may want only the updates). PARTIAL is written even when nothing is in its range ({@code NIL}).
     */
    private static String esearch(String tag, List<MessageView> matches, boolean uid, Set<SearchReturn> options,
                                  Optional<PartialRange> partial, boolean withModSeq, MessageView min, MessageView max,
                                  Function<List<MessageView>, String> list) {
        Set<SearchReturn> asked = EnumSet.noneOf(SearchReturn.class);
        asked.addAll(options);
        asked.removeAll(EnumSet.of(SearchReturn.SAVE, SearchReturn.CONTEXT, SearchReturn.UPDATE));
        if (asked.isEmpty() && !options.contains(SearchReturn.UPDATE)) asked.add(SearchReturn.ALL);
        StringBuilder b = head(tag, uid);
        if (asked.contains(SearchReturn.MIN) && min != null) b.append(" MIN ").append(number(min, uid));
        if (asked.contains(SearchReturn.MAX) && max != null) b.append(" MAX ").append(number(max, uid));
        if (asked.contains(SearchReturn.COUNT)) b.append(" COUNT ").append(matches.size());
        if (asked.contains(SearchReturn.ALL) && !matches.isEmpty()) b.append(" ALL ").append(list.apply(matches));
        if (partial.isPresent()) {
            List<MessageView> page = partial.get().select(matches);
            b.append(" PARTIAL (").append(partial.get()).append(' ').append(page.isEmpty() ? "NIL" : list.apply(page)).append(')');
        }
        if (withModSeq && !matches.isEmpty() && !asked.isEmpty()) {
            boolean onlyEnds = !asked.contains(SearchReturn.ALL) && !asked.contains(SearchReturn.COUNT) && partial.isEmpty();
            b.append(" MODSEQ ").append(highestModSeq(onlyEnds ? ends(asked, min, max) : matches).getAsLong());
        }
        return b.toString();
    }

    /**
     * RFC 5182 §2.1: what SAVE keeps, as UIDs: the MIN and/or MAX message when only those were asked for
     * beside SAVE, else every match.
     */
    public static List<Long> savedUids(List<MessageView> matches, Set<SearchReturn> options) {
        return savedUids(matches, options, Optional.empty());
    }

    /**
     * As above; with RFC 9394's PARTIAL and neither ALL nor COUNT, what the response lists (the page, and MIN
     * and MAX when asked) is what SAVE keeps.
     */
    public static List<Long> savedUids(List<MessageView> matches, Set<SearchReturn> options, Optional<PartialRange> partial) {
        return kept(ascending(matches, false), options, partial);
    }

    /** What SAVE keeps of a result in its order (ascending for SEARCH, sort order for SORT), as ascending UIDs. */
    private static List<Long> kept(List<MessageView> ordered, Set<SearchReturn> options, Optional<PartialRange> partial) {
        boolean onlyListed = (options.contains(SearchReturn.MIN) || options.contains(SearchReturn.MAX) || partial.isPresent())
                && !options.contains(SearchReturn.ALL) && !options.contains(SearchReturn.COUNT);
        if (!onlyListed) return ordered.stream().map(MessageView::uid).sorted().distinct().toList();
        List<MessageView> kept = new ArrayList<>();
        if (!ordered.isEmpty()) kept.addAll(ends(options, ordered.getFirst(), ordered.getLast()));
        partial.ifPresent(p -> kept.addAll(p.select(ordered)));
        return kept.stream().map(MessageView::uid).sorted().distinct().toList();
    }

    /**
     * A sequence-set for ascending numbers, runs joined: {@code 1:5,7} (RFC 9051 §9). Empty for none, which
     * the grammar does not allow: callers leave the item out instead.
     */
    public static String sequenceSet(List<Long> ascending) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < ascending.size()) {
            long first = ascending.get(i), last = first;
            while (i + 1 < ascending.size() && ascending.get(i + 1) <= last + 1) last = Math.max(last, ascending.get(++i));
            i++;
            if (!b.isEmpty()) b.append(',');
            b.append(first);
            if (last != first) b.append(':').append(last);
        }
        return b.toString();
    }

    /**
     * RFC 5182 §2.4 with RFC 5267: what SAVE keeps of a SORT, as UIDs: the first and/or last message in
     * sort order when only MIN and/or MAX were asked for beside SAVE, else every match.
     */
    public static List<Long> savedUidsOfSort(List<MessageView> sorted, Set<SearchReturn> options) {
        return kept(sorted, options, Optional.empty());
    }

    /** As above, with PARTIAL as for {@link #savedUids(List, Set, Optional)}. */
    public static List<Long> savedUidsOfSort(List<MessageView> sorted, Set<SearchReturn> options, Optional<PartialRange> partial) {
        return kept(sorted, options, partial);
    }

    /** A sequence-set that keeps the order of {@code numbers}: only runs that go up by one are joined ({@code 5,3:4,1}). */
    static String inOrder(List<Long> numbers) {
        StringBuilder b = new StringBuilder();
        int i = 0;
        while (i < numbers.size()) {
            long first = numbers.get(i), last = first;
            while (i + 1 < numbers.size() && numbers.get(i + 1) == last + 1) last = numbers.get(++i);
            i++;
            if (!b.isEmpty()) b.append(',');
            b.append(first);
            if (last != first) b.append(':').append(last);
        }
        return b.toString();
    }

    /** The highest mod-sequence of the messages; empty for none. */
    public static OptionalLong highestModSeq(List<MessageView> messages) {
        return messages.stream().mapToLong(MessageView::modSeq).max();
    }

    private static String numberList(String head, List<MessageView> messages, boolean uid, boolean withModSeq) {
        StringBuilder b = new StringBuilder(head);
        for (MessageView m : messages) b.append(' ').append(number(m, uid));
        // RFC 7162 §7: search-sort-mod-seq follows at least one number
        if (withModSeq && !messages.isEmpty()) b.append(" (MODSEQ ").append(highestModSeq(messages).getAsLong()).append(')');
        return b.toString();
    }

    private static List<MessageView> ends(Set<SearchReturn> asked, MessageView min, MessageView max) {
        List<MessageView> ends = new ArrayList<>(2);
        if (asked.contains(SearchReturn.MIN)) ends.add(min);
        if (asked.contains(SearchReturn.MAX) && max != min) ends.add(max);
        return ends;
    }

    /** The messages in ascending order of their numbers (a SEARCH result usually is already). */
    private static List<MessageView> ascending(List<MessageView> messages, boolean uid) {
        for (int i = 1; i < messages.size(); i++) {
            if (number(messages.get(i - 1), uid) > number(messages.get(i), uid))
                return messages.stream().sorted(java.util.Comparator.comparingLong(m -> number(m, uid))).toList();
        }
        return messages;
    }

    private static List<Long> numbers(List<MessageView> messages, boolean uid) {
        return messages.stream().map(m -> number(m, uid)).sorted().toList();
    }

    private static long number(MessageView m, boolean uid) {
        return uid ? m.uid() : m.seq();
    }
}
