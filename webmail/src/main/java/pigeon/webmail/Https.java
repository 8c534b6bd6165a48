package pigeon.webmail;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.net.InetSocketAddress;
import java.util.OptionalInt;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import pigeon.protocol.tls.Tls;

/** The webmail over HTTPS, with the mail protocols' certificate, protocols and ciphers. */
final class Https {
    static final String NAME = "https";

    private Https() {}

    static Connector connector(Server server, HttpConfiguration http, InetSocketAddress address, Tls tls) {
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setSslContext(tls.context());
        ssl.setIncludeProtocols(tls.protocols());
        ssl.setIncludeCipherSuites(tls.cipherSuites());
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);  // a browser may ask for 127.0.0.1, or for a name the certificate has
        secure.setStsMaxAge(0);
        https.addCustomizer(secure);
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        c.setName(NAME);
        c.setHost(address.getAddress().getHostAddress());
        c.setPort(address.getPort());
        return c;
    }

    /** Javalin makes no plain connector of its own once another is added: the HTTP port, beside HTTPS. */
    static Connector plain(Server server, HttpConfiguration http, InetSocketAddress address) {
        ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
        c.setName("http");
        c.setHost(address.getAddress().getHostAddress());
        c.setPort(address.getPort());
        return c;
    }

    /** On plain HTTP, everything but the autoconfig document goes to the same path over HTTPS. */
    static void redirect(Context ctx, java.util.function.IntSupplier httpsPort) {
        if (ctx.scheme().equals("https") || ctx.path().endsWith("/config-v1.1.xml")) return;
        int port = httpsPort.getAsInt();
        String host = ctx.host() == null ? "localhost" : ctx.host().replaceFirst(":\\d+$", "");
        String query = ctx.queryString() == null ? "" : "?" + ctx.queryString();
        ctx.redirect("https://" + host + (port == 443 ? "" : ":" + port) + ctx.path() + query, HttpStatus.MOVED_PERMANENTLY);
        ctx.skipRemainingHandlers();
    }

    /** The HTTPS connector's port, if there is one. */
    static OptionalInt port(Javalin app) { return connector(app, true); }

    /** The plain HTTP connector's port (Javalin's {@code port()} may name the HTTPS one). */
    static int plainPort(Javalin app) { return connector(app, false).orElseThrow(); }

    private static OptionalInt connector(Javalin app, boolean https) {
        for (Connector c : app.jettyServer().server().getConnectors())
            if (NAME.equals(c.getName()) == https && c instanceof NetworkConnector n && n.getLocalPort() > 0) return OptionalInt.of(n.getLocalPort());
        return OptionalInt.empty();
    }
}
