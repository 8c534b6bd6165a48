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
import java.util.OptionalInt;
import java.util.Properties;
import pigeon.imap.ImapConfig;
import pigeon.imap.decode.ImapLimits;
import pigeon.pop3.Pop3Config;
import pigeon.protocol.net.ListenerConfig;
import pigeon.protocol.sasl.LoginThrottle;
import pigeon.smtp.SmtpConfig;
import pigeon.smtp.relay.RelayConfig;
import pigeon.smtp.relay.RetrySchedule;
import pigeon.store.DeliveryPolicy;
import pigeon.webmail.WebmailConfig;

/**
 * The whole configuration, read from {@code pigeon.properties} (every key optional; see README),
 * validated when built. Defaults give a working local server: loopback only, non-privileged ports,
 * the domain {@code localhost}.
 *
 * @param initialDomains domains created when the database has none yet (first start)
 * @param tls            where the certificate comes from
 * @param implicitTls    the implicit-TLS listeners (RFC 8314 §3: submissions, imaps, pop3s), those not off;
 *                       they get the certificate when the server starts
 */
public record PigeonConfig(Path dataDir, String hostname, List<String> initialDomains, int dbPoolSize, DeliveryPolicy delivery,
                           ListenerConfig smtpListener, SmtpConfig smtp, ListenerConfig submissionListener,
                           ListenerConfig pop3Listener, Pop3Config pop3, ListenerConfig imapListener, ImapConfig imap,
                           RelayConfig relay, TlsFiles tls, List<ListenerConfig> implicitTls,
                           WebmailConfig webmail) {
    public static final String FILE_NAME = "pigeon.properties";
    /** RFC 5321 §4.5.3.2.7: the server should wait at least 5 minutes for the next command. */
    static final Duration SMTP_TIMEOUT = Duration.ofMinutes(5);
    /** A client address may hold this many connections per port: a webmail, a load generator or a relay in front need many. */
    static final int MAX_CONNECTIONS_PER_IP = 50;

    /**
     * The server's certificate: PEM files, or when neither is set, a self-signed certificate made
     * at first start in {@code dataDir/tls}.
     */
    public record TlsFiles(Optional<Path> certificate, Optional<Path> key) {
        public TlsFiles {
            if (certificate.isPresent() != key.isPresent()) throw new IllegalArgumentException("tls.certificate and tls.key go together");
        }
    }

    /**
     * One listener's keys, named alike in every protocol: {@code P.port}, {@code P.max-connections},
     * {@code P.max-connections-per-ip}, {@code P.timeout}, {@code P.write-timeout},
     * {@code P.max-commands-per-second}. An implicit-TLS
     * port shares its protocol's limits.
     */
    private static ListenerConfig listener(Settings s, String name, String keys, int port, InetAddress bind, Duration timeout,
                                           boolean loopback, LoginThrottle logins) {
        return new ListenerConfig(name, new InetSocketAddress(bind, port),
                s.integer(keys + ".max-connections", ListenerConfig.DEFAULT_MAX_CONNECTIONS),
                s.integer(keys + ".max-connections-per-ip", MAX_CONNECTIONS_PER_IP),
                s.duration(keys + ".timeout", timeout),
                s.duration(keys + ".write-timeout", ListenerConfig.DEFAULT_WRITE_TIMEOUT), Optional.empty(), false, loopback, logins,
                s.integer(keys + ".max-commands-per-second", ListenerConfig.DEFAULT_MAX_COMMANDS_PER_SECOND));
    }

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

        boolean loopback = s.bool("auth.plaintext-on-loopback", true);
        // one count of failed logins for every protocol: guessing over IMAP slows POP3 and SMTP AUTH too
        LoginThrottle logins = new LoginThrottle(s.duration("auth.max-failed-login-delay", Duration.ofSeconds(30)),
                s.duration("auth.failures-forgotten-after", Duration.ofMinutes(15)));
        ListenerConfig smtpListener = listener(s, "smtp", "smtp", s.integer("smtp.port", 2525), bind, SMTP_TIMEOUT, loopback, logins);
        SmtpConfig smtp = new SmtpConfig(hostname,
                s.size("smtp.max-message-size", SmtpConfig.DEFAULT_MAX_MESSAGE_SIZE),
                s.integer("smtp.max-recipients", SmtpConfig.DEFAULT_MAX_RECIPIENTS),
                s.integer("smtp.max-command-line-length", SmtpConfig.DEFAULT_MAX_COMMAND_LINE_LENGTH),
                s.integer("smtp.max-line-length", SmtpConfig.DEFAULT_MAX_TEXT_LINE_LENGTH),
                s.integer("smtp.max-errors", SmtpConfig.DEFAULT_MAX_ERRORS), false,
                s.duration("smtp.failed-login-delay", SmtpConfig.DEFAULT_FAILED_AUTH_DELAY));
        // RFC 6409: the submission port takes the same SMTP, but only after AUTH; RFC 8314 §3.3: and over implicit TLS.
        ListenerConfig submissionListener = listener(s, "submission", "submission", s.integer("submission.port", 2587), bind, SMTP_TIMEOUT, loopback, logins);
        // RFC 1939 §3: an inactivity timer of at least 10 minutes.
        ListenerConfig pop3Listener = listener(s, "pop3", "pop3", s.integer("pop3.port", 2110), bind, Duration.ofMinutes(10), loopback, logins);
        Pop3Config pop3 = new Pop3Config(hostname, s.integer("pop3.max-line-length", Pop3Config.DEFAULT_MAX_LINE_LENGTH),
                s.integer("pop3.max-failed-logins", Pop3Config.DEFAULT_MAX_FAILED_LOGINS),
                s.duration("pop3.failed-login-delay", Pop3Config.DEFAULT_FAILED_LOGIN_DELAY),
                s.integer("pop3.max-errors", Pop3Config.DEFAULT_MAX_ERRORS));

        // RFC 9051 §5.4: the autologout timer is at least 30 minutes; Thunderbird holds several connections.
        ListenerConfig imapListener = listener(s, "imap", "imap", s.integer("imap.port", 2143), bind, Duration.ofMinutes(30), loopback, logins);
        ImapConfig.checkAutologout(imapListener.readTimeout());
        List<ListenerConfig> implicit = new java.util.ArrayList<>();
        s.port("submissions.port", OptionalInt.of(2465)).ifPresent(p -> implicit.add(listener(s, "submissions", "submission", p, bind, SMTP_TIMEOUT, loopback, logins)));
        s.port("imaps.port", OptionalInt.of(2993)).ifPresent(p -> implicit.add(listener(s, "imaps", "imap", p, bind, Duration.ofMinutes(30), loopback, logins)));
        s.port("pop3s.port", OptionalInt.of(2995)).ifPresent(p -> implicit.add(listener(s, "pop3s", "pop3", p, bind, Duration.ofMinutes(10), loopback, logins)));
        TlsFiles tls = new TlsFiles(Optional.ofNullable(s.string("tls.certificate", null)).map(Path::of),
                Optional.ofNullable(s.string("tls.key", null)).map(Path::of));
        ImapLimits d = ImapLimits.DEFAULTS;
        ImapLimits limits = new ImapLimits(
                s.integer("imap.max-line-length", d.maxLineLength()), literalSize(s, d.maxLiteralSize()),
                d.maxMessageSize(), d.maxDiscardSize(),
                s.integer("imap.max-nesting", d.maxNesting()), s.integer("imap.max-literals", d.maxLiterals()));
        ImapConfig imap = new ImapConfig(hostname, limits, ImapConfig.DEFAULT_MAX_FAILED_LOGINS, ImapConfig.DEFAULT_FAILED_LOGIN_DELAY)
                .withMaxMessageSize(s.size("imap.max-message-size", smtp.maxMessageSize()))
                .withMaxFailedLogins(s.integer("imap.max-failed-logins", ImapConfig.DEFAULT_MAX_FAILED_LOGINS))
                .withFailedLoginDelay(s.duration("imap.failed-login-delay", ImapConfig.DEFAULT_FAILED_LOGIN_DELAY))
                .withMaxErrors(s.integer("imap.max-errors", ImapConfig.DEFAULT_MAX_ERRORS))
                .withMaxSearchContexts(s.integer("imap.max-search-contexts", ImapConfig.DEFAULT_MAX_SEARCH_CONTEXTS));

        RelayConfig relay = relay(hostname, s);

        InetAddress webmailBind = InetAddress.getByName(s.string("webmail.bind", bind.getHostAddress()));
        WebmailConfig webmail = new WebmailConfig(new InetSocketAddress(webmailBind, s.integer("webmail.port", WebmailConfig.DEFAULT_PORT)),
                hostname, smtp.maxMessageSize(),
                s.duration("webmail.session-timeout", WebmailConfig.DEFAULT_SESSION_TIMEOUT),
                s.integer("webmail.max-failed-logins", WebmailConfig.DEFAULT_MAX_FAILED_LOGINS),
                s.duration("webmail.failed-login-delay", WebmailConfig.DEFAULT_FAILED_LOGIN_DELAY),
                s.integer("webmail.page-size", WebmailConfig.DEFAULT_PAGE_SIZE),
                s.port("webmail.https-port", OptionalInt.empty()).stream().mapToObj(p -> new InetSocketAddress(webmailBind, p)).findFirst());

        s.rejectUnknown();
        if (pool < 1) throw new IllegalArgumentException("db.pool-size must be at least 1");
        return new PigeonConfig(dataDir, hostname, domains, pool, delivery, smtpListener, smtp, submissionListener, pop3Listener, pop3,
                imapListener, imap, relay, tls, List.copyOf(implicit), webmail);
    }

    /** {@code imap.max-literal-size}: a literal is held in memory, so at most 16M. */
    private static int literalSize(Settings s, int fallback) {
        long v = s.size("imap.max-literal-size", fallback);
        if (v > 16 << 20) throw new IllegalArgumentException("imap.max-literal-size: at most 16M");
        return (int) v;
    }
}
