package pigeon.server;

import java.io.IOException;
import java.io.Reader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import pigeon.imap.ImapConfig;
import pigeon.imap.decode.ImapLimits;
import pigeon.pop3.Pop3Config;
import pigeon.protocol.net.ListenerConfig;
import pigeon.smtp.SmtpConfig;
import pigeon.smtp.relay.RelayConfig;
import pigeon.smtp.relay.RetrySchedule;
import pigeon.store.DeliveryPolicy;

/**
 * The whole configuration, read from {@code pigeon.properties} (every key optional; see README),
 * validated when built. Defaults give a working local server: loopback only, non-privileged ports,
 * the domain {@code localhost}.
 *
 * @param initialDomains domains created when the database has none yet (first start)
 */
public record PigeonConfig(Path dataDir, String hostname, List<String> initialDomains, int dbPoolSize, DeliveryPolicy delivery,
                           ListenerConfig smtpListener, SmtpConfig smtp, ListenerConfig submissionListener,
                           ListenerConfig pop3Listener, Pop3Config pop3, ListenerConfig imapListener, ImapConfig imap,
                           RelayConfig relay) {
    public static final String FILE_NAME = "pigeon.properties";

    /** Reads {@code file} if given, else {@code dataDir/pigeon.properties} if it exists; {@code overrides} win. */
    public static PigeonConfig load(Path dataDir, Path file, Map<String, String> overrides) throws IOException {
        Map<String, String> values = new HashMap<>();
        Path f = file != null ? file : dataDir.resolve(FILE_NAME);
        if (file != null || Files.exists(f)) {
            Properties p = new Properties();
            try (Reader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) { p.load(r); }
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
        }
        values.putAll(overrides);
        return from(dataDir, new Settings(values));
    }

    /** Delivery to other domains by MX lookup (RFC 5321 §5.1), with retries and bounces. */
    private static RelayConfig relay(String hostname, Settings s) {
        RelayConfig d = RelayConfig.defaults(hostname);
        String dns = s.string("relay.dns", "system");
        Optional<InetSocketAddress> dnsServer = Optional.empty();
        if (!dns.equals("system")) {
            int colon = dns.lastIndexOf(':');
            try {
                dnsServer = Optional.of(colon < 0 ? new InetSocketAddress(dns, 53)
                        : new InetSocketAddress(dns.substring(0, colon), Integer.parseInt(dns.substring(colon + 1))));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("relay.dns: 'system', or host[:port]: " + dns);
            }
        }
        String notice = s.string("relay.delay-notice", "4h");
        return d.withDnsServer(dnsServer)
                .withRemotePort(s.integer("relay.port", d.remotePort()))
                .withWorkers(s.integer("relay.workers", d.workers()))
                .withRetry(new RetrySchedule(s.duration("relay.retry-first", d.retry().first()), s.duration("relay.retry-max", d.retry().cap())))
                .withMaxAge(s.duration("relay.max-age", d.maxAge()))
                .withDelayNoticeAfter(notice.equals("off") ? Optional.empty() : Optional.of(s.duration("relay.delay-notice", Duration.ofHours(4))))
                .withPollInterval(s.duration("relay.poll-interval", d.pollInterval()))
                .withLease(s.duration("relay.lease", d.lease()));
    }

    static PigeonConfig from(Path dataDir, Settings s) throws UnknownHostException {
        String hostname = s.string("hostname", "localhost");
        InetAddress bind = InetAddress.getByName(s.string("bind", "127.0.0.1"));
        List<String> domains = Arrays.stream(s.string("domains", "localhost").split("[,\\s]+")).filter(d -> !d.isEmpty()).toList();
        int pool = s.integer("db.pool-size", 16);
        // RFC 5321 §6.3: a message with this many Received fields is looping (554 5.4.6).
        DeliveryPolicy delivery = new DeliveryPolicy(s.integer("delivery.max-received-headers", DeliveryPolicy.DEFAULT.maxReceivedHeaders()));

        // RFC 5321 §4.5.3.2.7: the server should wait at least 5 minutes for the next command.
        ListenerConfig smtpListener = new ListenerConfig("smtp", new InetSocketAddress(bind, s.integer("smtp.port", 2525)),
                s.integer("smtp.max-connections-per-ip", 20), s.duration("smtp.timeout", Duration.ofMinutes(5)));
        SmtpConfig smtp = new SmtpConfig(hostname,
                s.size("smtp.max-message-size", SmtpConfig.DEFAULT_MAX_MESSAGE_SIZE),
                s.integer("smtp.max-recipients", SmtpConfig.DEFAULT_MAX_RECIPIENTS),
                s.integer("smtp.max-command-line-length", SmtpConfig.DEFAULT_MAX_COMMAND_LINE_LENGTH),
                s.integer("smtp.max-line-length", SmtpConfig.DEFAULT_MAX_TEXT_LINE_LENGTH),
                s.integer("smtp.max-errors", SmtpConfig.DEFAULT_MAX_ERRORS), false,
                s.duration("smtp.failed-auth-delay", SmtpConfig.DEFAULT_FAILED_AUTH_DELAY));
        // RFC 6409: the submission port takes the same SMTP, but only after AUTH.
        ListenerConfig submissionListener = new ListenerConfig("submission", new InetSocketAddress(bind, s.integer("submission.port", 2587)),
                s.integer("submission.max-connections-per-ip", 20), s.duration("smtp.timeout", Duration.ofMinutes(5)));

        // RFC 1939 §3: an inactivity timer of at least 10 minutes.
        ListenerConfig pop3Listener = new ListenerConfig("pop3", new InetSocketAddress(bind, s.integer("pop3.port", 2110)),
                s.integer("pop3.max-connections-per-ip", 10), s.duration("pop3.timeout", Duration.ofMinutes(10)));
        Pop3Config pop3 = new Pop3Config(hostname, Pop3Config.DEFAULT_MAX_LINE_LENGTH,
                s.integer("pop3.max-failed-logins", Pop3Config.DEFAULT_MAX_FAILED_LOGINS),
                s.duration("pop3.failed-login-delay", Pop3Config.DEFAULT_FAILED_LOGIN_DELAY));

        // RFC 9051 §5.4: the autologout timer is at least 30 minutes; Thunderbird holds several connections.
        ListenerConfig imapListener = new ListenerConfig("imap", new InetSocketAddress(bind, s.integer("imap.port", 2143)),
                s.integer("imap.max-connections-per-ip", 20), ImapConfig.checkAutologout(s.duration("imap.timeout", Duration.ofMinutes(30))));
        ImapLimits d = ImapLimits.DEFAULTS;
        ImapLimits limits = new ImapLimits(
                s.integer("imap.max-line-length", d.maxLineLength()), literalSize(s, d.maxLiteralSize()),
                d.maxMessageSize(), d.maxDiscardSize(),
                s.integer("imap.max-nesting", d.maxNesting()), s.integer("imap.max-literals", d.maxLiterals()));
        ImapConfig imap = new ImapConfig(hostname, limits, ImapConfig.DEFAULT_MAX_FAILED_LOGINS, ImapConfig.DEFAULT_FAILED_LOGIN_DELAY)
                .withMaxMessageSize(s.size("imap.max-message-size", smtp.maxMessageSize()))
                .withMaxFailedLogins(s.integer("imap.max-failed-logins", ImapConfig.DEFAULT_MAX_FAILED_LOGINS))
                .withFailedLoginDelay(s.duration("imap.failed-login-delay", ImapConfig.DEFAULT_FAILED_LOGIN_DELAY));

        RelayConfig relay = relay(hostname, s);

        s.rejectUnknown();
        if (pool < 1) throw new IllegalArgumentException("db.pool-size must be at least 1");
        return new PigeonConfig(dataDir, hostname, domains, pool, delivery, smtpListener, smtp, submissionListener, pop3Listener, pop3,
                imapListener, imap, relay);
    }

    /** {@code imap.max-literal-size}: a literal is held in memory, so at most 16M. */
    private static int literalSize(Settings s, int fallback) {
        long v = s.size("imap.max-literal-size", fallback);
        if (v > 16 << 20) throw new IllegalArgumentException("imap.max-literal-size: at most 16M");
        return (int) v;
    }
}
