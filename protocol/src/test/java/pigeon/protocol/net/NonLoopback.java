package pigeon.protocol.net;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.util.Comparator;
import java.util.Optional;

/**
 * An address of this machine that is not loopback, to test what {@code PlaintextPolicy} refuses
 * without faking a connection: a listener bound there and a client connecting to it see each other
 * at that address, so the server's session is "remote" although the packets never leave the host.
 * Shared with other modules' tests through this module's test-jar.
 */
public final class NonLoopback {
    private NonLoopback() {}

    /** Such an address (IPv4 preferred; link-local ones skipped, they need a scope), or empty if there is none. */
    public static Optional<InetAddress> address() {
        try {
            return NetworkInterface.networkInterfaces()
                    .filter(NonLoopback::usable)
                    .flatMap(NetworkInterface::inetAddresses)
                    .filter(a -> !a.isLoopbackAddress() && !a.isLinkLocalAddress() && !a.isAnyLocalAddress())
                    .min(Comparator.comparing(a -> a instanceof Inet4Address ? 0 : 1));
        } catch (SocketException e) {
            return Optional.empty();
        }
    }

    private static boolean usable(NetworkInterface i) {
        try {
            return i.isUp() && !i.isLoopback();
        } catch (SocketException e) {
            return false;
        }
    }
}
