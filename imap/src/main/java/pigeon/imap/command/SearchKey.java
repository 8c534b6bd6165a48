package pigeon.imap.command;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A SEARCH criterion (RFC 9051 §6.4.4; NEW, OLD, RECENT from RFC 3501; MODSEQ from RFC 7162 §3.1.5).
 * Several keys in a row, and a parenthesised list, are an {@link And}. Strings are as the client sent
 * them (decoded with the command's CHARSET when Java knows it); matching is the session's business.
 */
public sealed interface SearchKey {
    /** {@code ALL}. */
    record All() implements SearchKey {}

    /**
     * A flag test: {@code SEEN}/{@code UNSEEN}, {@code ANSWERED}, {@code DELETED}, {@code DRAFT},
     * {@code FLAGGED} and their UN- forms, and {@code KEYWORD}/{@code UNKEYWORD k}.
     *
     * @param set true for "has the flag", false for the UN- form
     */
    record HasFlag(Flag flag, boolean set) implements SearchKey {
        public HasFlag { Objects.requireNonNull(flag); }
    }

    /** RFC 3501: {@code RECENT}. */
    record Recent() implements SearchKey {}
    /** RFC 3501: {@code NEW}, that is {@code (RECENT UNSEEN)}. */
    record New() implements SearchKey {}
    /** RFC 3501: {@code OLD}, that is {@code NOT RECENT}. */
    record Old() implements SearchKey {}

    /** Where a substring search looks. */
    enum Field { BCC, BODY, CC, FROM, SUBJECT, TEXT, TO }

    /** {@code FROM "alice"}, {@code BODY "x"} …: a case-insensitive substring test. */
    record Contains(Field field, String value) implements SearchKey {
        public Contains {
            Objects.requireNonNull(field);
            Objects.requireNonNull(value);
        }
    }

    /** {@code HEADER field value}; an empty value matches every message with the field. */
    record Header(String field, String value) implements SearchKey {
        public Header {
            Objects.requireNonNull(field);
            Objects.requireNonNull(value);
        }
    }

    /** Which date a date test uses: the internal date, or the Date: header field (SENT…). */
    enum DateField { INTERNAL, SENT }
    /** BEFORE, ON, SINCE (RFC 9051: dates compare without time and time zone). */
    enum DateRelation { BEFORE, ON, SINCE }

    /** {@code BEFORE/ON/SINCE date} or {@code SENTBEFORE/SENTON/SENTSINCE date}. */
    record Date(DateField field, DateRelation relation, LocalDate date) implements SearchKey {
        public Date {
            Objects.requireNonNull(field);
            Objects.requireNonNull(relation);
            Objects.requireNonNull(date);
        }
    }

    /**
     * RFC 5032 WITHIN: {@code OLDER n} ({@code older}): the internal date is more than {@code seconds}
     * before the search; {@code YOUNGER n}: within that many seconds of it.
     */
    record Within(boolean older, long seconds) implements SearchKey {
        public Within {
            if (seconds < 1) throw new IllegalArgumentException("interval must be positive");
        }
    }

    /** {@code LARGER n} ({@code larger}) or {@code SMALLER n}: RFC822.SIZE strictly above or below. */
    record Size(boolean larger, long octets) implements SearchKey {}

    /** {@code UID set}. */
    record Uid(SequenceSet set) implements SearchKey {
        public Uid { Objects.requireNonNull(set); }
    }

    /** A bare sequence set: message sequence numbers. */
    record Sequence(SequenceSet set) implements SearchKey {
        public Sequence { Objects.requireNonNull(set); }
    }

    record Not(SearchKey key) implements SearchKey {
        public Not { Objects.requireNonNull(key); }
    }

    record Or(SearchKey left, SearchKey right) implements SearchKey {
        public Or {
            Objects.requireNonNull(left);
            Objects.requireNonNull(right);
        }
    }

    /** All of the keys: a parenthesised list, or a search program's keys in a row. */
    record And(List<SearchKey> keys) implements SearchKey {
        public And {
            keys = List.copyOf(keys);
            if (keys.isEmpty()) throw new IllegalArgumentException("empty AND");
        }
    }

    /**
     * {@code MODSEQ ["/flags/\Seen" priv|shared|all] n} (RFC 7162 §3.1.5): messages whose mod-sequence
     * is at least {@code modSeq}. The entry, if given, narrows it to one flag's metadata.
     */
    record ModSeq(Optional<Entry> entry, long modSeq) implements SearchKey {
        /** @param flag the flag after {@code /flags/}; @param type "priv", "shared" or "all" (lower case) */
        public record Entry(Flag flag, String type) {}

        public ModSeq { Objects.requireNonNull(entry); }
    }

    SearchKey ALL = new All();
}
