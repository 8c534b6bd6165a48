package pigeon.webmail;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import pigeon.protocol.delivery.MailAddress;
import pigeon.store.Account;
import pigeon.store.MailStore;
import pigeon.store.StoreConfig;
import pigeon.webmail.ClientSettings.Server;
import pigeon.webmail.ClientSettings.Service;
import pigeon.webmail.ClientSettings.SocketType;

/**
 * A real store (in-memory H2) and a real webmail on a free loopback port, with an HTTP client
 * that keeps no cookies by itself: each test says exactly what it sends.
 */
final class WebmailFixture implements AutoCloseable {
    static final String PASSWORD = "secret";

    final MailStore store = MailStore.open(StoreConfig.h2Memory("web" + System.nanoTime()));
    final WebmailServer server;
    final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(5)).build();
    final Account alice, bob;

    WebmailFixture(int maxFailedLogins) {
        store.directory().addDomain("example.test");
        alice = store.directory().addAccount(MailAddress.parse("alice@example.test"), PASSWORD);
        bob = store.directory().addAccount(MailAddress.parse("bob@example.test"), PASSWORD);
        WebmailConfig config = new WebmailConfig(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), "mx.example.test",
                1 << 20, Duration.ofHours(1), maxFailedLogins, Duration.ZERO, 50);
        server = WebmailServer.start(config, store.directory(), store.mailboxes(), store.deliveryTarget(),
                new ClientSettings("mail.example.test", List.of(new Server(Service.IMAP, 143, SocketType.STARTTLS),
                        new Server(Service.POP3, 995, SocketType.SSL), new Server(Service.SMTP, 587, SocketType.PLAIN))),
                pigeon.protocol.sasl.LoginThrottle.defaults(), java.util.Optional.empty());
    }

    WebmailFixture() { this(5); }

    String base() { return "http://127.0.0.1:" + server.port(); }

    long mailbox(Account a, String name) { return store.mailboxes().find(a.id(), name).orElseThrow().id(); }

    long deliver(Account a, String message) throws IOException {
        return store.mailboxes().append(mailbox(a, "INBOX"), new ByteArrayInputStream(message.replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)),
                Set.of(), Instant.now());
    }

    HttpResponse<String> get(String path, String... headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws IOException, InterruptedException {
        String body = form.entrySet().stream().map(e -> enc(e.getKey()) + "=" + enc(e.getValue())).collect(Collectors.joining("&"));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded").POST(HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) b.headers(headers);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) { return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8); }

    /** Logs in; returns the session cookie ("pigeon_session=…"). */
    String login(String user) throws IOException, InterruptedException {
        HttpResponse<String> r = post("/login", Map.of("username", user, "password", PASSWORD), "Origin", base());
        if (r.statusCode() != 302) throw new AssertionError("login failed: " + r.statusCode() + " " + r.body());
        return r.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    /** The CSRF token the pages of this session carry. */
    String csrf(String cookie) throws IOException, InterruptedException {
        Matcher m = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"").matcher(get("/folders", "Cookie", cookie).body());
        if (!m.find()) throw new AssertionError("no CSRF token on the page");
        return m.group(1);
    }

    @Override public void close() {
        server.close();
        store.close();
    }
}
