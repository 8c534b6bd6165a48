package pigeon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.util.Map;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;

/**
 * webmail.https-port: the webmail over HTTPS with the server's own certificate (checked here as a
 * browser would, against that certificate), its cookie Secure; plain HTTP then serves autoconfig only
 * and sends everything else to HTTPS.
 */
class WebmailHttpsTest {
    @Test void httpsWithTheServersCertificate() throws Exception {
        try (TestServer server = new TestServer(Map.of("webmail.https-port", "0"))) {
            server.account("alice");
            int https = server.pigeon.webmailHttpsPort().orElseThrow();
            HttpClient client = HttpClient.newBuilder().sslContext(trusting(server)).build();
            String base = "https://localhost:" + https;
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, page.statusCode());
            assertTrue(page.sslSession().orElseThrow().getProtocol().startsWith("TLSv1.3"));

            HttpResponse<String> login = client.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                    .header("Content-Type", "application/x-www-form-urlencoded").header("Origin", base)
                    .POST(HttpRequest.BodyPublishers.ofString("username=alice%40" + TestServer.DOMAIN + "&password=" + TestServer.PASSWORD)).build(),
                    HttpResponse.BodyHandlers.ofString());
            String cookie = login.headers().firstValue("Set-Cookie").orElseThrow();
            assertTrue(cookie.contains("Secure") && cookie.contains("HttpOnly"), cookie);

            HttpClient plain = HttpClient.newHttpClient();
            String http = "http://127.0.0.1:" + server.pigeon.webmailPort();
            HttpResponse<String> redirected = plain.send(HttpRequest.newBuilder(URI.create(http + "/login?x=1")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(301, redirected.statusCode());
            assertEquals("https://127.0.0.1:" + https + "/login?x=1", redirected.headers().firstValue("Location").orElseThrow());
            HttpResponse<String> autoconfig = plain.send(HttpRequest.newBuilder(URI.create(http + "/mail/config-v1.1.xml?emailaddress=alice%40"
                    + TestServer.DOMAIN)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, autoconfig.statusCode(), "Thunderbird fetches autoconfig over plain HTTP");
        }
    }

    private static SSLContext trusting(TestServer server) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        try (InputStream in = Files.newInputStream(server.dataDir.resolve("tls").resolve("cert.pem"))) {
            ks.setCertificateEntry("pigeon", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext c = SSLContext.getInstance("TLS");
        c.init(null, tmf.getTrustManagers(), null);
        return c;
    }
}
