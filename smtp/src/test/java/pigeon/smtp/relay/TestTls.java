package pigeon.smtp.relay;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/** A server-side TLS context with a fresh self-signed certificate, made by the JDK's keytool. */
final class TestTls {
    private static SSLContext context;

    private TestTls() {}

    static synchronized SSLContext serverContext() throws IOException, GeneralSecurityException, InterruptedException {
        if (context != null) return context;
        Path dir = Files.createTempDirectory("relay-tls");
        Path store = dir.resolve("server.p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-keystore", store.toString(), "-storetype", "PKCS12", "-storepass", "secret", "-alias", "mx",
                "-keyalg", "EC", "-dname", "CN=mx.example.test", "-validity", "2").redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) throw new IOException("keytool failed: " + output);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "secret".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "secret".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        Files.delete(store);
        Files.delete(dir);
        return context = ctx;
    }
}
