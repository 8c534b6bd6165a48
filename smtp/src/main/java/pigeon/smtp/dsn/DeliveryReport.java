package pigeon.smtp.dsn;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.IntStream;
import pigeon.protocol.delivery.MailAddress;
import pigeon.smtp.dsn.RecipientReport.Action;

/**
 * Builds delivery status notifications: RFC 3464 reports in an RFC 6522 multipart/report, sent by
 * {@code MAILER-DAEMON@hostname} to the original envelope sender.
 *
 * <p>The notice must travel with the null reverse path ({@code MAIL FROM:<>}, RFC 5321 §4.5.5 and
 * RFC 3464 §2) so that it can never cause another notice. It is {@code Auto-Submitted: auto-replied}
 * (RFC 3834 §5). Only the header section of the original message is returned (RFC 6522
 * text/rfc822-headers), at most {@link #MAX_ORIGINAL_HEADER} octets of it.
 *
 * <p>Thread-safe; one instance serves the whole server.
 */
public final class DeliveryReport {
    /** The most of the original's header section that a notice carries. */
    public static final int MAX_ORIGINAL_HEADER = 64 * 1024;

    private final String hostname;
    private final Clock clock;

    /** @param hostname this server's name: Reporting-MTA, and the domain of the notice's From and Message-ID */
    public DeliveryReport(String hostname, Clock clock) {
        if (hostname.isBlank()) throw new IllegalArgumentException("hostname");
        this.hostname = hostname;
        this.clock = clock;
    }

    public DeliveryReport(String hostname) { this(hostname, Clock.systemDefaultZone()); }

    /**
     * The notice, as message bytes with CRLF line endings, ready to deliver to {@code sender}.
     *
     * @param sender     the original envelope sender: the notice's recipient (never make a notice for
     *                   the null sender, RFC 5321 §6.1: the type has no value for it)
     * @param arrival    when the original message arrived (Arrival-Date)
     * @param recipients the recipients it reports on, at least one
     * @param retryUntil until when delayed recipients will be retried (Will-Retry-Until); required
     *                   when any recipient is {@link Action#DELAYED}
     * @param original   the original message; only its header section is read, and the caller closes it
     */
    public byte[] build(MailAddress sender, Instant arrival, List<RecipientReport> recipients,
                        Optional<Instant> retryUntil, InputStream original) throws IOException {
        if (recipients.isEmpty()) throw new IllegalArgumentException("no recipients to report on");
        boolean anyFailed = recipients.stream().anyMatch(r -> r.action() == Action.FAILED);
        boolean anyDelayed = recipients.stream().anyMatch(r -> r.action() == Action.DELAYED);
        if (anyDelayed && retryUntil.isEmpty()) throw new IllegalArgumentException("a delay notice needs retryUntil");
        byte[] headers = HeaderSection.read(original, MAX_ORIGINAL_HEADER);
        var zone = clock.getZone();
        try {
            MimeMultipart report = new ReportMultipart();
            report.addBodyPart(part(ReportText.human(hostname, recipients, retryUntil, zone), "Notification"));
            report.addBodyPart(part(ReportText.deliveryStatus(hostname, arrival, recipients, retryUntil, zone)
                    .getBytes(StandardCharsets.US_ASCII), "message/delivery-status", "Delivery report"));
            boolean ascii = IntStream.range(0, headers.length).allMatch(i -> headers[i] >= 0);
            report.addBodyPart(part(headers, "text/rfc822-headers; charset=" + (ascii ? "us-ascii" : "utf-8"),
                    "Undelivered message header")); // RFC 6532 header fields are UTF-8

            boolean utf8 = !sender.toString().chars().allMatch(c -> c < 0x80);
            MimeMessage m = new Notice(session(utf8), "<dsn." + UUID.randomUUID() + "@" + hostname + ">");
            m.setHeader("Date", ReportText.date(clock.instant(), zone));
            m.setHeader("From", "Mail Delivery System <MAILER-DAEMON@" + hostname + ">");
            m.setHeader("To", "<" + sender + ">");
            m.setHeader("Subject", anyFailed ? "Undelivered Mail Returned to Sender" : "Delayed Mail (still being retried)");
            m.setHeader("Auto-Submitted", "auto-replied"); // RFC 3834 §5
            m.setContent(report);
            m.saveChanges();
            ByteArrayOutputStream out = new ByteArrayOutputStream(headers.length + 4096);
            m.writeTo(out);
            return out.toByteArray();
        } catch (MessagingException e) {
            throw new IOException("cannot build the delivery status notification", e);
        }
    }

    private static MimeBodyPart part(String text, String description) throws MessagingException {
        MimeBodyPart p = new MimeBodyPart();
        p.setText(text, "UTF-8");
        p.setHeader("Content-Description", description);
        return p;
    }

    /** A part whose content is given as bytes: no Jakarta content handler exists for these types. */
    private static MimeBodyPart part(byte[] content, String type, String description) throws MessagingException {
        MimeBodyPart p = new MimeBodyPart();
        p.setDataHandler(new DataHandler(new ByteArrayDataSource(content, type)));
        p.setHeader("Content-Description", description);
        return p;
    }

    /**
     * A recipient with UTF-8 in its address (RFC 6531) can only be named in raw UTF-8 (RFC 6532);
     * the relay then needs SMTPUTF8 to deliver the notice, as it did for the original.
     */
    private static Session session(boolean utf8) {
        Properties p = new Properties();
        if (utf8) p.setProperty("mail.mime.allowutf8", "true");
        return Session.getInstance(p);
    }

    /** RFC 6522 §3: multipart/report with report-type=delivery-status (RFC 3464 §2). */
    private static final class ReportMultipart extends MimeMultipart {
        ReportMultipart() throws MessagingException {
            super("report");
            ContentType ct = new ContentType(contentType);
            ct.setParameter("report-type", "delivery-status");
            contentType = ct.toString();
        }
    }

    /** Keeps our Message-ID: Jakarta would otherwise make one from the local host's name. */
    private static final class Notice extends MimeMessage {
        private final String messageId;

        Notice(Session session, String messageId) {
            super(session);
            this.messageId = messageId;
        }

        @Override protected void updateMessageID() throws MessagingException { setHeader("Message-ID", messageId); }
    }
}
