package pigeon.smtp.session;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.net.InetAddress;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.protocol.delivery.DeliveryException;
import pigeon.protocol.delivery.MailAddress;
import pigeon.protocol.net.Connection;
import pigeon.smtp.SmtpConfig;
import pigeon.smtp.data.DotStream;
import pigeon.smtp.data.SizeLimitInputStream;
import pigeon.smtp.data.TraceHeaders;
import pigeon.smtp.reply.Replies;
import pigeon.smtp.reply.Reply;
import pigeon.smtp.session.SmtpState.*;

/**
 * DATA (RFC 5321 §4.1.1.4), straight through: 354, the message text through the dot and size
 * decorators into the delivery, then commit, and only after the commit the 250 (durability
 * before acknowledgement). Whatever goes wrong, the text is read to its end before replying, so
 * that the next command is read from the right place; the transaction ends either way.
 */
final class DataHandler {
    private static final Logger log = LoggerFactory.getLogger(DataHandler.class);

    private final SmtpConfig config;
    private final Connection connection;
    private final SessionIo io;
    private int messages;
    private Optional<String> clientName = Optional.empty();
    private boolean clientNameLookedUp;

    DataHandler(SmtpConfig config, Connection connection, SessionIo io) {
        this.config = config;
        this.connection = connection;
        this.io = io;
    }

    Outcome data(MailGiven state) throws IOException {
        Transaction tx = state.transaction();
        // RFC 5321 §3.3: 503 without any RCPT, 554 when every RCPT was refused; the transaction stays open.
        if (tx.recipients().isEmpty())
            return Outcome.reply(state, tx.refused() > 0 ? Replies.NO_VALID_RECIPIENTS : Replies.badSequence("Need RCPT before DATA"));

        String id = connection.id() + "." + ++messages;
        io.send(Replies.START_DATA);
        io.flush();  // RFC 2920 §3.1: the client waits for 354 before it sends the text

        DotStream dot = new DotStream(io.input(), config.maxTextLineLength());
        SizeLimitInputStream limited = new SizeLimitInputStream(dot, config.maxMessageSize());
        byte[] trace = traceHeaders(state, id).getBytes(StandardCharsets.UTF_8);
        InputStream message = new SequenceInputStream(new ByteArrayInputStream(trace), limited);

        Reply failure = null;
        try {
            tx.delivery().body(message);
        } catch (DeliveryException e) {
            log.info("message {} refused by delivery: {} ({})", id, e.reason(), e.getMessage());
            failure = Replies.forDelivery(e.reason());
        } catch (IOException e) {
            // Our own limits and the client vanishing are told apart below, from the streams' state.
            if (!dot.failed() && !limited.exceeded() && !dot.lineTooLong()) log.warn("message {}: delivery failed reading: {}", id, e.toString());
            failure = Replies.LOCAL_ERROR;
        } catch (RuntimeException e) {
            log.error("message {}: delivery failed reading", id, e);
            failure = Replies.LOCAL_ERROR;
        }

        boolean unread = false;
        if (!dot.failed()) {
            try {
                unread = dot.drain();
            } catch (IOException e) {
                // recorded by the stream: handled just below
            }
        }
        if (dot.failed()) {  // EOF or timeout before the final dot: nothing is delivered, the session ends
            tx.delivery().abort();
            log.info("message {} dropped: connection lost during DATA ({})", id, dot.failure().toString());
            return dot.failure() instanceof SocketTimeoutException
                    ? Outcome.reply(new Closing(), Replies.timeout(config.hostname()))
                    : Outcome.silent(new Closing());
        }
        if (limited.exceeded()) failure = Replies.MESSAGE_TOO_LARGE;
        else if (dot.lineTooLong()) failure = Replies.dataLineTooLong(config.maxTextLineLength());
        else if (dot.bareLineBreakInHeader()) failure = Replies.BARE_LINE_BREAK;
        else if (failure == null && unread) {
            log.warn("message {}: delivery returned without reading the message to its end", id);
            failure = Replies.LOCAL_ERROR;
        }

        if (failure == null) {
            try {
                tx.delivery().commit();
            } catch (DeliveryException e) {
                log.info("message {} refused at commit: {} ({})", id, e.reason(), e.getMessage());
                failure = Replies.forDelivery(e.reason());
            } catch (RuntimeException e) {
                log.error("message {}: commit failed", id, e);
                failure = Replies.LOCAL_ERROR;
            }
        }
        String sender = TransactionHandler.display(tx.envelope().sender());
        Greeted after = new Greeted(state.client());
        if (failure != null) {
            tx.delivery().abort();
            String size = limited.exceeded() ? ">" + config.maxMessageSize() : String.valueOf(limited.count());
            log.info("rejected {} from=<{}> rcpts={} size={}: {}", id, sender, tx.recipients().size(), size, failure);
            return Outcome.reply(after, failure);
        }
        log.info("accepted {} from=<{}> rcpts={} size={}", id, sender, tx.recipients().size(), limited.count());
        return Outcome.reply(after, Replies.queued(id));
    }

    private String traceHeaders(MailGiven state, String id) {
        Client client = state.client();
        Transaction tx = state.transaction();
        String protocol = TraceHeaders.protocol(tx.params().smtpUtf8(), client.extended(), connection.secure(),
                client.authenticatedUser().isPresent());
        Optional<MailAddress> single =
                tx.recipients().size() == 1 ? Optional.of(tx.recipients().get(0)) : Optional.empty();
        return TraceHeaders.build(tx.envelope().sender(), client.heloName(), clientName(), connection.remoteAddress(),
                config.hostname(), protocol, id, single, ZonedDateTime.now());
    }

    /** The client's reverse-DNS name, confirmed forward by the JDK; looked up once, at the first message. */
    private Optional<String> clientName() {
        if (!clientNameLookedUp) {
            clientNameLookedUp = true;
            InetAddress a = connection.remoteAddress();
            String name = a.getCanonicalHostName();
            clientName = name.equals(a.getHostAddress()) ? Optional.empty() : Optional.of(name);
        }
        return clientName;
    }
}
