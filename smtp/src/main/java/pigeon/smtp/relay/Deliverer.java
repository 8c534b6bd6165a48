package pigeon.smtp.relay;

import java.io.IOException;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.protocol.delivery.MailAddress;
import pigeon.protocol.queue.QueueEntry;

/**
 * One attempt to deliver one entry to its domain's hosts (RFC 5321 §5.1): the hosts in order, each
 * host's addresses in order, until one takes the transaction. The next host is tried when a host
 * cannot be reached, refuses the greeting or EHLO, answers MAIL with 4xx, or drops the connection
 * before the end of the data; otherwise that host's replies decide, recipient by recipient.
 */
final class Deliverer {
    private static final Logger log = LoggerFactory.getLogger(Deliverer.class);

    private final RelayConfig config;
    private final ConnectionPool pool;

    Deliverer(RelayConfig config, ConnectionPool pool) {
        this.config = config;
        this.pool = pool;
    }

    /** Why a host did not take the message: what every recipient gets if no host does. */
    private record HostFailure(String status, Optional<String> host, Optional<SmtpReply> reply, String detail) {}

    AttemptOutcome deliver(QueueEntry entry, List<Resolution.Host> hosts, Payload payload) {
        boolean utf8 = needsSmtpUtf8(entry);
        HostFailure last = new HostFailure("4.4.1", Optional.empty(), Optional.empty(), "no host to try");
        for (Resolution.Host host : hosts) {
            SmtpClient client;
            try {
                client = connect(host);
            } catch (IOException e) {
                last = failure(host, e);
                log.info("entry {}: {}", entry.id(), last.detail());
                continue;
            }
            if (utf8 && !client.extensions().has("SMTPUTF8")) {
                pool.release(client);
                // RFC 6531 §3.2: such addresses need SMTPUTF8 at the server (downgrading is not done).
                return allFailed(entry.recipients(), new RecipientFailure(null, true, "5.6.7", Optional.of(host.name()),
                        Optional.empty(), host.name() + " does not support SMTPUTF8, needed for non-ASCII addresses"));
            }
            SendResult result;
            try {
                result = sendAll(client, entry, payload, utf8);
            } catch (IOException e) {
                client.close();
                last = new HostFailure("4.4.2", Optional.of(host.name()), Optional.empty(),
                        "connection to " + host.name() + " failed during the transaction: " + e.getMessage());
                log.info("entry {}: {}", entry.id(), last.detail());
                continue;
            }
            pool.release(client);
            SmtpReply mail = result.mailReply();
            if (mail.temporary()) {
                last = new HostFailure(mail.status(), Optional.of(host.name()), Optional.of(mail), host.name() + " said: " + mail);
                log.info("entry {}: MAIL refused for now, next host: {}", entry.id(), last.detail());
                continue;
            }
            return outcome(host.name(), result);
        }
        return allFailed(entry.recipients(), new RecipientFailure(null, false, last.status(), last.host(), last.reply(), last.detail()));
    }

    /**
     * The transaction, repeated on the same connection for recipients refused with 452 "too many
     * recipients" as long as each round delivers some (RFC 5321 §4.5.3.1.10).
     */
    private SendResult sendAll(SmtpClient client, QueueEntry entry, Payload payload, boolean utf8) throws IOException {
        SendResult first = client.send(entry.sender(), entry.recipients(), payload, utf8);
        List<SendResult.RecipientReply> all = new ArrayList<>(first.recipients());
        try {
            while (true) {
                List<MailAddress> tooMany = all.stream().filter(r -> r.reply().code() == 452).map(SendResult.RecipientReply::recipient).toList();
                if (tooMany.isEmpty() || all.stream().noneMatch(r -> r.reply().positive())) break;
                client.reset();
                SendResult more = client.send(entry.sender(), tooMany, payload, utf8);
                if (!more.mailReply().positive()) break;
                all.removeIf(r -> tooMany.contains(r.recipient()));
                all.addAll(more.recipients());
                if (more.recipients().stream().noneMatch(r -> r.reply().positive())) break;
            }
        } catch (IOException e) {
            // Some are delivered already: keep that; the rest stay at 452 (temporary) for the next attempt.
            client.close();
        }
        return new SendResult(first.mailReply(), all);
    }

    /** A pooled connection to the host that still answers RSET, or a new one to its first address that answers. */
    private SmtpClient connect(Resolution.Host host) throws IOException {
        for (Optional<SmtpClient> pooled = pool.take(host.name()); pooled.isPresent(); pooled = pool.take(host.name())) {
            try {
                pooled.get().reset();
                log.debug("reusing {} to {}", pooled.get().id(), host.name());
                return pooled.get();
            } catch (IOException e) {
                pooled.get().close();
            }
        }
        IOException last = null;
        for (InetAddress address : host.addresses()) {
            try {
                return open(address, host.name(), true);
            } catch (TlsFailedException e) {
                log.info("STARTTLS with {} [{}] failed, connecting again without TLS: {}", host.name(), address.getHostAddress(), e.getMessage());
                try {
                    return open(address, host.name(), false);
                } catch (IOException e2) {
                    last = e2;
                }
            } catch (IOException e) {
                last = e;
            }
        }
        throw last != null ? last : new IOException("no address");
    }

    private SmtpClient open(InetAddress address, String host, boolean tryTls) throws IOException {
        return SmtpClient.open(address, config.remotePort(), host, config.hostname(), config.timeouts(), tryTls);
    }

    private static HostFailure failure(Resolution.Host host, IOException e) {
        if (e instanceof ReplyException r)
            return new HostFailure(r.reply().temporary() ? r.reply().status() : "4.4.1", Optional.of(host.name()), Optional.of(r.reply()),
                    host.name() + " refused the session: " + r.reply());
        return new HostFailure("4.4.1", Optional.of(host.name()), Optional.empty(), "cannot connect to " + host.name() + ": " + e.getMessage());
    }

    /** A host took the transaction: each recipient's reply decides (a MAIL 5xx is every recipient's). */
    private static AttemptOutcome outcome(String host, SendResult result) {
        List<MailAddress> delivered = new ArrayList<>();
        List<RecipientFailure> failures = new ArrayList<>();
        for (SendResult.RecipientReply r : result.recipients()) {
            SmtpReply reply = r.reply();
            if (reply.positive()) delivered.add(r.recipient());
            else failures.add(new RecipientFailure(r.recipient(), reply.permanent(), reply.status(), Optional.of(host), Optional.of(reply),
                    host + " said: " + reply));
        }
        return new AttemptOutcome(delivered, failures);
    }

    private static AttemptOutcome allFailed(List<MailAddress> recipients, RecipientFailure f) {
        return new AttemptOutcome(List.of(), recipients.stream()
                .map(r -> new RecipientFailure(r, f.permanent(), f.status(), f.remoteMta(), f.reply(), f.detail())).toList());
    }

    /** RFC 6531 §3.4: SMTPUTF8 is needed when an envelope address is not ASCII. */
    static boolean needsSmtpUtf8(QueueEntry entry) {
        return entry.sender().map(Deliverer::nonAscii).orElse(false) || entry.recipients().stream().anyMatch(Deliverer::nonAscii);
    }

    private static boolean nonAscii(MailAddress a) { return a.toString().chars().anyMatch(c -> c >= 128); }
}
