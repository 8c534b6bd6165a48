package pigeon.imap.command;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

/** IMAP's two date formats (RFC 9051 §9 {@code date} and {@code date-time}). */
public final class ImapDates {
    private static final List<String> MONTHS = List.of("JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC");

    private ImapDates() {}

    /**
     * Parses {@code date-text}: {@code date-day "-" date-month "-" date-year}, e.g. {@code 1-Feb-1994}
     * or {@code 01-feb-1994} (1 or 2 day digits; the month in any case; 4 year digits).
     *
     * @throws IllegalArgumentException if it is not a valid date
     */
    public static LocalDate parseDate(String text) {
        String[] p = text.split("-", -1);
        if (p.length != 3 || p[0].isEmpty() || p[0].length() > 2) throw invalid(text);
        return date(text, p[0], p[1], p[2]);
    }

    /**
     * Parses the inside of a quoted {@code date-time}: {@code date-day-fixed "-" date-month "-"
     * date-year SP time SP zone}, e.g. {@code 17-Jul-1996 02:44:25 -0700} or {@code " 7-Jul-1996 …"}
     * (a one-digit day is preceded by a space).
     *
     * @throws IllegalArgumentException if it is not a valid date-time
     */
    public static OffsetDateTime parseDateTime(String text) {
        // "dd-Mmm-yyyy hh:mm:ss +zzzz" is exactly 26 characters
        if (text.length() != 26 || text.charAt(2) != '-' || text.charAt(6) != '-' || text.charAt(11) != ' '
                || text.charAt(14) != ':' || text.charAt(17) != ':' || text.charAt(20) != ' ') throw invalid(text);
        String day = text.charAt(0) == ' ' ? text.substring(1, 2) : text.substring(0, 2);
        LocalDate date = date(text, day, text.substring(3, 6), text.substring(7, 11));
        int hour = digits(text, 12, 14), minute = digits(text, 15, 17), second = digits(text, 18, 20);
        char sign = text.charAt(21);
        if (sign != '+' && sign != '-') throw invalid(text);
        int zh = digits(text, 22, 24), zm = digits(text, 24, 26);
        if (zm > 59) throw invalid(text);
        try {
            ZoneOffset zone = ZoneOffset.ofHoursMinutes(sign == '-' ? -zh : zh, sign == '-' ? -zm : zm);
            return OffsetDateTime.of(LocalDateTime.of(date, java.time.LocalTime.of(hour, minute, second)), zone);
        } catch (DateTimeException e) {
            throw invalid(text);
        }
    }

    /** Formats a {@code date-time} without its quotes, e.g. {@code 17-Jul-1996 02:44:25 -0700}. */
    public static String formatDateTime(OffsetDateTime t) {
        int offset = t.getOffset().getTotalSeconds() / 60;
        String month = MONTHS.get(t.getMonthValue() - 1);
        return String.format(Locale.ROOT, "%02d-%s-%04d %02d:%02d:%02d %s%02d%02d", t.getDayOfMonth(),
                month.charAt(0) + month.substring(1).toLowerCase(Locale.ROOT), t.getYear(), t.getHour(), t.getMinute(),
                t.getSecond(), offset < 0 ? "-" : "+", Math.abs(offset) / 60, Math.abs(offset) % 60);
    }

    private static LocalDate date(String text, String day, String month, String year) {
        int m = MONTHS.indexOf(month.toUpperCase(Locale.ROOT));
        if (m < 0 || year.length() != 4) throw invalid(text);
        try {
            return LocalDate.of(digits(year, 0, 4), m + 1, digits(day, 0, day.length()));
        } catch (DateTimeException e) {
            throw invalid(text);
        }
    }

    private static int digits(String s, int from, int to) {
        if (from >= to) throw invalid(s);
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') throw invalid(s);
            n = n * 10 + (c - '0');
        }
        return n;
    }

    private static IllegalArgumentException invalid(String text) { return new IllegalArgumentException("invalid date: " + text); }
}
