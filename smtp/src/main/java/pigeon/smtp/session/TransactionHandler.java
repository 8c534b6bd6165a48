package pigeon.smtp.session;

import java.util.Optional;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.protocol.delivery.Delivery;
import pigeon.protocol.delivery.DeliveryException;
import pigeon.protocol.delivery.DeliveryTarget;
import pigeon.protocol.delivery.Envelope;
import pigeon.protocol.delivery.MailAddress;
import pigeon.protocol.net.Connection;
import pigeon.smtp.SmtpConfig;
import pigeon.smtp.command.MailParams;
import pigeon.smtp.command.SmtpCommand.Mail;
import pigeon.smtp.command.SmtpCommand.Problem;
import pigeon.smtp.command.SmtpCommand.Rcpt;
import pigeon.smtp.reply.Replies;
import pigeon.smtp.session.SmtpState.*;

/** HELO/EHLO, MAIL, RCPT and RSET: opening, filling and dropping the mail transaction. */
final class TransactionHandler {
    private static final Logger log = LoggerFactory.getLogger(TransactionHandler.class);

    private final SmtpConfig config;
    private final DeliveryTarget target;
    private final Connection connection;
    private final BooleanSupplier authOffered;

    /** @param authOffered whether AUTH is offered on this connection now (asked each time: STARTTLS changes it) */
    TransactionHandler(SmtpConfig config, DeliveryTarget target, Connection connection, BooleanSupplier authOffered) {
        this.config = config;
        this.target = target;
        this.connection = connection;
        this.authOffered = authOffered;
    }

    /** RFC 5321 §4.1.4: HELO/EHLO may come again; it drops any open transaction, as RSET does. */
    Outcome hello(SmtpState state, String name, boolean extended) {
        state.abortTransaction();
        Optional<String> user = switch (state) {
            case Greeted g -> g.client().authenticatedUser();
            case MailGiven m -> m.client().authenticatedUser();
            case Connected c -> Optional.empty();
            case Closing c -> Optional.empty();
        };
        Client client = new Client(name, extended, user);
        return Outcome.reply(new Greeted(client), extended
                ? Replies.ehlo(config.hostname(), name, config.maxMessageSize(), connection.tlsAvailable(), authOffered.getAsBoolean())
                : Replies.helo(config.hostname(), name));
    }

    /** RFC 5321 §4.1.1.2. */
    Outcome mail(Greeted state, Mail mail) {
        Client client = state.client();
        MailParams params = mail.params();
        // RFC 6409 §4.3: a submission server takes mail only from clients that authenticated.
        if (config.authRequired() && client.authenticatedUser().isEmpty()) {
            log.info("MAIL refused: not authenticated");
            // RFC 3207 §4: here a password may go only under TLS, so that comes first
            boolean tlsFirst = !authOffered.getAsBoolean() && connection.tlsAvailable();
            return Outcome.reply(state, tlsFirst ? Replies.TLS_REQUIRED : Replies.AUTH_REQUIRED);
        }
        // RFC 5321 §4.1.1.11: after HELO no extension was offered, so no parameter is understood.
        if (!client.extended() && !params.isEmpty()) return Outcome.reply(state, Replies.NO_PARAMETERS_AFTER_HELO);
        // RFC 4954 §5: AUTH= belongs to the AUTH extension, so only where it was offered. Its value is
        // ignored: we trust no client's assertion about the original submitter (§5: as if AUTH=<>).
        if (params.auth().isPresent() && !authOffered.getAsBoolean())
            return Outcome.reply(state, Replies.forProblem(Problem.UNSUPPORTED_PARAMETER, "Unsupported parameter AUTH"));
        // RFC 1870 §6.2: refuse at once a message declared too large.
        if (params.size().isPresent() && params.size().getAsLong() > config.maxMessageSize()) {
            log.info("MAIL refused: declared SIZE {} over the limit {}", params.size().getAsLong(), config.maxMessageSize());
            return Outcome.reply(state, Replies.MESSAGE_TOO_LARGE);
        }
        if (mail.sender().isPresent() && !ascii(mail.sender().get()) && !params.smtpUtf8())
            return Outcome.reply(state, Replies.NEEDS_SMTPUTF8);
        Envelope envelope = new Envelope(mail.sender(), client.heloName(), connection.remoteAddress(),
                client.authenticatedUser(), connection.id());
        try {
            Delivery delivery = target.start(envelope);
            return Outcome.reply(new MailGiven(client, Transaction.start(envelope, delivery, params)), Replies.senderOk(mail.sender()));
        } catch (DeliveryException e) {
            log.info("sender <{}> refused: {} ({})", display(mail.sender()), e.reason(), e.getMessage());
            return Outcome.reply(state, Replies.forDelivery(e.reason()));
        } catch (RuntimeException e) {
            log.error("delivery target failed to start a transaction", e);
            return Outcome.reply(state, Replies.LOCAL_ERROR);
        }
    }

    /** RFC 5321 §4.1.1.3. A refused recipient leaves the transaction open for the others. */
    Outcome rcpt(MailGiven state, Rcpt rcpt) {
        Transaction tx = state.transaction();
        MailAddress recipient = rcpt.recipient();
        if (!ascii(recipient) && !tx.params().smtpUtf8()) return Outcome.reply(state, Replies.NEEDS_SMTPUTF8);
        // The same recipient twice: say yes again, but deliver once.
        if (tx.recipients().contains(recipient)) return Outcome.reply(state, Replies.recipientOk(recipient));
        // RFC 5321 §4.5.3.1.10: 452, and the client sends the others in a later transaction.
        if (tx.recipients().size() >= config.maxRecipients()) return Outcome.reply(state, Replies.TOO_MANY_RECIPIENTS);
        try {
            tx.delivery().addRecipient(recipient);
            return Outcome.reply(new MailGiven(state.client(), tx.withRecipient(recipient)), Replies.recipientOk(recipient));
        } catch (DeliveryException e) {
            log.info("recipient <{}> refused: {} ({})", recipient, e.reason(), e.getMessage());
            return Outcome.reply(new MailGiven(state.client(), tx.withRefusal()), Replies.forDelivery(e.reason()));
        } catch (RuntimeException e) {
            log.error("delivery target failed to add a recipient", e);
            return Outcome.reply(new MailGiven(state.client(), tx.withRefusal()), Replies.LOCAL_ERROR);
        }
    }

    /** RFC 5321 §4.1.1.5: drop the transaction, keep the greeting. */
    Outcome rset(SmtpState state) {
        state.abortTransaction();
        SmtpState next = state instanceof MailGiven m ? new Greeted(m.client()) : state;
        return Outcome.reply(next, Replies.OK);
    }

    private static boolean ascii(MailAddress a) {
        return a.localPart().chars().allMatch(c -> c < 128) && a.domain().chars().allMatch(c -> c < 128);
    }

    static String display(Optional<MailAddress> sender) { return sender.map(MailAddress::toString).orElse(""); }
}
