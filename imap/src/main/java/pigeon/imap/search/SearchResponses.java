package pigeon.imap.search;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import pigeon.imap.command.ImapCommand;
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
        Optional<List<Long>> saved = options.contains(SearchReturn.SAVE) ? Optional.of(savedUids(matches, options)) : Optional.empty();
        if (options.equals(Set.of(SearchReturn.SAVE))) return new SearchAnswer(List.of(), saved);
        return new SearchAnswer(List.of(esearch(command.tag(), matches, command.uid(), options, withModSeq)), saved);
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
        MessageView min = null, max = null;
        for (MessageView m : matches) {
            if (min == null || number(m, uid) < number(min, uid)) min = m;
            if (max == null || number(m, uid) > number(max, uid)) max = m;
        }
        return esearch(tag, matches, uid, options, withModSeq, min, max, () -> sequenceSet(numbers(matches, uid)));
    }

    /**
     * RFC 5267 §3.1: {@code * ESEARCH (TAG "a1") [UID] MIN m MAX n COUNT c ALL set} for a SORT with RETURN:
     * MIN and MAX are the first and last message in sort order, ALL lists them in sort order (runs that
     * ascend by one joined); nothing matched leaves out MIN, MAX and ALL; MODSEQ as for ESEARCH.
     */
    public static String esort(String tag, List<MessageView> sorted, boolean uid, Set<SearchReturn> options, boolean withModSeq) {
        return esearch(tag, sorted, uid, options, withModSeq, sorted.isEmpty() ? null : sorted.getFirst(),
                sorted.isEmpty() ? null : sorted.getLast(), () -> inOrder(sorted.stream().map(m -> number(m, uid)).toList()));
    }

    /** The ESEARCH response both share, given which messages are MIN and MAX and how ALL is written. */
    private static String esearch(String tag, List<MessageView> matches, boolean uid, Set<SearchReturn> options, boolean withModSeq,
                                  MessageView min, MessageView max, java.util.function.Supplier<String> all) {
        Set<SearchReturn> asked = EnumSet.noneOf(SearchReturn.class);
        asked.addAll(options);
        asked.remove(SearchReturn.SAVE);
        if (asked.isEmpty()) asked.add(SearchReturn.ALL);
        StringBuilder b = new StringBuilder("* ESEARCH (TAG ").append(ImapStrings.quoted(tag)).append(')');
        if (uid) b.append(" UID");
        if (asked.contains(SearchReturn.MIN) && min != null) b.append(" MIN ").append(number(min, uid));
        if (asked.contains(SearchReturn.MAX) && max != null) b.append(" MAX ").append(number(max, uid));
        if (asked.contains(SearchReturn.COUNT)) b.append(" COUNT ").append(matches.size());
        if (asked.contains(SearchReturn.ALL) && !matches.isEmpty()) b.append(" ALL ").append(all.get());
        if (withModSeq && !matches.isEmpty()) {
            boolean onlyEnds = !asked.contains(SearchReturn.ALL) && !asked.contains(SearchReturn.COUNT);
            b.append(" MODSEQ ").append(highestModSeq(onlyEnds ? ends(asked, min, max) : matches).getAsLong());
        }
        return b.toString();
    }

    /**
     * RFC 5182 §2.1: what SAVE keeps, as UIDs: the MIN and/or MAX message when only those were asked for
     * beside SAVE, else every match.
     */
    public static List<Long> savedUids(List<MessageView> matches, Set<SearchReturn> options) {
        boolean onlyEnds = (options.contains(SearchReturn.MIN) || options.contains(SearchReturn.MAX))
                && !options.contains(SearchReturn.ALL) && !options.contains(SearchReturn.COUNT);
        List<MessageView> kept = matches;
        if (onlyEnds && !matches.isEmpty()) {
            MessageView min = matches.getFirst(), max = matches.getFirst();
            for (MessageView m : matches) {
                if (m.uid() < min.uid()) min = m;
                if (m.uid() > max.uid()) max = m;
            }
            kept = ends(options, min, max);
        }
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
        boolean onlyEnds = (options.contains(SearchReturn.MIN) || options.contains(SearchReturn.MAX))
                && !options.contains(SearchReturn.ALL) && !options.contains(SearchReturn.COUNT);
        List<MessageView> kept = onlyEnds && !sorted.isEmpty() ? ends(options, sorted.getFirst(), sorted.getLast()) : sorted;
        return kept.stream().map(MessageView::uid).sorted().distinct().toList();
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

    private static List<Long> numbers(List<MessageView> messages, boolean uid) {
        return messages.stream().map(m -> number(m, uid)).sorted().toList();
    }

    private static long number(MessageView m, boolean uid) {
        return uid ? m.uid() : m.seq();
    }
}
