package pigeon.imap.search;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import pigeon.imap.message.MessageView;

/**
 * THREAD (RFC 5256 §3): ORDEREDSUBJECT and REFERENCES. Subjects and dates come from the ENVELOPE; REFERENCES
 * also reads each message's header range for the References: field, which ENVELOPE lacks.
 */
public final class Threader {
    /** The algorithms supported, as the THREAD= capabilities name them. */
    public static final List<String> ALGORITHMS = List.of("ORDEREDSUBJECT", "REFERENCES");

    private Threader() {}

    /**
     * Threads the messages (normally the matches of the search, in sequence order).
     *
     * @param algorithm one of {@link #ALGORITHMS}, in any case
     * @throws IllegalArgumentException for another algorithm (the session answers NO or BAD beforehand)
     * @throws IOException when REFERENCES cannot read a message's header
     */
    public static List<ThreadNode> thread(String algorithm, List<MessageView> messages) throws IOException {
        return switch (algorithm.toUpperCase(Locale.ROOT)) {
            case "ORDEREDSUBJECT" -> orderedSubject(messages);
            case "REFERENCES" -> ReferencesThreader.thread(messages);
            default -> throw new IllegalArgumentException("unsupported threading algorithm " + algorithm);
        };
    }

    /**
     * RFC 5256 §3 ORDEREDSUBJECT: sort by base subject then sent date; each run of one base subject is a
     * thread whose first message is the parent of all the others (siblings by date); threads ordered by
     * the sent date of their first message. Ties go by sequence number.
     */
    static List<ThreadNode> orderedSubject(List<MessageView> messages) {
        record Row(MessageView m, byte[] subject, Instant date) {}
        List<Row> rows = new ArrayList<>();
        for (MessageView m : messages)
            rows.add(new Row(m, Collation.key(BaseSubject.of(m.description().envelope().subject()).text()), SentDates.sentOrInternal(m)));
        Comparator<Row> byDate = Comparator.comparing(Row::date).thenComparingInt(r -> r.m.seq());
        rows.sort(((Comparator<Row>) (a, b) -> Collation.compare(a.subject, b.subject)).thenComparing(byDate));
        List<List<Row>> runs = new ArrayList<>();
        for (Row r : rows) {
            if (runs.isEmpty() || Collation.compare(runs.getLast().getFirst().subject, r.subject) != 0) runs.add(new ArrayList<>());
            runs.getLast().add(r);
        }
        runs.sort(Comparator.comparing(run -> run.getFirst(), byDate));
        List<ThreadNode> threads = new ArrayList<>();
        for (List<Row> run : runs) {
            List<ThreadNode> children = run.subList(1, run.size()).stream()
                    .map(r -> new ThreadNode(Optional.of(r.m), List.of())).toList();
            threads.add(new ThreadNode(Optional.of(run.getFirst().m), children));
        }
        return threads;
    }
}
