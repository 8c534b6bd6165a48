package pigeon.smtp.relay;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.net.InetAddress;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.xbill.DNS.SimpleResolver;

/** MX lookup against {@link TestDns} over real UDP. */
class MxResolverTest {
    TestDns dns;
    MutableClock clock = new MutableClock();
    MxResolver resolver;

    @BeforeEach void start() throws IOException {
        dns = TestDns.start();
        SimpleResolver r = new SimpleResolver(dns.address());
        r.setTimeout(Duration.ofSeconds(2));
        resolver = new MxResolver(r, clock, RandomGenerator.getDefault());
    }

    @AfterEach void stop() { dns.close(); }

    static List<String> names(Resolution r) {
        return assertInstanceOf(Resolution.Hosts.class, r, r.toString()).hosts().stream().map(Resolution.Host::name).toList();
    }

    @Test void mxHostsByPreferenceWithAddresses() throws IOException {
        dns.mx("example.test", 20, "b.example.test").mx("example.test", 10, "a.example.test").mx("example.test", 30, "c.example.test")
                .a("a.example.test", "127.0.0.2").a("b.example.test", "127.0.0.3").aaaa("b.example.test", "::1")
                .a("c.example.test", "127.0.0.4");
        Resolution r = resolver.resolve("example.test");
        assertEquals(List.of("a.example.test", "b.example.test", "c.example.test"), names(r));
        Resolution.Host b = ((Resolution.Hosts) r).hosts().get(1);
        assertEquals(List.of(InetAddress.getByName("127.0.0.3"), InetAddress.getByName("::1")), b.addresses(), "A before AAAA");
    }

    @Test void equalPreferencesInRandomOrder() {
        dns.mx("example.test", 10, "a.example.test").mx("example.test", 10, "b.example.test").mx("example.test", 5, "first.example.test")
                .a("a.example.test", "127.0.0.2").a("b.example.test", "127.0.0.3").a("first.example.test", "127.0.0.4");
        Set<List<String>> orders = new HashSet<>();
        for (int i = 0; i < 60; i++) orders.add(names(resolver.resolve("example.test")));
        assertEquals(Set.of(List.of("first.example.test", "a.example.test", "b.example.test"),
                List.of("first.example.test", "b.example.test", "a.example.test")), orders);
    }

    @Test void nullMxIsPermanent() {
        dns.nullMx("nomail.test").a("nomail.test", "127.0.0.2");
        Resolution.Failed f = assertInstanceOf(Resolution.Failed.class, resolver.resolve("nomail.test"));
        assertTrue(f.permanent());
        assertEquals("5.1.10", f.status());
    }

    @Test void noMxFallsBackToTheDomainsAddresses() {
        dns.a("plain.test", "127.0.0.5").txt("plain.test", "v=spf1 -all");
        Resolution r = resolver.resolve("plain.test");
        assertEquals(List.of("plain.test"), names(r));
        assertEquals("127.0.0.5", ((Resolution.Hosts) r).hosts().get(0).addresses().get(0).getHostAddress());
    }

    @Test void noMxAndNoAddressIsPermanent() {
        dns.txt("textonly.test", "hello");
        Resolution.Failed f = assertInstanceOf(Resolution.Failed.class, resolver.resolve("textonly.test"));
        assertTrue(f.permanent());
        assertEquals("5.1.2", f.status());
    }

    @Test void nxdomainIsPermanent() {
        Resolution.Failed f = assertInstanceOf(Resolution.Failed.class, resolver.resolve("nowhere.test"));
        assertTrue(f.permanent());
        assertEquals("5.1.2", f.status());
    }

    @Test void servfailIsTemporaryAndNotCached() {
        dns.mx("flaky.test", 10, "mx.flaky.test").a("mx.flaky.test", "127.0.0.2").servfail("flaky.test");
        Resolution.Failed f = assertInstanceOf(Resolution.Failed.class, resolver.resolve("flaky.test"));
        assertFalse(f.permanent());
        assertEquals("4.4.3", f.status());
        dns.heal("flaky.test");
        assertEquals(List.of("mx.flaky.test"), names(resolver.resolve("flaky.test")));
    }

    @Test void timeoutIsTemporary() throws IOException {
        var address = dns.address();
        dns.close();  // nobody answers
        SimpleResolver r = new SimpleResolver(address);
        r.setTimeout(Duration.ofMillis(300));
        Resolution.Failed f = assertInstanceOf(Resolution.Failed.class, new MxResolver(r, clock, RandomGenerator.getDefault()).resolve("a.test"));
        assertFalse(f.permanent());
    }

    @Test void mxHostsWithoutAddressesArePermanentUnlessALookupFailed() {
        dns.mx("broken.test", 10, "gone.broken.test");
        assertEquals("5.4.4", assertInstanceOf(Resolution.Failed.class, resolver.resolve("broken.test")).status());
        dns.mx("half.test", 10, "gone.half.test").mx("half.test", 20, "mx.half.test").a("mx.half.test", "127.0.0.2");
        assertEquals(List.of("mx.half.test"), names(resolver.resolve("half.test")), "an MX host without address is skipped");
    }

    @Test void answersAreCachedForTheirTtl() {
        dns.ttl(60).mx("cached.test", 10, "mx.cached.test").a("mx.cached.test", "127.0.0.2");
        resolver.resolve("cached.test");
        resolver.resolve("cached.test");
        assertEquals(1, dns.queries("cached.test", "MX"));
        assertEquals(1, dns.queries("mx.cached.test", "A"));
        clock.advance(Duration.ofSeconds(61));
        resolver.resolve("cached.test");
        assertEquals(2, dns.queries("cached.test", "MX"));
    }

    @Test void addressLiteralsNeedNoDns() throws IOException {
        Resolution r = resolver.resolve("[127.0.0.7]");
        assertEquals(InetAddress.getByName("127.0.0.7"), ((Resolution.Hosts) r).hosts().get(0).addresses().get(0));
        Resolution v6 = resolver.resolve("[IPv6:::1]");
        assertEquals(InetAddress.getByName("::1"), ((Resolution.Hosts) v6).hosts().get(0).addresses().get(0));
        assertTrue(assertInstanceOf(Resolution.Failed.class, resolver.resolve("[not.an.address]")).permanent());
        assertTrue(dns.queries().isEmpty());
    }

    @Test void configuredServerIsUsed() {
        MxResolver viaConfig = MxResolver.create(Optional.of(dns.address()), Duration.ofSeconds(2));
        dns.a("direct.test", "127.0.0.9");
        assertEquals(List.of("direct.test"), names(viaConfig.resolve("direct.test")));
    }

    /** A clock the test moves. */
    static final class MutableClock extends Clock {
        private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

        void advance(Duration d) { now = now.plus(d); }

        @Override public Instant instant() { return now; }

        @Override public java.time.ZoneId getZone() { return ZoneOffset.UTC; }

        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
    }
}
