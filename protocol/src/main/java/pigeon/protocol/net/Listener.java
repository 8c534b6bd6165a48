package pigeon.protocol.net;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Accepts connections and runs each session on its own virtual thread with blocking I/O. Enforces
 * the total and per-address connection limits and the read and write timeouts, and on an
 * implicit-TLS port completes the handshake before the protocol speaks; sets TCP_NODELAY because
 * every reply is written in one flush and must not wait for a delayed ACK.
 */
public final class Listener implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Listener.class);

    private final ListenerConfig config;
    private final ConnectionHandler handler;
    private final ServerSocket server;
    private final Map<InetAddress, AtomicInteger> perAddress = new ConcurrentHashMap<>();
    private final Set<Connection> open = ConcurrentHashMap.newKeySet();
    private final AtomicInteger total = new AtomicInteger();
    private final Thread acceptor;
    private volatile boolean closed;

    private Listener(ListenerConfig config, ConnectionHandler handler) throws IOException {
        this.config = config;
        this.handler = handler;
        this.server = new ServerSocket();
        server.setReuseAddress(true);
        try {
            server.bind(config.address(), 512);
        } catch (java.net.BindException e) {
            server.close();
            throw new java.net.BindException(config.protocol() + ": cannot listen on " + config.address().getAddress().getHostAddress()
                    + ":" + config.address().getPort() + ": " + e.getMessage());
        }
        this.acceptor = Thread.ofPlatform().name(config.protocol() + "-accept").daemon().start(this::acceptLoop);
        log.info("{} listening on {}:{}{}", config.protocol(), server.getInetAddress().getHostAddress(), server.getLocalPort(),
                config.implicitTls() ? " (TLS)" : config.tls().isPresent() ? " (STARTTLS)" : "");
    }

    public static Listener start(ListenerConfig config, ConnectionHandler handler) throws IOException {
        return new Listener(config, handler);
    }

    public int port() { return server.getLocalPort(); }

    public ListenerConfig config() { return config; }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = server.accept();
            } catch (IOException e) {
                if (!closed) log.warn("{} accept failed: {}", config.protocol(), e.toString());
                continue;
            }
            Thread.ofVirtual().name(config.protocol() + "-session").start(() -> run(socket));
        }
    }

    private void run(Socket socket) {
        InetAddress client = socket.getInetAddress();
        AtomicInteger count = perAddress.computeIfAbsent(client, a -> new AtomicInteger());
        int all = total.incrementAndGet();
        String id = SessionIds.next();
        MDC.put("session", id);
        MDC.put("proto", config.protocol());
        try (Connection c = new Connection(socket, id, config)) {
            socket.setTcpNoDelay(true);
            c.setReadTimeout(config.readTimeout());
            open.add(c);
            if (count.incrementAndGet() > config.maxConnectionsPerIp() || all > config.maxConnections()) {
                String limit = all > config.maxConnections() ? "more than " + config.maxConnections() + " connections in all"
                        : "more than " + config.maxConnectionsPerIp() + " connections from this address";
                log.info("refused {}: {}", client.getHostAddress(), limit);
                // on a TLS port, a handshake per refused connection would be what a flood wants: just close
                if (!config.implicitTls()) handler.refuse(c);
                return;
            }
            log.info("connect from {}", client.getHostAddress());
            if (config.implicitTls() && !c.startTls()) return;
            handler.serve(c);
            log.info("disconnect");
        } catch (SocketException e) {
            if (!closed) log.info("connection lost: {}", e.getMessage());
        } catch (IOException e) {
            log.info("connection ended: {}", e.toString());
        } catch (RuntimeException | Error e) {  // one broken session must not take the others down
            log.error("session failed", e);
        } finally {
            open.removeIf(c -> c.id().equals(id));
            total.decrementAndGet();
            if (count.decrementAndGet() <= 0) perAddress.remove(client, count);
            MDC.clear();
        }
    }

    /** Stops accepting and closes every open session. */
    @Override public void close() {
        closed = true;
        try { server.close(); } catch (IOException ignored) { /* closing anyway */ }
        open.forEach(Connection::close);
        try { acceptor.join(2000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }
    }
}
