package pigeon.smtp.relay;

import java.net.InetAddress;
import java.util.List;

/** Where mail for a domain goes (RFC 5321 §5.1), or why it cannot go anywhere. */
sealed interface Resolution {
    /** One host to try, with its addresses in the order to try them. */
    record Host(String name, List<InetAddress> addresses) {
        public Host {
            addresses = List.copyOf(addresses);
        }
    }

    /** The hosts to try, in order; never empty. */
    record Hosts(List<Host> hosts) implements Resolution {
        public Hosts {
            hosts = List.copyOf(hosts);
            if (hosts.isEmpty()) throw new IllegalArgumentException("no hosts");
        }
    }

    /**
     * No host to try.
     *
     * @param permanent true: the domain takes no mail (null MX, no such domain); false: DNS failed, try later
     * @param status    the RFC 3463 status for a DSN
     */
    record Failed(boolean permanent, String status, String detail) implements Resolution {}
}
