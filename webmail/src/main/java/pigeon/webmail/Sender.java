package pigeon.webmail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.protocol.delivery.Delivery;
import pigeon.protocol.delivery.DeliveryException;
import pigeon.protocol.delivery.DeliveryTarget;
import pigeon.protocol.delivery.Envelope;
import pigeon.protocol.delivery.MailAddress;
import pigeon.store.Account;
import pigeon.store.Flag;
import pigeon.store.MailboxInfo;

/**
 * Sends as SMTP AUTH submission does: through the same delivery target (local recipients at once,
 * others into the relay queue, in one transaction, the sender checked against the account), then
 * keeps a copy in Sent. Drafts are appended to Drafts.
 */
final class Sender {
    private static final Logger log = LoggerFactory.getLogger(Sender.class);

    /** Why a message was not sent, in words for the person who wrote it. */
    static final class Refused extends Exception {
        Refused(String message) { super(message); }
    }

    private final DeliveryTarget submission;
    private final AccountMail mail;
    private final long maxMessageSize;

    Sender(DeliveryTarget submission, AccountMail mail, long maxMessageSize) {
        this.submission = submission;
        this.mail = mail;
        this.maxMessageSize = maxMessageSize;
    }

    void send(Account a, MimeMessage m, InetAddress client) throws Refused, IOException, MessagingException {
        List<InternetAddress> rcpts = MessageBuilder.recipients(m);
        if (rcpts.isEmpty()) throw new Refused("Add at least one recipient.");
        byte[] delivered = MessageBuilder.bytes(m, false);
        if (delivered.length > maxMessageSize) throw new Refused("The message is larger than " + MessageList.size(maxMessageSize) + ".");
        String id = "web-" + Sessions.token().substring(0, 8);
        Envelope envelope = new Envelope(Optional.of(a.address()), "webmail", client, Optional.of(a.address().toString()), id);
        try (Delivery d = submission.start(envelope)) {
            for (InternetAddress r : rcpts) {
                MailAddress to;
                try {
                    to = MailAddress.parse(r.getAddress());
                } catch (IllegalArgumentException e) {
                    throw new Refused("Not an address: " + r.getAddress());
                }
                try {
                    d.addRecipient(to);
                } catch (DeliveryException e) {
                    throw new Refused(reason(e, to.toString()));
                }
            }
            try {
                d.body(new ByteArrayInputStream(delivered));
                d.commit();
            } catch (DeliveryException e) {
                throw new Refused(reason(e, ""));
            }
        } catch (DeliveryException e) {
            throw new Refused(reason(e, a.address().toString()));
        }
        log.info("webmail {} sent {} octets from <{}> to {} recipient(s)", id, delivered.length, a.address(), rcpts.size());
        Optional<MailboxInfo> sent = mail.special(a, "Sent");
        if (sent.isPresent()) {
            mail.mailboxes.append(sent.get().id(), new ByteArrayInputStream(MessageBuilder.bytes(m, true)), Set.of(Flag.SEEN), Instant.now());
        }
    }

    /** Appends to Drafts; returns the new draft's UID. */
    long saveDraft(Account a, MimeMessage m) throws Refused, IOException, MessagingException {
        MailboxInfo drafts = mail.special(a, "Drafts").orElseThrow(() -> new Refused("There is no Drafts folder."));
        byte[] bytes = MessageBuilder.bytes(m, true);
        if (bytes.length > maxMessageSize) throw new Refused("The draft is larger than " + MessageList.size(maxMessageSize) + ".");
        return mail.mailboxes.append(drafts.id(), new ByteArrayInputStream(bytes), Set.of(Flag.DRAFT, Flag.SEEN), Instant.now());
    }

    /** The delivery contract's reasons, told to a person (one place, as SMTP maps them to replies in one place). */
    private static String reason(DeliveryException e, String address) {
        return switch (e.reason()) {
            case UNKNOWN_USER -> "There is no such user here: " + address;
            case RELAY_DENIED -> "Mail to " + address + " cannot be sent from here.";
            case SENDER_NOT_OWNED -> "You may not send as " + address + ".";
            case MESSAGE_TOO_LARGE -> "The message is too large.";
            case LOOP_DETECTED, BAD_CONTENT -> "The message cannot be sent as it is.";
            case TEMPORARY -> "Sending failed for now; try again in a moment.";
        };
    }
}
