package pigeon.smtp.relay;

import java.io.IOException;
import java.net.DatagramPacket;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.SocketException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.Flags;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Section;
import org.xbill.DNS.TXTRecord;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * A tiny authoritative DNS server for tests: UDP on 127.0.0.1, an ephemeral port, answers from an
 * in-memory zone (MX, A, AAAA, TXT), NXDOMAIN for names it has nothing for, NODATA for a known name
 * without records of the asked type, and SERVFAIL for names told to fail. Built on dnsjava's message
 * classes. Thread-safe; change the zone at any time.
 *
 * <pre>{@code
 * try (TestDns dns = TestDns.start()) {
 *     dns.mx("example.test", 10, "mx.example.test").a("mx.example.test", "127.0.0.2");
 *     RelayConfig config = RelayConfig.defaults("me.test").withDnsServer(Optional.of(dns.address()));
 * }
 * }</pre>
 */
public final class TestDns implements AutoCloseable {
    private final DatagramSocket socket;
    private final Map<Name, List<Record>> zone = new ConcurrentHashMap<>();
    private final Set<Name> failing = ConcurrentHashMap.newKeySet();
    private final List<String> queries = new CopyOnWriteArrayList<>();
    private volatile long ttl = 300;
    private final Thread thread;

    private TestDns(DatagramSocket socket) {
        this.socket = socket;
        this.thread = Thread.ofPlatform().daemon().name("test-dns").start(this::serve);
    }

    /** Listens on 127.0.0.1 and an ephemeral UDP port. */
    public static TestDns start() throws IOException {
        return new TestDns(new DatagramSocket(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0)));
    }

    /** Where to send queries: give it to {@code RelayConfig.withDnsServer}. */
    public InetSocketAddress address() { return (InetSocketAddress) socket.getLocalSocketAddress(); }

    public int port() { return socket.getLocalPort(); }

    /** The TTL of records added from now on (default 300 s). */
    public TestDns ttl(long seconds) {
        this.ttl = seconds;
        return this;
    }

    public TestDns mx(String domain, int preference, String host) {
        return add(new MXRecord(name(domain), DClass.IN, ttl, preference, name(host)));
    }

    /** RFC 7505: {@code domain. MX 0 .} — the domain takes no mail. */
    public TestDns nullMx(String domain) { return add(new MXRecord(name(domain), DClass.IN, ttl, 0, Name.root)); }

    public TestDns a(String host, String ipv4) { return add(new ARecord(name(host), DClass.IN, ttl, address(ipv4))); }

    public TestDns aaaa(String host, String ipv6) { return add(new AAAARecord(name(host), DClass.IN, ttl, address(ipv6))); }

    public TestDns txt(String name, String text) { return add(new TXTRecord(name(name), DClass.IN, ttl, text)); }

    /** A TXT record of several strings (each at most 255 octets), as a DKIM key needs. */
    public TestDns txt(String name, List<String> strings) { return add(new TXTRecord(name(name), DClass.IN, ttl, strings)); }

    /** Every question about {@code name} gets SERVFAIL until {@link #heal}. */
    public TestDns servfail(String name) {
        failing.add(name(name));
        return this;
    }

    public TestDns heal(String name) {
        failing.remove(name(name));
        return this;
    }

    /** Forgets every record and failure. */
    public void clear() {
        zone.clear();
        failing.clear();
    }

    /** Questions asked so far, as {@code name. TYPE} ("mx.example.test. A"), oldest first. */
    public List<String> queries() { return List.copyOf(queries); }

    /** How many questions were asked about {@code name} with type {@code type} ("MX", "A", …). */
    public long queries(String name, String type) {
        String q = name(name) + " " + type;
        return queries.stream().filter(q::equals).count();
    }

    @Override public void close() {
        socket.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private TestDns add(Record r) {
        zone.computeIfAbsent(r.getName(), n -> new CopyOnWriteArrayList<>()).add(r);
        return this;
    }

    private void serve() {
        byte[] buf = new byte[65535];
        while (!socket.isClosed()) {
            DatagramPacket packet = new DatagramPacket(buf, buf.length);
            try {
                socket.receive(packet);
                byte[] reply = answer(new Message(java.util.Arrays.copyOf(packet.getData(), packet.getLength())));
                socket.send(new DatagramPacket(reply, reply.length, packet.getSocketAddress()));
            } catch (SocketException e) {
                return;  // closed
            } catch (IOException e) {
                // a malformed query: ignore it, as a real server would
            }
        }
    }

    private byte[] answer(Message query) {
        Record question = query.getQuestion();
        Message response = new Message(query.getHeader().getID());
        response.getHeader().setFlag(Flags.QR);
        response.getHeader().setFlag(Flags.AA);
        if (query.getHeader().getFlag(Flags.RD)) response.getHeader().setFlag(Flags.RD);
        if (question == null) {
            response.getHeader().setRcode(Rcode.FORMERR);
            return response.toWire();
        }
        response.addRecord(question, Section.QUESTION);
        Name name = question.getName();
        queries.add(name + " " + Type.string(question.getType()));
        List<Record> records = zone.get(name);
        if (failing.contains(name)) response.getHeader().setRcode(Rcode.SERVFAIL);
        else if (records == null || records.isEmpty()) response.getHeader().setRcode(Rcode.NXDOMAIN);
        else for (Record r : matching(records, question.getType())) response.addRecord(r, Section.ANSWER);
        return response.toWire(512);  // UDP without EDNS: truncated beyond 512 octets, TC set
    }

    private static List<Record> matching(List<Record> records, int type) {
        List<Record> out = new ArrayList<>();
        Set<Record> seen = new HashSet<>();
        for (Record r : records) if ((type == Type.ANY || r.getType() == type) && seen.add(r)) out.add(r);
        return out;
    }

    private static Name name(String s) {
        try {
            return Name.fromString(s.endsWith(".") ? s : s + ".");
        } catch (TextParseException e) {
            throw new IllegalArgumentException(s, e);
        }
    }

    private static InetAddress address(String literal) {
        try {
            return InetAddress.getByName(literal);  // numeric in tests: no lookup happens
        } catch (IOException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
