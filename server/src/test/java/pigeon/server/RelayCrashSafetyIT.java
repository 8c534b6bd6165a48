package pigeon.server;

import static org.junit.jupiter.api.Assertions.*;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pigeon.server.MailLoad.Outcome;
import pigeon.smtp.relay.TestDns;

/**
 * The outbound queue survives SIGKILL: the packaged server, as a separate process, takes mail for a
 * remote domain on the submission port and relays it (MX records from a DNS server on loopback) to
 * GreenMail on 127.0.0.3, and is killed twice while the relay is delivering, at random moments,
 * then restarted on the same data directory. Every message that got {@code 250} at submission
 * must reach GreenMail at least once. A delivery whose remote {@code 250} arrived but whose
 * removal from the queue was not yet committed at the kill is sent again: that is SMTP's
 * at-least-once, and the reason {@code relay.lease} is short here (the entries the dead process
 * held come back when their lease ends). Nothing whose end of DATA was never sent, or that was
 * refused, may arrive.
 */
class RelayCrashSafetyIT {
    @TempDir Path tmp;

    @Test void everyQueuedMessageIsDeliveredAfterSigkillDuringDelivery() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("RelayCrashSafetyIT seed: " + seed);
        Random random = new Random(seed);
        int peerPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.3"))) { peerPort = s.getLocalPort(); }
        GreenMail peer = new GreenMail(new ServerSetup(peerPort, "127.0.0.3", ServerSetup.PROTOCOL_SMTP));
        peer.start();
        Map<String, Outcome> sent = new HashMap<>();
        try (TestDns dns = TestDns.start(); ServerProcess server = ServerProcess.fromPackagedJar(tmp.resolve("data"))) {
            dns.mx("far.test", 10, "mx.far.test").a("mx.far.test", "127.0.0.3");
            server.configure("relay.dns = 127.0.0.1:" + dns.port(), "relay.port = " + peerPort, "relay.retry-first = 1s",
                    "relay.poll-interval = 1s", "relay.lease = 5s", "smtp.failed-login-delay = 0s");
            server.start();
            server.admin("secret\n", "user", "add", "alice@example.test");
            MailLoad.Route route = new MailLoad.Route(server.submissionPort, Optional.of("alice@example.test"), "alice@example.test", "bob@far.test");

            // Two kills, each while mail is being submitted and the relay is sending it.
            for (int kill = 1; kill <= 2; kill++) {
                if (kill > 1) server.start();
                MailLoad load = MailLoad.start(route, "q" + kill, 4);
                try {
                    awaitDelivered(peer, peer.getReceivedMessages().length + 50 + random.nextInt(150));
                    server.kill();
                } finally {
                    load.close();
                }
                sent.putAll(load.outcomes());
                System.out.printf("RelayCrashSafetyIT kill %d: %d submitted, %d delivered so far%n", kill, load.acknowledged(), peer.getReceivedMessages().length);
            }
            server.start();

            long acknowledged = sent.values().stream().filter(o -> o == Outcome.ACKNOWLEDGED).count();
            long deadline = System.nanoTime() + 60_000_000_000L;
            Map<String, Integer> received;
            while (true) {
                Map<String, Integer> now = received = tokens(peer);
                long missing = sent.entrySet().stream().filter(e -> e.getValue() == Outcome.ACKNOWLEDGED && !now.containsKey(e.getKey())).count();
                if (missing == 0) break;
                assertTrue(System.nanoTime() < deadline, missing + " of " + acknowledged + " queued messages never delivered; queue:\n"
                        + server.admin("", "queue", "list"));
                Thread.sleep(200);
            }
            for (String token : received.keySet()) {
                Outcome o = sent.get(token);
                assertTrue(o == Outcome.ACKNOWLEDGED || o == Outcome.IN_DOUBT, "delivered, but never acknowledged: " + token + " (" + o + ")");
            }
            long twice = received.values().stream().filter(n -> n > 1).count();
            System.out.printf("RelayCrashSafetyIT: %d queued, all delivered; %d delivered more than once%n", acknowledged, twice);
            assertTrue(acknowledged >= 200, "enough mail to kill during delivery: " + acknowledged);
        } finally {
            peer.stop();
        }
    }

    private static void awaitDelivered(GreenMail peer, int n) throws InterruptedException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (peer.getReceivedMessages().length < n) {
            assertTrue(System.nanoTime() < deadline, "the relay delivered only " + peer.getReceivedMessages().length + " of " + n + " in 30 s");
            Thread.sleep(20);
        }
    }

    private static Map<String, Integer> tokens(GreenMail peer) throws MessagingException {
        Map<String, Integer> tokens = new HashMap<>();
        for (MimeMessage m : peer.getReceivedMessages()) {
            String[] h = m.getHeader("X-Token");
            tokens.merge(h == null ? "(none)" : h[0], 1, Integer::sum);
        }
        return tokens;
    }
}
