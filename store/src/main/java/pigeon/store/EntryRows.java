package pigeon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** How mailbox entries are read from rows, and how long lists of ids are queried in chunks. */
final class EntryRows {
    /** Ids per {@code IN (…)} list: short enough for any database's parameter limit and plan cache. */
    static final int CHUNK = 500;

    /** Columns {@link #read} expects, from {@code mailbox_messages mm}. */
    static final String SELECT = """
            SELECT mm.uid, mm.message_id, mm.size, mm.internal_date, mm.modseq,
                   mm.seen, mm.answered, mm.flagged, mm.deleted, mm.draft, mm.keywords
            FROM mailbox_messages mm""";

    /** The flag columns in the order of {@link #SELECT} and of {@link #flagValues}. */
    private static final Flag[] FLAG_COLUMNS = {Flag.SEEN, Flag.ANSWERED, Flag.FLAGGED, Flag.DELETED, Flag.DRAFT};

    @FunctionalInterface interface Chunk { void run(String marks, List<Long> ids) throws SQLException; }

    private EntryRows() {}

    static MessageEntry read(ResultSet r) throws SQLException {
        Set<Flag> flags = EnumSet.noneOf(Flag.class);
        for (int i = 0; i < FLAG_COLUMNS.length; i++) if (r.getBoolean(6 + i)) flags.add(FLAG_COLUMNS[i]);
        return new MessageEntry(r.getLong(1), r.getLong(2), r.getLong(3), r.getObject(4, OffsetDateTime.class),
                r.getLong(5), Collections.unmodifiableSet(flags), keywords(r.getString(11)));
    }

    static Set<String> keywords(String stored) {
        return stored.isEmpty() ? Set.of() : Collections.unmodifiableSet(new TreeSet<>(Arrays.asList(stored.split(" "))));
    }

    /** Keywords as stored: sorted, space-separated. */
    static String keywords(Set<String> keywords) { return String.join(" ", new TreeSet<>(keywords)); }

    /** seen, answered, flagged, deleted, draft. */
    static Object[] flagValues(Set<Flag> flags) {
        Object[] out = new Object[FLAG_COLUMNS.length];
        for (int i = 0; i < out.length; i++) out[i] = flags.contains(FLAG_COLUMNS[i]);
        return out;
    }

    /**
     * The entries of these UIDs that exist, by ascending UID. The range of each chunk's UIDs is given
     * besides the list: H2 looks up neither column of (mailbox_id, uid) by an IN list on the second, and
     * without the range it reads the whole mailbox's entries to pick these out.
     */
    static List<MessageEntry> forUids(Connection c, long mailboxId, Collection<Long> uids) throws SQLException {
        List<MessageEntry> out = new ArrayList<>();
        chunks(new TreeSet<>(uids), (marks, ids) -> {
            try (PreparedStatement s = c.prepareStatement(SELECT
                    + " WHERE mm.mailbox_id = ? AND mm.uid BETWEEN ? AND ? AND mm.uid IN (" + marks + ") ORDER BY mm.uid")) {
                s.setLong(1, mailboxId);
                s.setLong(2, ids.getFirst());  // chunks come in ascending order
                s.setLong(3, ids.getLast());
                for (int i = 0; i < ids.size(); i++) s.setLong(i + 4, ids.get(i));
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) out.add(read(r));
                }
            }
        });
        return out;
    }

    /** Runs {@code work} for each run of up to {@link #CHUNK} ids (in the collection's order), with "?, ?, …" for them. */
    static void chunks(Collection<Long> ids, Chunk work) throws SQLException {
        List<Long> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += CHUNK) {
            List<Long> part = all.subList(from, Math.min(all.size(), from + CHUNK));
            work.run(String.join(", ", Collections.nCopies(part.size(), "?")), part);
        }
    }
}
