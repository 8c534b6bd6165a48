package pigeon.protocol.tls;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * The server side of TLS for every protocol: STARTTLS/STLS upgrades (RFC 3207, RFC 2595, RFC 9051
 * §6.2.1) and implicit-TLS listeners (RFC 8314). TLS 1.2 and 1.3 only (RFC 8996 deprecates older),
 * and in 1.2 only ephemeral key exchange with AEAD ciphers (RFC 9325 §4.2), in the server's order.
 */
public final class Tls {
    static {
        // A client asking for renegotiation (TLS 1.2) makes the server do a full handshake's work at
        // will: a cheap denial of service, and no client needs it. Read once, when the JDK's TLS
        // classes load, so it is set here, before this class makes the first context.
        if (System.getProperty("jdk.tls.rejectClientInitiatedRenegotiation") == null)
            System.setProperty("jdk.tls.rejectClientInitiatedRenegotiation", "true");
    }

    static final String[] PROTOCOLS = {"TLSv1.3", "TLSv1.2"};
    /** Strongest first; whichever of them the JDK supports are enabled. */
    static final List<String> SUITES = List.of(
            "TLS_AES_256_GCM_SHA384", "TLS_AES_128_GCM_SHA256", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384", "TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256",
            "TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256");

    private final SSLContext context;
    private final String[] suites;
    private final Certificates certificates;

    private Tls(SSLContext context, Certificates certificates) {
        this.context = context;
        this.certificates = certificates;
        Set<String> supported = Set.of(context.getSupportedSSLParameters().getCipherSuites());
        this.suites = SUITES.stream().filter(supported::contains).toArray(String[]::new);
    }

    public static Tls of(Certificates certificates) throws IOException {
        try {
            char[] none = new char[0];
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, none);
            ks.setKeyEntry("server", certificates.key(), none, certificates.chain().toArray(Certificate[]::new));
            KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
            kmf.init(ks, none);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(kmf.getKeyManagers(), null, null);
            return new Tls(context, certificates);
        } catch (GeneralSecurityException e) {
            throw new IOException("TLS set-up failed: " + e.getMessage(), e);
        }
    }

    /**
     * Layers TLS over an accepted connection, as its server, and completes the handshake within
     * {@code timeout}. Closing the TLS socket closes the plain one.
     */
    public SSLSocket accept(Socket plain, Duration timeout) throws IOException {
        SSLSocket s = (SSLSocket) context.getSocketFactory().createSocket(plain, null, plain.getPort(), true);
        s.setUseClientMode(false);
        SSLParameters p = s.getSSLParameters();
        p.setProtocols(PROTOCOLS);
        p.setCipherSuites(suites);
        p.setUseCipherSuitesOrder(true);
        s.setSSLParameters(p);
        int before = plain.getSoTimeout();
        s.setSoTimeout(Math.toIntExact(timeout.toMillis()));
        s.startHandshake();
        s.setSoTimeout(before);
        return s;
    }

    /** The context, for servers that do their own TLS (the webmail's Jetty); use with {@link #protocols()} and {@link #cipherSuites()}. */
    public SSLContext context() { return context; }

    public String[] protocols() { return PROTOCOLS.clone(); }

    public String[] cipherSuites() { return suites.clone(); }

    /** The leaf certificate's SHA-256 fingerprint, as openssl prints it, for the log and for pinning. */
    public String fingerprint() {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(certificates.chain().get(0).getEncoded());
            return HexFormat.ofDelimiter(":").withUpperCase().formatHex(d);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The enabled cipher suites, strongest first (for tests). */
    List<String> suites() { return Arrays.asList(suites.clone()); }
}
