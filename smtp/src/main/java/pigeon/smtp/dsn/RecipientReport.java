package pigeon.smtp.dsn;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import pigeon.protocol.delivery.MailAddress;

/**
 * What happened to one recipient: one per-recipient block of a delivery status notification
 * (RFC 3464 §2.3) and one paragraph of its human-readable part.
 *
 * @param recipient   Final-Recipient
 * @param action      Action: failed or delayed
 * @param status      Status, an RFC 3463 code such as {@code 5.1.1} or {@code 4.4.1}
 * @param remoteMta   Remote-MTA, the host whose reply this was, when a remote server answered
 * @param remoteReply Diagnostic-Code ({@code smtp; 550 5.1.1 No such user}): the remote reply on one
 *                    line, code first, when a remote server answered
 * @param detail      a one-line explanation for the human-readable part, e.g. "connection refused by
 *                    mx.example.org"; when there is no remote reply it also becomes the Diagnostic-Code
 *                    ({@code X-Pigeon; …})
 * @param lastAttempt Last-Attempt-Date
 */
public record RecipientReport(MailAddress recipient, Action action, String status, Optional<String> remoteMta,
                              Optional<String> remoteReply, String detail, Instant lastAttempt) {
    /** RFC 3464 §2.3.3 action values that Pigeon reports. */
    public enum Action { FAILED, DELAYED }

    // RFC 3463 §2: class "." subject "." detail; subject and detail have at most three digits.
    private static final Pattern STATUS = Pattern.compile("[245]\\.\\d{1,3}\\.\\d{1,3}");

    public RecipientReport {
        Objects.requireNonNull(recipient);
        Objects.requireNonNull(action);
        Objects.requireNonNull(remoteMta);
        Objects.requireNonNull(remoteReply);
        Objects.requireNonNull(detail);
        Objects.requireNonNull(lastAttempt);
        if (!STATUS.matcher(status).matches()) throw new IllegalArgumentException("not an RFC 3463 status: " + status);
    }

    /**
     * A recipient that a remote server refused (5xx: {@code FAILED}) or deferred (4xx: usually {@code
     * DELAYED}). The status is the enhanced status code at the start of the reply (RFC 2034) when its
     * class matches the reply code's, else {@code 5.0.0} or {@code 4.0.0} from the reply code.
     *
     * @param lines the reply's text lines without the code (a multi-line reply has several)
     */
    public static RecipientReport fromReply(MailAddress recipient, Action action, String remoteMta, int code,
                                            List<String> lines, Instant lastAttempt) {
        String text = String.join(" ", lines).strip();
        String reply = (code + " " + text).strip();
        return new RecipientReport(recipient, action, statusOf(code, text, action), Optional.of(remoteMta),
                Optional.of(reply), "the mail server " + remoteMta + " answered: " + reply, lastAttempt);
    }

    /** A recipient that failed or was deferred without a remote reply (no MX, connection refused, …). */
    public static RecipientReport withoutReply(MailAddress recipient, Action action, String status, String detail,
                                               Instant lastAttempt) {
        return new RecipientReport(recipient, action, status, Optional.empty(), Optional.empty(), detail, lastAttempt);
    }

    private static final Pattern ENHANCED = Pattern.compile("^([245]\\.\\d{1,3}\\.\\d{1,3})(?:\\s|$)");

    /** RFC 3463 status of a reply: its enhanced code if present and of the same class, else the class with .0.0. */
    static String statusOf(int code, String text, Action action) {
        int cls = code / 100;
        if (cls != 4 && cls != 5) return action == Action.FAILED ? "5.0.0" : "4.0.0"; // 2xx/3xx explains no failure
        var m = ENHANCED.matcher(text);
        return m.find() && m.group(1).charAt(0) == '0' + cls ? m.group(1) : cls + ".0.0";
    }
}
