package pigeon.server;

import static org.junit.jupiter.api.Assertions.*;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The webmail as the runnable server wires it: autoconfig names the configured host name and the
 * ports the listeners really have, and a login checks the same passwords as IMAP.
 */
class WebmailWiringTest {
    static TestServer server;
    static final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll static void start() throws Exception {
        server = new TestServer();
        server.account("alice");
    }

    @AfterAll static void stop() throws Exception { server.close(); }

    private static HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.pigeon.webmailPort() + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test void autoconfigNamesTheRealHostAndPorts() throws Exception {
        String xml = get("/.well-known/autoconfig/mail/config-v1.1.xml?emailaddress=alice%40" + TestServer.DOMAIN).body();
        assertTrue(xml.contains("<emailProvider id=\"" + TestServer.DOMAIN + "\">"), xml);
        assertTrue(xml.contains("<incomingServer type=\"imap\"><hostname>mx." + TestServer.DOMAIN + "</hostname><port>" + server.pigeon.imapPort()
                + "</port><socketType>plain</socketType>"), xml);
        assertTrue(xml.contains("<incomingServer type=\"pop3\"><hostname>mx." + TestServer.DOMAIN + "</hostname><port>" + server.pigeon.pop3Port()
                + "</port>"), xml);
        assertTrue(xml.contains("<outgoingServer type=\"smtp\"><hostname>mx." + TestServer.DOMAIN + "</hostname><port>" + server.pigeon.submissionPort()
                + "</port>"), xml);
        assertEquals(xml, get("/mail/config-v1.1.xml?emailaddress=alice%40" + TestServer.DOMAIN).body());
    }

    @Test void loginUsesTheAccountsPassword() throws Exception {
        String base = "http://127.0.0.1:" + server.pigeon.webmailPort();
        HttpResponse<String> ok = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                .POST(HttpRequest.BodyPublishers.ofString("username=alice%40" + TestServer.DOMAIN + "&password=" + TestServer.PASSWORD)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, ok.statusCode());
        HttpResponse<String> bad = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("username=alice%40" + TestServer.DOMAIN + "&password=nope")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, bad.statusCode());
    }
}
