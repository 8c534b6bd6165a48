package pigeon.server;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import pigeon.protocol.delivery.MailAddress;
import pigeon.store.MailStore;

/** The administration commands, run as `pigeon --data-dir DIR ...` would run them. */
class CommandLineTest {
    @TempDir Path data;

    record Result(int exit, String out, String err) {}

    private Result pigeon(String stdin, String... args) {
        PrintStream oldOut = System.out;
        InputStream oldIn = System.in;
        ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            System.setIn(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
            CommandLine cli = Main.commandLine();
            cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
            String[] all = new String[args.length + 2];
            all[0] = "--data-dir";
            all[1] = data.toString();
            System.arraycopy(args, 0, all, 2, args.length);
            int exit = cli.execute(all);
            return new Result(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(oldOut);
            System.setIn(oldIn);
        }
    }

    @Test void managesDomainsAccountsAliasesAndCatchAll() throws Exception {
        assertEquals(new Result(0, "added domain example.test\n", ""), pigeon("", "domain", "add", "Example.TEST"));
        assertEquals(1, pigeon("", "domain", "add", "example.test").exit());
        assertEquals(1, pigeon("", "domain", "add", "not a domain").exit());

        assertEquals(new Result(0, "added account alice@example.test\n", ""), pigeon("first password\n", "user", "add", "alice@example.test"));
        Result taken = pigeon("x\n", "user", "add", "ALICE@example.test");
        assertEquals(1, taken.exit());
        assertEquals("pigeon: address already in use: ALICE@example.test\n", taken.err());
        assertEquals("pigeon: not a local domain: far.test\n", pigeon("x\n", "user", "add", "bob@far.test").err());
        assertEquals("pigeon: empty password\n", pigeon("", "user", "add", "bob@example.test").err());
        assertEquals(0, pigeon("second password\n", "user", "passwd", "alice@example.test").exit());
        assertEquals(0, pigeon("pw\n", "user", "add", "bob@example.test").exit());
        assertEquals("alice@example.test\nbob@example.test\n", pigeon("", "user", "list").out());

        assertEquals(0, pigeon("", "alias", "add", "info@example.test", "bob@example.test").exit());
        assertEquals("info@example.test -> bob@example.test\n", pigeon("", "alias", "list").out());
        assertEquals(0, pigeon("", "catchall", "set", "example.test", "alice@example.test").exit());

        try (MailStore store = Pigeon.openStore(data, 2)) {  // what the server will see
            var dir = store.directory();
            assertTrue(dir.authenticate("alice@example.test", "second password").isPresent());
            assertTrue(dir.authenticate("alice@example.test", "first password").isEmpty());
            assertEquals("bob@example.test", dir.resolve(MailAddress.parse("info@example.test")).orElseThrow().address().toString());
            assertEquals("alice@example.test", dir.resolve(MailAddress.parse("anyone@example.test")).orElseThrow().address().toString());
        }

        assertEquals(0, pigeon("", "catchall", "clear", "example.test").exit());
        assertEquals(0, pigeon("", "alias", "remove", "info@example.test").exit());
        assertEquals(1, pigeon("", "alias", "remove", "info@example.test").exit());
        assertEquals(0, pigeon("", "user", "remove", "bob@example.test").exit());
        assertEquals("pigeon: no such account: bob@example.test\n", pigeon("", "user", "remove", "bob@example.test").err());
        assertEquals(0, pigeon("", "domain", "remove", "example.test").exit());
        assertEquals("", pigeon("", "domain", "list").out());
        assertEquals("", pigeon("", "user", "list").out());
    }

    @Test void showsRetriesAndDeletesQueueEntries() throws Exception {
        pigeon("", "domain", "add", "example.test");
        pigeon("pw\n", "user", "add", "alice@example.test");
        try (MailStore store = Pigeon.openStore(data, 2);
             var d = store.deliveryTarget().start(new pigeon.protocol.delivery.Envelope(java.util.Optional.of(MailAddress.parse("alice@example.test")),
                     "client", java.net.InetAddress.getLoopbackAddress(), java.util.Optional.of("alice@example.test"), "t"))) {
            d.addRecipient(MailAddress.parse("x@far.test"));
            d.body(new ByteArrayInputStream("Subject: out\r\n\r\nhi\r\n".getBytes(StandardCharsets.US_ASCII)));
            d.commit();
        }
        Result list = pigeon("", "queue", "list");
        assertTrue(list.out().matches("(?s)1  queued \\d+s ago, 0 attempt\\(s\\), next now  <alice@example.test> -> x@far.test\n    \\(not tried yet\\)\n"), list.out());
        assertEquals("1 entry due now (a running server picks them up within its poll interval)\n", pigeon("", "queue", "retry", "1").out());
        assertEquals("pigeon: no queue entry 7\n", pigeon("", "queue", "retry", "7").err());
        assertEquals(new Result(0, "deleted queue entry 1\n", ""), pigeon("", "queue", "delete", "1"));
        assertEquals("", pigeon("", "queue", "list").out());
    }

    @Test void generatesDkimKeysAndPrintsTheirDnsRecord() {
        Result made = pigeon("", "dkim", "generate", "example.test");
        assertEquals(0, made.exit(), made.err());
        assertTrue(made.out().contains("pigeon._domainkey.example.test. IN TXT \"v=DKIM1; k=rsa; p="), made.out());
        String record = made.out().lines().skip(1).findFirst().orElseThrow();
        assertEquals(record + "\n", pigeon("", "dkim", "show", "example.test").out());
        assertEquals("pigeon: a key for example.test with selector pigeon exists (--force replaces it)\n", pigeon("", "dkim", "generate", "example.test").err());
        assertEquals(0, pigeon("", "dkim", "generate", "example.test", "--force").exit());
        assertEquals("pigeon: no DKIM key for far.test (pigeon dkim generate far.test)\n", pigeon("", "dkim", "show", "far.test").err());
    }
}
