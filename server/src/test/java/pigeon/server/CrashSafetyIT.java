package pigeon.server;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import pigeon.server.MailLoad.Outcome;

/**
 * Durability before acknowledgement, proved on the packaged server as users run it: a separate
 * process receives mail over SMTP from several threads and is killed with SIGKILL (no shutdown
 * hook, no database close) at a random moment, several times, restarted each time on the same data
 * directory. After every restart, over IMAP:
 * <ul>
 * <li>every message that got {@code 250} to the end of DATA is in the INBOX exactly once;
 * <li>a message whose end of DATA was sent but whose reply never came (the kill fell between the
 *     server reading the final dot and the client reading the reply: in the body, the commit, the
 *     fsync, or the write of the {@code 250}) is there at most once, and it stays what it was at the
 *     first look: either committed or not, never half and never later;
 * <li>nothing else is there: no message refused, none whose end of DATA was never sent.
 * </ul>
 * The seed of the random moments is printed, so a failing run can be replayed with {@code -Dcrash.seed=}.
 */
class CrashSafetyIT {
    private static final int KILLS = 3, SENDERS = 10;
    /** The Message-ID as the ENVELOPE shows it: {@code "<token@load.test>"}. */
    private static final Pattern TOKEN = Pattern.compile("\"<([^@>\"]+)@load\\.test>\"");
    private static final Pattern EXISTS = Pattern.compile("^\\* (\\d+) EXISTS$");

    @TempDir Path tmp;

    @Test void everyAcknowledgedMessageSurvivesRepeatedSigkillExactlyOnce() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.out.println("CrashSafetyIT seed: " + seed);
        Random random = new Random(seed);
        Map<String, Outcome> sent = new HashMap<>();
        Map<String, Boolean> inDoubtStored = new HashMap<>();  // as first seen after a restart
        try (ServerProcess server = ServerProcess.fromPackagedJar(tmp.resolve("data"))) {
            server.start();
            server.admin("secret\n", "user", "add", "alice@example.test");
            MailLoad.Route route = new MailLoad.Route(server.smtpPort, Optional.empty(), "load@far.test", "alice@example.test");
            for (int kill = 1; kill <= KILLS; kill++) {
                int target = 400 + random.nextInt(500);
                long t0 = System.nanoTime();
                MailLoad load = MailLoad.start(route, "k" + kill, SENDERS);
                try {
                    long deadline = System.nanoTime() + 30_000_000_000L;
                    while (load.acknowledged() < target) {
                        assertTrue(System.nanoTime() < deadline, "only " + load.acknowledged() + " of " + target + " acknowledged in 30 s");
                        Thread.sleep(5);
                    }
                    Thread.sleep(random.nextInt(20));  // somewhere inside a message, not just after a 250
                    server.kill();
                } finally {
                    load.close();
                }
                sent.putAll(load.outcomes());
                long t1 = System.nanoTime();
                server.start();
                long t2 = System.nanoTime();
                check(tokensInInbox(server.imapPort), sent, inDoubtStored, kill);
                System.out.printf("CrashSafetyIT kill %d: %d acknowledged in %d ms, restart %d ms, check %d ms%n", kill,
                        load.acknowledged(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (System.nanoTime() - t2) / 1_000_000);
            }
        }
        long acknowledged = sent.values().stream().filter(o -> o == Outcome.ACKNOWLEDGED).count();
        System.out.printf("CrashSafetyIT: %d kills, %d acknowledged, %d in doubt (%d of them stored)%n", KILLS, acknowledged,
                inDoubtStored.size(), inDoubtStored.values().stream().filter(b -> b).count());
    }

    private static void check(Map<String, Integer> stored, Map<String, Outcome> sent, Map<String, Boolean> inDoubtStored, int kill) {
        for (var e : stored.entrySet()) {
            Outcome o = sent.get(e.getKey());
            assertNotNull(o, "after kill " + kill + ": stored, but its end of DATA was never sent: " + e.getKey());
            assertNotEquals(Outcome.REFUSED, o, "after kill " + kill + ": refused, but stored: " + e.getKey());
            assertEquals(1, e.getValue(), "after kill " + kill + ": stored " + e.getValue() + " times: " + e.getKey());
        }
        for (var e : sent.entrySet()) {
            boolean present = stored.containsKey(e.getKey());
            switch (e.getValue()) {
                case ACKNOWLEDGED -> assertTrue(present, "after kill " + kill + ": acknowledged with 250, but lost: " + e.getKey());
                case IN_DOUBT -> {
                    boolean first = inDoubtStored.computeIfAbsent(e.getKey(), k -> present);
                    assertEquals(first, present, "after kill " + kill + ": an unanswered message changed its mind: " + e.getKey());
                }
                case REFUSED -> { /* checked above */ }
            }
        }
    }

    /** How often each token (in the Message-ID) occurs in alice's INBOX, read over IMAP; a message without one counts as "(none)". */
    private static Map<String, Integer> tokensInInbox(int port) throws IOException {
        Map<String, Integer> tokens = new HashMap<>();
        try (Socket s = new Socket("127.0.0.1", port)) {
            s.setSoTimeout(60_000);
            InputStream in = new BufferedInputStream(s.getInputStream());
            OutputStream out = s.getOutputStream();
            assertTrue(line(in).startsWith("* OK"));
            out.write("a1 LOGIN alice@example.test secret\r\na2 EXAMINE INBOX\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int exists = -1;
            for (String l; !(l = line(in)).startsWith("a2 ");) {
                Matcher m = EXISTS.matcher(l);
                if (m.matches()) exists = Integer.parseInt(m.group(1));
                assertFalse(l.startsWith("a1 ") && !l.startsWith("a1 OK"), l);
            }
            assertTrue(exists >= 0, "EXAMINE gave no EXISTS");
            if (exists == 0) return tokens;
            // ENVELOPE comes from what was computed at delivery: no message is read again.
            out.write("a3 FETCH 1:* (ENVELOPE)\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            int fetched = 0;
            for (String l; !(l = line(in)).startsWith("a3 ");) {
                if (!l.startsWith("* ") || !l.contains(" FETCH (ENVELOPE ")) continue;
                fetched++;
                Matcher token = TOKEN.matcher(l);
                tokens.merge(token.find() ? token.group(1) : "(none) " + l, 1, Integer::sum);
            }
            assertEquals(exists, fetched, "one FETCH response per message");
            out.write("a4 LOGOUT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        return tokens;
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c; (c = in.read()) != '\n';) {
            if (c < 0) throw new IOException("connection closed");
            if (c != '\r') b.write(c);
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
