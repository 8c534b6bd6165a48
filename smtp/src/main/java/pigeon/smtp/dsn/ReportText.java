package pigeon.smtp.dsn;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import pigeon.smtp.dsn.RecipientReport.Action;

/** The two text bodies of a report: the human explanation and the RFC 3464 delivery-status fields. */
final class ReportText {
    /** RFC 5322 §3.3 date-time with a numeric zone, as RFC 3464 §2.2.5 and §2.3.7 require. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);
    private static final String CRLF = "\r\n";
    /** Longest diagnostic kept; a multi-line remote reply can be long, the report has no use for more. */
    private static final int MAX_DIAGNOSTIC = 900;

    private ReportText() {}

    static String date(Instant t, ZoneId zone) { return DATE.format(t.atZone(zone)); }

    /** Part 1 (RFC 6522 §3): what happened, for a person. UTF-8 is fine here (the part says so). */
    static String human(String host, List<RecipientReport> recipients, Optional<Instant> retryUntil, ZoneId zone) {
        StringBuilder b = new StringBuilder(1024);
        b.append("This is the mail system at host ").append(host).append('.').append(CRLF).append(CRLF);
        List<RecipientReport> failed = recipients.stream().filter(r -> r.action() == Action.FAILED).toList();
        List<RecipientReport> delayed = recipients.stream().filter(r -> r.action() == Action.DELAYED).toList();
        if (!failed.isEmpty()) {
            b.append("Your message could not be delivered to the following recipients. This is a").append(CRLF)
             .append("permanent error: the mail system has given up on them.").append(CRLF).append(CRLF);
            recipientLines(b, failed);
        }
        if (!delayed.isEmpty()) {
            b.append("Your message has not been delivered yet to the following recipients. It is").append(CRLF)
             .append("still queued, and the mail system will keep trying until").append(CRLF)
             .append(date(retryUntil.orElseThrow(), zone)).append('.').append(CRLF)
             .append("You do not need to send it again; if it still cannot be delivered by then,").append(CRLF)
             .append("you will get another notice.").append(CRLF).append(CRLF);
            recipientLines(b, delayed);
        }
        b.append("The delivery report and the header of your message are attached.").append(CRLF);
        return b.toString();
    }

    private static void recipientLines(StringBuilder b, List<RecipientReport> rs) {
        for (RecipientReport r : rs) {
            b.append("  <").append(r.recipient()).append(">: ").append(oneLine(r.detail())).append(CRLF);
            r.remoteReply().filter(reply -> !r.detail().contains(reply)).ifPresent(reply ->
                    b.append("    ").append(r.remoteMta().map(m -> "(" + m + " said: ").orElse("(the server said: "))
                     .append(oneLine(reply)).append(')').append(CRLF));
        }
        b.append(CRLF);
    }

    /** Part 2, message/delivery-status (RFC 3464 §2.1): per-message fields, then a block per recipient. */
    static String deliveryStatus(String host, Instant arrival, List<RecipientReport> recipients,
                                 Optional<Instant> retryUntil, ZoneId zone) {
        StringBuilder b = new StringBuilder(512);
        field(b, "Reporting-MTA", "dns; " + ascii(host));       // §2.2.2
        field(b, "Arrival-Date", date(arrival, zone));            // §2.2.5
        for (RecipientReport r : recipients) {
            b.append(CRLF);
            field(b, "Final-Recipient", finalRecipient(r.recipient().toString()));        // §2.3.2
            field(b, "Action", r.action() == Action.FAILED ? "failed" : "delayed");     // §2.3.3
            field(b, "Status", r.status());                                               // §2.3.4
            r.remoteMta().ifPresent(m -> field(b, "Remote-MTA", "dns; " + ascii(m)));  // §2.3.5
            // §2.3.6: the remote reply as it came; without one, our own explanation under a private type.
            field(b, "Diagnostic-Code", r.remoteReply().map(s -> "smtp; " + diagnostic(s))
                    .orElseGet(() -> "X-Pigeon; " + diagnostic(r.detail())));
            field(b, "Last-Attempt-Date", date(r.lastAttempt(), zone));                  // §2.3.7
            if (r.action() == Action.DELAYED) field(b, "Will-Retry-Until", date(retryUntil.orElseThrow(), zone)); // §2.3.8
        }
        return b.toString();
    }

    /** A field, folded at spaces so lines stay near 78 characters (RFC 5322 §2.2.3 folding applies, §2.1 of 3464). */
    private static void field(StringBuilder b, String name, String value) {
        int col = name.length() + 1;
        b.append(name).append(':');
        for (String word : value.split(" ", -1)) {
            if (col + 1 + word.length() > 78 && col > name.length() + 1) {
                b.append(CRLF).append("    ");
                col = 4;
            } else {
                b.append(' ');
                col++;
            }
            b.append(word);
            col += word.length();
        }
        b.append(CRLF);
    }

    private static String diagnostic(String s) {
        String one = ascii(oneLine(s)).replaceAll(" {2,}", " ").strip();
        return one.length() > MAX_DIAGNOSTIC ? one.substring(0, MAX_DIAGNOSTIC) + "..." : one;
    }

    private static String oneLine(String s) { return s.replaceAll("[\\r\\n\\t]+", " "); }

    /** The delivery-status body is US-ASCII (RFC 3464 §2.1): anything else becomes '?'. */
    static String ascii(String s) {
        StringBuilder b = new StringBuilder(s.length());
        s.codePoints().forEach(c -> b.append(c >= 0x20 && c < 0x7f ? (char) c : c == '\t' ? ' ' : '?'));
        return b.toString();
    }

    /**
     * RFC 3464 §2.3.2 {@code rfc822; addr}; an address with UTF-8 in it uses RFC 6533 §3's {@code utf-8}
     * type in its ASCII form, each character outside QCHAR written as {@code \x{HEX}}.
     */
    static String finalRecipient(String address) {
        if (address.chars().allMatch(c -> c > 0x20 && c < 0x7f)) return "rfc822; " + address;
        StringBuilder b = new StringBuilder("utf-8; ");
        address.codePoints().forEach(c -> {
            boolean qchar = c >= 0x21 && c <= 0x7e && c != '+' && c != '=' && c != '\\';
            if (qchar) b.append((char) c);
            else b.append("\\x{").append(String.format(Locale.ROOT, "%02X", c)).append('}');
        });
        return b.toString();
    }
}
