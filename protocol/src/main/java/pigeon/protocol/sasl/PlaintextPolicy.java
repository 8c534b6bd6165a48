package pigeon.protocol.sasl;

import pigeon.protocol.net.Connection;

/**
 * The one rule for mechanisms that send passwords in the clear (PLAIN, LOGIN, USER/PASS): only
 * over an encrypted connection, or from this machine (RFC 4954 §4, RFC 8314 §3.3). Every protocol
 * asks here before offering or accepting them.
 */
public final class PlaintextPolicy {
    private PlaintextPolicy() {}

    public static boolean allowed(Connection connection) {
        return connection.secure() || connection.remoteAddress().isLoopbackAddress();
    }
}
