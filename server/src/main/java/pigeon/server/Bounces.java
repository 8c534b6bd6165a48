package pigeon.server;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import pigeon.protocol.delivery.Delivery;
import pigeon.protocol.delivery.DeliveryTarget;
import pigeon.protocol.delivery.Envelope;
import pigeon.protocol.delivery.MailAddress;
import pigeon.protocol.queue.OutboundQueue;
import pigeon.protocol.queue.QueueEntry;
import pigeon.smtp.dsn.DeliveryReport;
import pigeon.smtp.dsn.RecipientReport;
import pigeon.smtp.relay.Bouncer;
import pigeon.smtp.relay.RecipientFailure;
import pigeon.smtp.relay.SmtpReply;

/**
 * The relay's bounces and delay notices: an RFC 3464 report, delivered like any other message from
 * the null sender (so that it can never bounce back), locally or through the queue.
 */
final class Bounces implements Bouncer {
    /** The pseudo-account the system submits as: authenticated, so remote senders can be reached. */
    static final String MAILER_DAEMON = "MAILER-DAEMON";

    private final DeliveryReport report;
    private final OutboundQueue queue;
    private final DeliveryTarget target;
    private final String hostname;
    private final Duration maxAge;

    Bounces(String hostname, OutboundQueue queue, DeliveryTarget target, Duration maxAge) {
        this.report = new DeliveryReport(hostname);
        this.queue = queue;
        this.target = target;
        this.hostname = hostname;
        this.maxAge = maxAge;
    }

    @Override public void bounce(QueueEntry entry, List<RecipientFailure> failures, boolean delayed) throws Exception {
        MailAddress sender = entry.sender().orElseThrow(() -> new IllegalStateException("never bounce to the null sender"));
        Instant now = Instant.now();
        RecipientReport.Action action = delayed ? RecipientReport.Action.DELAYED : RecipientReport.Action.FAILED;
        List<RecipientReport> recipients = failures.stream().map(f -> new RecipientReport(f.recipient(), action, f.status(),
                f.remoteMta(), f.reply().map(SmtpReply::toString), f.detail(), now)).toList();
        byte[] dsn;
        try (InputStream original = queue.openMessage(entry.messageId())) {
            dsn = report.build(sender, entry.queuedAt(), recipients,
                    delayed ? Optional.of(entry.queuedAt().plus(maxAge)) : Optional.empty(), original);
        }
        try (Delivery d = target.start(new Envelope(Optional.empty(), hostname, InetAddress.getLoopbackAddress(),
                Optional.of(MAILER_DAEMON), "dsn-" + entry.id()))) {
            d.addRecipient(sender);
            // What final delivery adds (RFC 5321 §4.4); the relay takes it off again if the report goes on.
            d.body(new SequenceInputStream(new ByteArrayInputStream("Return-Path: <>\r\n".getBytes(StandardCharsets.US_ASCII)),
                    new ByteArrayInputStream(dsn)));
            d.commit();
        }
    }
}
