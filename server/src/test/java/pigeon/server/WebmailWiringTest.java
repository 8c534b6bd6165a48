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
        // RFC 8314 §5.1: implicit TLS first, then STARTTLS, each at the port its listener really has
        String host = "<hostname>mx." + TestServer.DOMAIN + "</hostname>";
        int imaps = xml.indexOf("<incomingServer type=\"imap\">" + host + "<port>" + server.pigeon.port("imaps") + "</port><socketType>SSL</socketType>");
        int imap = xml.indexOf("<incomingServer type=\"imap\">" + host + "<port>" + server.pigeon.imapPort() + "</port><socketType>STARTTLS</socketType>");
        assertTrue(imaps >= 0 && imap > imaps, xml);
        assertTrue(xml.contains("<incomingServer type=\"pop3\">" + host + "<port>" + server.pigeon.port("pop3s") + "</port><socketType>SSL</socketType>"), xml);
        assertTrue(xml.contains("<incomingServer type=\"pop3\">" + host + "<port>" + server.pigeon.pop3Port() + "</port><socketType>STARTTLS</socketType>"), xml);
        int smtps = xml.indexOf("<outgoingServer type=\"smtp\">" + host + "<port>" + server.pigeon.port("submissions") + "</port><socketType>SSL</socketType>");
        int smtp = xml.indexOf("<outgoingServer type=\"smtp\">" + host + "<port>" + server.pigeon.submissionPort() + "</port><socketType>STARTTLS</socketType>");
        assertTrue(smtps >= 0 && smtp > smtps, xml);
        assertFalse(xml.contains("plain</socketType>"), xml);
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
