package pigeon.server;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The packaged server (target/pigeon.jar, as `./pigeon` runs it) driven by the command-line
 * clients the README tells people to use: swaks, nc -C, curl and fetchmail (Debian packages;
 * .ci/run installs them). Outside CI a missing tool skips its test; in CI it fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandLineClientsIT {
    static ServerProcess server;
    static Path tmp;

    @BeforeAll static void start() throws Exception {
        tmp = Files.createTempDirectory("pigeon-it-");
        server = ServerProcess.fromPackagedJar(tmp.resolve("data"));
        server.start();
        server.admin("secret\n", "user", "add", "alice@example.test");
    }

    @AfterAll static void stop() throws Exception { server.close(); }

    private static void need(String tool) {
        boolean present = List.of(System.getenv("PATH").split(":")).stream().anyMatch(d -> Files.isExecutable(Path.of(d, tool)));
        if (System.getenv("CI") != null) assertTrue(present, tool + " must be installed in CI (.ci/run installs it)");
        Assumptions.assumeTrue(present, tool + " is not installed");
    }

    private static String run(String stdin, String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + String.join(" ", command));
        assertEquals(0, p.exitValue(), String.join(" ", command) + " failed:\n" + out);
        return out;
    }

    private static String pop3(String path) throws Exception {
        need("curl");
        return run("", "curl", "-sS", "-u", "alice@example.test:secret", "pop3://127.0.0.1:" + server.pop3Port + "/" + path);
    }

    @Test @Order(1) void swaksPipelinedIsStoredExactly() throws Exception {
        need("swaks");
        Path body = tmp.resolve("body.eml");
        Files.writeString(body, "Subject: from swaks\nX-Test: 1\n\nfirst line\n.line with a leading dot\nlast line\n");
        String out = run("", "swaks", "--server", "127.0.0.1:" + server.smtpPort, "--pipeline",
                "--from", "sender@far.test", "--to", "alice@example.test", "--data", body.toString());
        assertTrue(out.contains("<-  250 2.0.0 OK: queued as"), out);

        String stored = pop3("1");
        String original = "Subject: from swaks\r\nX-Test: 1\r\n\r\nfirst line\r\n.line with a leading dot\r\nlast line\r\n";
        assertTrue(stored.startsWith("Return-Path: <sender@far.test>\r\nReceived: from "), stored);
        // swaks writes CRLF before its final ".", after the file's own last newline: one empty line more.
        assertTrue(stored.endsWith("\r\n" + original + "\r\n"), "the message as swaks sent it, after our trace headers:\n" + stored);
        assertEquals("1 " + stored.length() + "\r\n", pop3(""), "LIST size is the exact octet count");
    }

    @Test @Order(2) void netcatTypedSessionIsAccepted() throws Exception {
        need("nc");
        String out = run("EHLO typist\nMAIL FROM:<me@far.test>\nRCPT TO:<alice@example.test>\nDATA\nSubject: by nc\n\nhello\n.\nQUIT\n",
                "nc", "-C", "-q", "5", "127.0.0.1", String.valueOf(server.smtpPort));
        assertTrue(out.contains("250 2.0.0 OK: queued as"), out);
        assertTrue(out.endsWith("221 2.0.0 mx.example.test closing connection\r\n"), out);
        assertTrue(pop3("2").endsWith("\r\nSubject: by nc\r\n\r\nhello\r\n"));
    }

    @Test @Order(3) void fetchmailRetrievesEverything() throws Exception {
        need("fetchmail");
        Path out = tmp.resolve("fetched.mbox"), rc = tmp.resolve("fetchmailrc");
        // sslproto "": fetchmail would otherwise insist on STLS, which this server does not offer yet.
        Files.writeString(rc, "poll 127.0.0.1 protocol pop3 port " + server.pop3Port + " user \"alice@example.test\" password \"secret\""
                + " sslproto \"\" keep mda \"cat >> " + out + "\"\n");
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        String log = run("", "fetchmail", "-f", rc.toString(), "--nosyslog", "--nodetach");
        assertTrue(log.contains("2 messages for alice@example.test"), log);
        String fetched = Files.readString(out);
        assertTrue(fetched.contains("Subject: from swaks") && fetched.contains(".line with a leading dot") && fetched.contains("Subject: by nc"), fetched);
    }
}
