package pigeon.smtp.relay;

import java.io.IOException;
import java.net.IDN;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.xbill.DNS.AAAARecord;
import org.xbill.DNS.ARecord;
import org.xbill.DNS.DClass;
import org.xbill.DNS.ExtendedResolver;
import org.xbill.DNS.MXRecord;
import org.xbill.DNS.Message;
import org.xbill.DNS.Name;
import org.xbill.DNS.Rcode;
import org.xbill.DNS.Record;
import org.xbill.DNS.Resolver;
import org.xbill.DNS.SOARecord;
import org.xbill.DNS.Section;
import org.xbill.DNS.SimpleResolver;
import org.xbill.DNS.TextParseException;
import org.xbill.DNS.Type;

/**
 * Finds the hosts that take mail for a domain (RFC 5321 §5.1): its MX records by preference,
 * equal preferences in random order (§5.1: "randomize"), each with its A then AAAA addresses; the
 * domain itself when it has no MX ("implicit MX"); nothing when it has a null MX (RFC 7505).
 * An address literal ({@code [192.0.2.1]}, {@code [IPv6:2001:db8::1]}) is its own single host.
 *
 * <p>IPv4 addresses come before IPv6 ones: many hosts have AAAA records but no IPv6 route, and a
 * failed IPv6 connect just moves on to the next address anyway.
 */
final class MxResolver {
    private static final Logger log = LoggerFactory.getLogger(MxResolver.class);
    private static final int CACHE_ENTRIES = 10_000;

    private final Resolver resolver;
    private final DnsCache cache;
    private final RandomGenerator random;

    MxResolver(Resolver resolver, Clock clock, RandomGenerator random) {
        this.resolver = resolver;
        this.cache = new DnsCache(clock, CACHE_ENTRIES);
        this.random = random;
    }

    /** A resolver asking {@code server} (UDP, then TCP when the answer is truncated), or the system's resolvers. */
    static MxResolver create(Optional<InetSocketAddress> server, Duration timeout) {
        Resolver r = server.<Resolver>map(SimpleResolver::new).orElseGet(ExtendedResolver::new);
        r.setTimeout(timeout);
        return new MxResolver(r, Clock.systemUTC(), RandomGenerator.getDefault());
    }

    Resolution resolve(String domain) {
        if (domain.startsWith("[") && domain.endsWith("]")) return literal(domain);
        Name name;
        try {
            name = Name.fromString(IDN.toASCII(domain, IDN.ALLOW_UNASSIGNED) + ".");
        } catch (TextParseException | IllegalArgumentException e) {
            return new Resolution.Failed(true, "5.1.2", "bad domain name " + domain);
        }
        try {
            DnsCache.Answer mx = query(name, Type.MX);
            if (mx.rcode() == Rcode.NXDOMAIN) return new Resolution.Failed(true, "5.1.2", "no such domain: " + domain);
            if (mx.rcode() != Rcode.NOERROR) return temporary("MX", domain, Rcode.string(mx.rcode()));
            if (mx.records().isEmpty()) return implicitMx(name, domain);
            return byPreference(mx.records(), domain);
        } catch (IOException e) {
            return temporary("MX", domain, String.valueOf(e.getMessage()));
        }
    }

    /** RFC 5321 §5.1: no MX, so the domain's own addresses, as if it were its only MX. */
    private Resolution implicitMx(Name name, String domain) throws IOException {
        Addresses a = addresses(name);
        if (a.failure() != null) return temporary("A/AAAA", domain, a.failure());
        if (a.list().isEmpty()) return new Resolution.Failed(true, "5.1.2", "no MX and no address for " + domain);
        return new Resolution.Hosts(List.of(new Resolution.Host(domain, a.list())));
    }

    private Resolution byPreference(List<Record> records, String domain) {
        List<MXRecord> mxs = new ArrayList<>();
        for (Record r : records) if (r instanceof MXRecord mx && !mx.getTarget().equals(Name.root)) mxs.add(mx);
        // RFC 7505 §3: a null MX ("0 .") says the domain takes no mail; with other MX records beside it
        // the domain is misconfigured, and we use the others.
        if (mxs.isEmpty()) return new Resolution.Failed(true, "5.1.10", domain + " accepts no mail (null MX, RFC 7505)");
        Collections.shuffle(mxs, random);  // a stable sort keeps this random order among equal preferences
        mxs.sort(Comparator.comparingInt(MXRecord::getPriority));
        List<Resolution.Host> hosts = new ArrayList<>();
        String lastFailure = null;
        for (MXRecord mx : mxs) {
            try {
                Addresses a = addresses(mx.getTarget());
                if (!a.list().isEmpty()) hosts.add(new Resolution.Host(host(mx.getTarget()), a.list()));
                else if (a.failure() != null) lastFailure = a.failure();
            } catch (IOException e) {
                lastFailure = String.valueOf(e.getMessage());
            }
        }
        if (!hosts.isEmpty()) return new Resolution.Hosts(hosts);
        if (lastFailure != null) return temporary("A/AAAA of MX hosts", domain, lastFailure);
        // RFC 5321 §5.1: MX records present but none usable "MUST be reported as an error".
        return new Resolution.Failed(true, "5.4.4", "no MX host of " + domain + " has an address");
    }

    /** A and AAAA records; {@code failure} set when a lookup failed (rather than found nothing). */
    private record Addresses(List<InetAddress> list, String failure) {}

    private Addresses addresses(Name name) throws IOException {
        List<InetAddress> list = new ArrayList<>();
        String failure = null;
        for (int type : new int[] {Type.A, Type.AAAA}) {
            DnsCache.Answer a = query(name, type);
            if (a.rcode() != Rcode.NOERROR && a.rcode() != Rcode.NXDOMAIN) failure = Rcode.string(a.rcode());
            for (Record r : a.records()) {
                if (r instanceof ARecord ar) list.add(ar.getAddress());
                else if (r instanceof AAAARecord ar) list.add(ar.getAddress());
            }
        }
        return new Addresses(list, list.isEmpty() ? failure : null);
    }

    /** One question, from the cache if an answer is still fresh. */
    private DnsCache.Answer query(Name name, int type) throws IOException {
        Optional<DnsCache.Answer> cached = cache.get(name, type);
        if (cached.isPresent()) return cached.get();
        Message response = resolver.send(Message.newQuery(Record.newRecord(name, type, DClass.IN)));
        int rcode = response.getRcode();
        // Records of the asked type anywhere in the answer: a recursive server puts the CNAME chain
        // and its end there together.
        List<Record> records = response.getSection(Section.ANSWER).stream().filter(r -> r.getType() == type).toList();
        DnsCache.Answer answer = new DnsCache.Answer(rcode, records);
        if (rcode == Rcode.NOERROR && !records.isEmpty()) {
            cache.put(name, type, answer, records.stream().mapToLong(Record::getTTL).min().orElse(0));
        } else if (rcode == Rcode.NOERROR || rcode == Rcode.NXDOMAIN) {
            response.getSection(Section.AUTHORITY).stream().filter(r -> r instanceof SOARecord).findFirst()
                    .ifPresent(soa -> cache.put(name, type, answer, Math.min(soa.getTTL(), ((SOARecord) soa).getMinimum())));
        }
        log.debug("DNS {} {}: {} {}", name, Type.string(type), Rcode.string(rcode), records);
        return answer;
    }

    private static Resolution literal(String domain) {
        String text = domain.substring(1, domain.length() - 1);
        boolean v6 = text.regionMatches(true, 0, "IPv6:", 0, 5);
        if (v6) text = text.substring(5);
        // Only numeric forms: InetAddress.getByName would otherwise look a name up.
        boolean numeric = v6 ? text.matches("[0-9A-Fa-f:.]+") && text.contains(":") : text.matches("\\d{1,3}(\\.\\d{1,3}){3}");
        if (!numeric) return new Resolution.Failed(true, "5.1.2", "bad address literal " + domain);
        try {
            return new Resolution.Hosts(List.of(new Resolution.Host(domain, List.of(InetAddress.getByName(text)))));
        } catch (UnknownHostException e) {
            return new Resolution.Failed(true, "5.1.2", "bad address literal " + domain);
        }
    }

    private static Resolution temporary(String what, String domain, String why) {
        return new Resolution.Failed(false, "4.4.3", "DNS lookup of " + what + " for " + domain + " failed: " + why);
    }

    private static String host(Name n) {
        return n.toString(true);
    }

    int cachedAnswers() { return cache.size(); }
}
