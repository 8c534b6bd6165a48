package pigeon.webmail;

import java.net.InetSocketAddress;
import java.util.OptionalInt;
import pigeon.protocol.tls.Tls;
import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.SizeUnit;
import io.javalin.http.HttpResponseException;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import pigeon.protocol.delivery.DeliveryTarget;
import pigeon.store.Directory;
import pigeon.store.Mailboxes;

/**
 * The webmail and the client-autoconfig endpoint: Javalin on Jetty, a virtual thread per request,
 * pages rendered on the server, one small script for push. Everything goes through the store and
 * the submission delivery target, as IMAP and SMTP AUTH do.
 */
public final class WebmailServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(WebmailServer.class);
    private static final String STARTED = "pigeon.started";

    private final Javalin app;
    private final Push push;

    private WebmailServer(Javalin app, Push push) {
        this.app = app;
        this.push = push;
    }

    /**
     * @param submission where sent mail goes: the same target as the SMTP submission port
     * @param clients    what autoconfig tells mail clients (the real host name, ports and security)
     * @param logins     failed-login counting, shared with the mail protocols' listeners
     * @param tls        the server's certificate, for {@link WebmailConfig#httpsAddress()}
     */
    public static WebmailServer start(WebmailConfig config, Directory directory, Mailboxes mailboxes, DeliveryTarget submission,
                                      ClientSettings clients, pigeon.protocol.sasl.LoginThrottle logins, Optional<Tls> tls) {
        if (config.httpsAddress().isPresent() && tls.isEmpty()) throw new IllegalArgumentException("webmail: HTTPS needs a certificate");
        Pages pages = new Pages();
        Sessions sessions = new Sessions(config.sessionTimeout(), Clock.systemUTC());
        Security security = new Security(sessions, directory);
        AccountMail mail = new AccountMail(mailboxes);
        MailRoutes read = new MailRoutes(mail, new MessageList(mailboxes, config.pageSize(), ZoneId.systemDefault()), pages);
        Push push = new Push(mailboxes);
        OrganiseRoutes organise = new OrganiseRoutes(mail, read, pages, push);
        ComposeRoutes compose = new ComposeRoutes(mail, new Sender(submission, mail, config.maxMessageSize()),
                new MessageBuilder(config.hostname()), pages);
        AuthRoutes auth = new AuthRoutes(directory, sessions, logins, config, pages);
        StaticAssets assets = new StaticAssets();
        Autoconfig autoconfig = new Autoconfig(clients);
        long maxUpload = config.maxMessageSize();

        java.util.concurrent.atomic.AtomicInteger httpsPort = new java.util.concurrent.atomic.AtomicInteger(
                config.httpsAddress().map(InetSocketAddress::getPort).orElse(0));  // the real one once started
        Javalin app = Javalin.create(c -> {
            c.jetty.host = config.address().getAddress().getHostAddress();
            c.jetty.port = config.address().getPort();
            c.concurrency.useVirtualThreads = true;
            c.startup.showJavalinBanner = false;
            c.startup.showOldJavalinVersionWarning = false;
            config.httpsAddress().ifPresent(a -> {
                c.jetty.addConnector((server, http) -> Https.plain(server, http, config.address()));
                c.jetty.addConnector((server, http) -> Https.connector(server, http, a, tls.get()));
            });
            c.http.compressionStrategy = CompressionStrategy.NONE;  // the event stream must reach the browser unbuffered
            // Uploads are at most a message's worth; base64 makes the message a third larger than its files.
            c.http.maxRequestSize = maxUpload + (1 << 20);
            c.jetty.multipartConfig.maxFileSize(maxUpload, SizeUnit.BYTES);
            c.jetty.multipartConfig.maxTotalRequestSize(maxUpload + (1 << 20), SizeUnit.BYTES);
            c.jetty.multipartConfig.maxInMemoryFileSize(1 << 20, SizeUnit.BYTES);

            // Server-Timing (W3C): how long the handler took, for the browser's tools and bench/webmail.
            c.routes.before(ctx -> ctx.attribute(STARTED, System.nanoTime()));
            // With HTTPS on, plain HTTP serves autoconfig only (Thunderbird fetches it so) and redirects the rest.
            config.httpsAddress().ifPresent(a -> c.routes.before(ctx -> Https.redirect(ctx, httpsPort::get)));
            c.routes.before(security::before);
            c.routes.after(ctx -> {
                Long t0 = ctx.attribute(STARTED);
                if (t0 != null && !ctx.res().isCommitted())
                    ctx.header("Server-Timing", String.format(java.util.Locale.ROOT, "app;dur=%.2f", (System.nanoTime() - t0) / 1e6));
            });
            c.routes.exception(HttpResponseException.class, (e, ctx) -> pages.error(ctx, e.getStatus(), e.getMessage()));
            c.routes.exception(Exception.class, (e, ctx) -> {
                log.warn("webmail {} {} failed", ctx.method(), ctx.path(), e);
                pages.error(ctx, 500, "Something went wrong on our side.");
            });
            c.routes.error(404, ctx -> { if (ctx.result() == null) pages.error(ctx, 404, "Not found."); });

            c.routes.get("/static/{file}", assets::serve);
            // Thunderbird's two locations (the well-known one first); ?emailaddress= picks the domain.
            for (String path : new String[] {"/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml"}) {
                c.routes.get(path, ctx -> {
                    Optional<String> xml = autoconfig.document(Optional.ofNullable(ctx.queryParam("emailaddress")), directory.domains());
                    if (xml.isEmpty()) throw new HttpResponseException(404, "No mail domain is configured.");
                    ctx.contentType("application/xml; charset=utf-8").result(xml.get());
                });
            }
            c.routes.get("/login", auth::form);
            c.routes.post("/login", auth::login);
            c.routes.post("/logout", auth::logout);
            c.routes.get("/", read::home);
            c.routes.get("/box/{box}", read::folder);
            c.routes.get("/box/{box}/{uid}", read::message);
            c.routes.get("/box/{box}/{uid}/part/{part}", read::part);
            c.routes.post("/box/{box}/act", organise::act);
            c.routes.get("/folders", organise::page);
            c.routes.post("/folders/create", organise::create);
            c.routes.post("/folders/rename", organise::rename);
            c.routes.post("/folders/delete", organise::delete);
            c.routes.get("/compose", compose::form);
            c.routes.post("/compose", compose::submit);
            c.routes.get("/events", push::stream);
        });
        try {
            app.start();
        } catch (RuntimeException e) {
            push.close();
            throw e;
        }
        Https.port(app).ifPresent(httpsPort::set);
        log.info("webmail listening on {}:{}{}", config.address().getAddress().getHostAddress(), Https.plainPort(app),
                config.httpsAddress().map(a -> ", HTTPS on port " + httpsPort.get()).orElse(""));
        return new WebmailServer(app, push);
    }

    public int port() { return Https.plainPort(app); }

    /** The HTTPS port, when HTTPS is on. */
    public OptionalInt httpsPort() { return Https.port(app); }

    @Override public void close() {
        push.close();
        app.stop();
    }
}
