package pigeon.smtp.relay;

import java.io.IOException;
import java.net.Socket;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

/**
 * TLS for STARTTLS between mail servers, opportunistic (RFC 7435, RFC 3207): encrypt when the
 * server offers it, without checking its certificate. Most MX hosts have certificates that do not
 * match their MX name, and refusing them would send the mail in the clear instead, which is worse.
 * (Authenticated TLS to MX hosts would be MTA-STS, RFC 8461, or DANE, RFC 7672: not done here.)
 */
final class OpportunisticTls {
    private static final SSLSocketFactory FACTORY = factory();

    private OpportunisticTls() {}

    /** Layers TLS over a connected socket and completes the handshake (within the socket's read timeout). */
    static SSLSocket wrap(Socket plain, String host) throws IOException {
        SSLSocket s = (SSLSocket) FACTORY.createSocket(plain, host, plain.getPort(), true);
        s.setUseClientMode(true);
        s.startHandshake();
        return s;
    }

    private static SSLSocketFactory factory() {
        // The extended kind, so that the JDK does not wrap it in its own checks.
        TrustManager acceptAll = new X509ExtendedTrustManager() {
            @Override public void checkClientTrusted(X509Certificate[] chain, String authType) {}

            @Override public void checkServerTrusted(X509Certificate[] chain, String authType) {}

            @Override public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

            @Override public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

            @Override public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

            @Override public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

            @Override public X509Certificate[] getAcceptedIssuers() { return new X509Certificate[0]; }
        };
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {acceptAll}, null);
            return ctx.getSocketFactory();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("no TLS in this JDK", e);
        }
    }
}
