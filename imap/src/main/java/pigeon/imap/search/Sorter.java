package pigeon.imap.search;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import pigeon.imap.command.SortCriterion;
import pigeon.imap.message.MessageView;
import pigeon.imap.mime.Envelope;

/**
 * SORT (RFC 5256 §3). Every key comes from memory (ENVELOPE, internal date, size): nothing is read.
 * Strings compare with i;ascii-casemap ({@link Collation}); DATE is the sent date with the internal date as
 * fallback (§2.2); an absent address or subject sorts as the empty string; messages that tie on every
 * criterion keep sequence-number order.
 */
public final class Sorter {
    private Sorter() {}

    /** The messages sorted by the criteria, in priority order; REVERSE turns one criterion around. */
    public static List<MessageView> sort(List<MessageView> messages, List<SortCriterion> criteria) {
        List<Row> rows = new ArrayList<>(messages.size());
        for (MessageView m : messages) rows.add(new Row(m, keys(m, criteria)));
        Comparator<Row> order = (a, b) -> 0;
        for (int i = 0; i < criteria.size(); i++) {
            int index = i;
            Comparator<Row> c = (a, b) -> compare(a.keys[index], b.keys[index]);
            order = order.thenComparing(criteria.get(i).reverse() ? c.reversed() : c);
        }
        order = order.thenComparingInt(r -> r.message.seq());
        rows.sort(order);
        return rows.stream().map(Row::message).toList();
    }

    private record Row(MessageView message, Object[] keys) {}

    private static Object[] keys(MessageView m, List<SortCriterion> criteria) {
        Envelope env = m.description().envelope();
        Object[] keys = new Object[criteria.size()];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = switch (criteria.get(i).key()) {
                case ARRIVAL -> m.internalDate().toInstant();
                case DATE -> SentDates.sentOrInternal(m);
                case SIZE -> m.size();
                case SUBJECT -> Collation.key(BaseSubject.of(env.subject()).text());
                case FROM -> Collation.key(AddressText.firstMailbox(env.from()));
                case TO -> Collation.key(AddressText.firstMailbox(env.to()));
                case CC -> Collation.key(AddressText.firstMailbox(env.cc()));
                case DISPLAYFROM -> Collation.key(AddressText.firstDisplay(env.from()));
                case DISPLAYTO -> Collation.key(AddressText.firstDisplay(env.to()));
            };
        }
        return keys;
    }

    private static int compare(Object a, Object b) {
        return switch (a) {
            case Instant i -> i.compareTo((Instant) b);
            case Long l -> l.compareTo((Long) b);
            case byte[] s -> Collation.compare(s, (byte[]) b);
            default -> throw new IllegalStateException("unexpected sort key " + a);
        };
    }
}
