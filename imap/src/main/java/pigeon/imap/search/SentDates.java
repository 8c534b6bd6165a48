package pigeon.imap.search;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import pigeon.imap.message.MessageView;

/**
 * Reads the Date: header field (RFC 5322 §3.3), leniently: the obsolete forms of §4.3 (two- and three-digit
 * years, zone names, comments, missing seconds), a missing day of week, extra or missing spaces, asctime
 * order ("Jan 5 10:00:00 2024"), a missing zone (taken as +0000). Anything without a day, month and year
 * is unparsable.
 */
final class SentDates {
    private static final List<String> MONTHS = List.of("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec");
    // RFC 5322 §4.3 obs-zone; military zones are taken as +0000, as the RFC says they are unreliable
    private static final Map<String, Integer> ZONES = Map.of("ut", 0, "gmt", 0, "z", 0, "utc", 0,
            "est", -5, "edt", -4, "cst", -6, "cdt", -5, "mst", -7, "mdt", -6);
    private static final Map<String, Integer> PACIFIC = Map.of("pst", -8, "pdt", -7);

    private SentDates() {}

    /** The date and time, in the header's own zone; empty when absent or unparsable. */
    static Optional<OffsetDateTime> parse(String value) {
        if (value == null) return Optional.empty();
        Integer day = null, month = null, year = null;
        LocalTime time = null;
        ZoneOffset zone = null;
        for (String t : tokens(withoutComments(value))) {
            String lower = t.toLowerCase(Locale.ROOT);
            if (t.indexOf(':') > 0 && time == null && Character.isDigit(t.charAt(0))) {
                time = time(t);
                if (time == null) return Optional.empty();
            } else if ((t.charAt(0) == '+' || t.charAt(0) == '-') && t.length() > 1 && zone == null) {
                zone = offset(t);
            } else if (Character.isDigit(t.charAt(0))) {
                if (!t.chars().allMatch(Character::isDigit) || t.length() > 4) return Optional.empty();
                int n = Integer.parseInt(t);
                if (day == null && t.length() <= 2 && n >= 1 && n <= 31 && year == null) day = n;
                else if (year == null) year = t.length() == 4 ? n : n < 50 ? 2000 + n : 1900 + n; // RFC 5322 §4.3
            } else if (lower.length() >= 3 && MONTHS.contains(lower.substring(0, 3)) && month == null) {
                month = MONTHS.indexOf(lower.substring(0, 3)) + 1;
            } else if (zone == null && (ZONES.containsKey(lower) || PACIFIC.containsKey(lower))) {
                zone = ZoneOffset.ofHours(ZONES.getOrDefault(lower, PACIFIC.get(lower)));
            }
            // anything else (day of week, military zone letters, junk) is ignored
        }
        if (day == null || month == null || year == null) return Optional.empty();
        try {
            LocalDateTime local = LocalDateTime.of(LocalDate.of(year, month, day), time == null ? LocalTime.MIDNIGHT : time);
            return Optional.of(OffsetDateTime.of(local, zone == null ? ZoneOffset.UTC : zone));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    /** RFC 5256 §2.2: the sent date, or the internal date when the Date: field is missing or unparsable. */
    static Instant sentOrInternal(MessageView m) {
        return parse(m.description().envelope().date()).map(OffsetDateTime::toInstant).orElse(m.internalDate().toInstant());
    }

    private static LocalTime time(String t) {
        String[] p = t.split(":", -1);
        if (p.length < 2 || p.length > 3) return null;
        try {
            int h = Integer.parseInt(p[0]), m = Integer.parseInt(p[1]);
            String sec = p.length == 3 ? p[2] : "0";
            int dot = sec.indexOf('.');
            int s = Integer.parseInt(dot < 0 ? sec : sec.substring(0, dot));
            return LocalTime.of(h, m, s == 60 ? 59 : s); // a leap second is kept in its minute
        } catch (NumberFormatException | DateTimeException e) {
            return null;
        }
    }

    /** {@code +hhmm}, also {@code +hh:mm} and {@code +hh}; out of range or malformed is +0000. */
    private static ZoneOffset offset(String t) {
        String digits = t.substring(1).replace(":", "");
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 4) return ZoneOffset.UTC;
        if (digits.length() <= 2) digits = digits + "00";
        int h = Integer.parseInt(digits.substring(0, digits.length() - 2)), m = Integer.parseInt(digits.substring(digits.length() - 2));
        try {
            return t.charAt(0) == '-' ? ZoneOffset.ofHoursMinutes(-h, -m) : ZoneOffset.ofHoursMinutes(h, m);
        } catch (DateTimeException e) {
            return ZoneOffset.UTC;
        }
    }

    private static List<String> tokens(String s) {
        return List.of(s.trim().split("[\\s,]+")).stream().filter(t -> !t.isEmpty()).flatMap(SentDates::splitDashes).toList();
    }

    /** "5-Jan-2024" as three tokens and "10:00:00+0100" as two (both seen in the wild); a sign starts a zone. */
    private static java.util.stream.Stream<String> splitDashes(String t) {
        int sign = Math.max(t.indexOf('+', 1), t.indexOf('-', 1));
        if (t.indexOf(':') > 0 && sign > 0) return java.util.stream.Stream.of(t.substring(0, sign), t.substring(sign));
        if (sign > 0 && t.charAt(0) != '-' && t.charAt(0) != '+' && t.indexOf(':') < 0)
            return java.util.stream.Stream.of(t.split("-")).filter(x -> !x.isEmpty());
        return java.util.stream.Stream.of(t);
    }

    private static String withoutComments(String s) {
        StringBuilder out = new StringBuilder(s.length());
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && depth > 0) i++;
            else if (c == '(') depth++;
            else if (c == ')' && depth > 0) depth--;
            else if (depth == 0) out.append(c);
        }
        return out.toString();
    }
}
