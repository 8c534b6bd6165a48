package pigeon.protocol.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TlsTest {
    @TempDir Path dir;

    /** Made once at first start, then read back from the data directory: the same certificate, the key private. */
    @Test void selfSignedIsKeptAndReloaded() throws Exception {
        Certificates first = Certificates.selfSigned(dir, "mail.example.test");
        Certificates again = Certificates.selfSigned(dir, "other.example.test");
        assertEquals(first.chain(), again.chain());
        assertEquals(Tls.of(first).fingerprint(), Tls.of(again).fingerprint());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("key.pem"))));
        assertTrue(Files.readString(dir.resolve("key.pem")).startsWith("-----BEGIN PRIVATE KEY-----"));
        X509Certificate c = first.chain().get(0);
        assertEquals("CN=mail.example.test", c.getSubjectX500Principal().getName());
        assertTrue(c.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("localhost")));
        assertTrue(c.getSubjectAlternativeNames().stream().anyMatch(n -> n.get(1).equals("127.0.0.1")));
    }

    @Test void badPemFilesAreClearErrors() throws IOException {
        Files.writeString(dir.resolve("empty.pem"), "nothing here\n");
        IOException e = assertThrows(IOException.class, () -> Certificates.fromPem(dir.resolve("empty.pem"), dir.resolve("empty.pem")));
        assertTrue(e.getMessage().contains("no CERTIFICATE"), e.getMessage());
    }

    /** TLS 1.3 and 1.2 are accepted; 1.1 and older are refused; only AEAD suites with ephemeral keys. */
    @Test void onlyModernProtocols() throws Exception {
        Tls tls = Tls.of(Certificates.selfSigned(dir, "localhost"));
        assertTrue(tls.suites().stream().allMatch(s -> s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_") || s.startsWith("TLS_ECDHE_")), tls.suites().toString());
        assertTrue(tls.suites().stream().noneMatch(s -> s.contains("CBC") || s.startsWith("TLS_RSA_") || s.contains("NULL")));
        assertEquals("TLSv1.3", handshake(tls, "TLSv1.3"));
        assertEquals("TLSv1.2", handshake(tls, "TLSv1.2"));
        assertThrows(IOException.class, () -> handshake(tls, "TLSv1.1"));
    }

    private static String handshake(Tls tls, String protocol) throws Exception {
        try (ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            CompletableFuture<Void> accepted = CompletableFuture.runAsync(() -> {
                try (Socket plain = server.accept(); SSLSocket s = tls.accept(plain, Duration.ofSeconds(5))) {
                    s.getOutputStream().write('x');
                    s.getOutputStream().flush();
                } catch (IOException e) {
                    // the client sees the failure
                }
            });
            SSLContext c = SSLContext.getInstance("TLS");
            c.init(null, new TrustManager[] {new X509TrustManager() {
                @Override public void checkClientTrusted(X509Certificate[] chain, String auth) {}
                @Override public void checkServerTrusted(X509Certificate[] chain, String auth) {}
                @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
            }}, null);
            try (SSLSocket s = (SSLSocket) c.getSocketFactory().createSocket(InetAddress.getLoopbackAddress(), server.getLocalPort())) {
                s.setEnabledProtocols(new String[] {protocol});
                s.setSoTimeout(5000);
                s.startHandshake();
                assertEquals('x', s.getInputStream().read());
                return s.getSession().getProtocol();
            } finally {
                accepted.get(5, TimeUnit.SECONDS);
            }
        }
    }
}
