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
 * clients the README tells people to use: swaks, nc -C, curl (POP3 and IMAP), fetchmail, mbsync
 * (isync) and mutt, the last in a terminal that tmux provides (Debian packages; .ci/run installs
 * them). The tests run in order on one mailbox. Outside CI a missing tool skips its test; in CI it fails.
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
        // fetchmail takes the STLS offered and checks the certificate against the server's own
        Files.writeString(rc, "poll 127.0.0.1 protocol pop3 port " + server.pop3Port + " user \"alice@example.test\" password \"secret\""
                + " sslproto \"TLS1.2+\" sslcertck sslcommonname \"mx.example.test\" sslcertfile \"" + server.certificate() + "\" keep mda \"cat >> " + out + "\"\n");
        Files.setPosixFilePermissions(rc, PosixFilePermissions.fromString("rw-------"));
        String log = run("", "fetchmail", "-f", rc.toString(), "--nosyslog", "--nodetach");
        assertTrue(log.contains("2 messages for alice@example.test"), log);
        assertFalse(log.contains("certificate verification") || log.contains("Server certificate verification error"), log);
        String fetched = Files.readString(out);
        assertTrue(fetched.contains("Subject: from swaks") && fetched.contains(".line with a leading dot") && fetched.contains("Subject: by nc"), fetched);
    }

    private static String imap(String path, String... curlArgs) throws Exception {
        need("curl");
        List<String> cmd = new java.util.ArrayList<>(List.of("curl", "-sS", "-u", "alice@example.test:secret"));
        cmd.addAll(List.of(curlArgs));
        cmd.add("imap://127.0.0.1:" + server.imapPort + "/" + path);
        return run("", cmd.toArray(String[]::new));
    }

    @Test @Order(4) void curlListsFoldersAndFetchesOverImap() throws Exception {
        need("swaks"); need("nc");  // the two messages it lists are the ones tests 1 and 2 delivered
        String list = imap("");
        for (String box : List.of("\\Sent) \"/\" \"Sent\"", "\\Trash) \"/\" \"Trash\"", "\\Drafts) \"/\" \"Drafts\"", " \"INBOX\""))
            assertTrue(list.contains(box), "LIST shows " + box + ":\n" + list);
        assertEquals("* SEARCH 1 2\r\n", imap("INBOX", "-X", "SEARCH ALL"));
        assertEquals(pop3("1"), imap("INBOX;UID=1"), "BODY[] over IMAP is the message POP3 retrieves, octet for octet");
    }

    /** mbsync (isync), strict about IMAP: a full sync both ways, then a second run that changes nothing. */
    @Test @Order(5) void mbsyncSyncsBothWaysAndASecondRunChangesNothing() throws Exception {
        need("mbsync");
        Path maildir = tmp.resolve("maildir"), rc = tmp.resolve("mbsyncrc");
        Files.createDirectories(maildir);
        Files.writeString(rc, String.join("\n",
                "IMAPAccount pigeon", "Host 127.0.0.1", "Port " + server.imapPort, "User alice@example.test", "Pass secret",
                "SSLType STARTTLS", "CertificateFile " + server.certificate(), "", "IMAPStore remote", "Account pigeon", "",
                "MaildirStore local", "Path " + maildir + "/", "Inbox " + maildir.resolve("INBOX"), "SubFolders Verbatim", "",
                "Channel all", "Far :remote:", "Near :local:", "Patterns *", "Create Both", "Expunge Both", "SyncState *", "Sync All", ""));
        run("", "mbsync", "-c", rc.toString(), "all");
        List<Path> inbox = files(maildir.resolve("INBOX"));
        assertEquals(2, inbox.size(), "both messages arrived: " + inbox);
        for (String box : List.of("Sent", "Drafts", "Trash", "Junk", "Archive")) assertTrue(Files.isDirectory(maildir.resolve(box).resolve("cur")), box);

        // Locally: delete message 1, flag message 2, write a draft. mbsync carries all three to the server.
        Path first = inbox.stream().filter(f -> f.getFileName().toString().contains(",U=1:")).findFirst().orElseThrow();
        Path second = inbox.stream().filter(f -> f.getFileName().toString().contains(",U=2:")).findFirst().orElseThrow();
        Files.delete(first);
        Files.move(second, maildir.resolve("INBOX/cur").resolve(second.getFileName() + (second.toString().contains(":2,") ? "F" : ":2,F")));
        Files.writeString(maildir.resolve("Drafts/cur/1.draft:2,D"), "From: alice@example.test\nSubject: draft\n\nnot yet\n");
        run("", "mbsync", "-c", rc.toString(), "all");
        assertEquals("* 1 FETCH (UID 2 FLAGS (\\Flagged))\r\n", imap("INBOX", "-X", "FETCH 1:* (UID FLAGS)"));
        assertEquals("* 1 FETCH (UID 1 FLAGS (\\Draft))\r\n", imap("Drafts", "-X", "FETCH 1:* (UID FLAGS)"));

        List<Path> before = files(maildir);
        String again = run("", "mbsync", "-D", "-c", rc.toString(), "all");
        assertTrue(again.contains(">>> "), "mbsync -D shows the commands it sends:\n" + again);
        for (String change : List.of("APPEND", "STORE", "EXPUNGE", "CREATE"))
            assertFalse(again.lines().anyMatch(l -> l.startsWith(">>> ") && l.contains(change)), "the second run sent " + change + ":\n" + again);
        assertEquals(before, files(maildir), "the second run changed nothing locally");

        // (last: curl's BODY[] sets \Seen, which the next sync would rightly carry over)
        String draft = imap("Drafts;UID=1");  // mbsync adds its X-TUID header and sends CRLF line ends
        assertTrue(draft.contains("From: alice@example.test\r\nSubject: draft\r\n") && draft.endsWith("\r\n\r\nnot yet\r\n"), draft);
    }

    /** mutt in a real terminal: opens the remaining message, deletes it, and syncs on quit. */
    @Test @Order(6) void muttReadsAndDeletes() throws Exception {
        need("mutt");
        need("tmux");
        Path rc = tmp.resolve("muttrc");
        Files.writeString(rc, String.join("\n",
                "set folder=\"imap://alice%40example.test@127.0.0.1:" + server.imapPort + "/\"", "set imap_pass=\"secret\"",
                "set spoolfile=\"+INBOX\"", "set ssl_starttls=no", "set ssl_force_tls=no", "set delete=yes", "set move=no",
                "set record=\"\"", "set trash=\"\"", "set header_cache=\"\"", "set message_cachedir=\"\"", "set timeout=5", ""));
        String socket = "pigeon-it-" + ProcessHandle.current().pid();
        run("", "tmux", "-L", socket, "new-session", "-d", "-x", "150", "-y", "40", "mutt -n -F " + rc);
        try {
            awaitScreen(socket, "by nc");           // the index shows the message
            run("", "tmux", "-L", socket, "send-keys", "Enter");
            awaitScreen(socket, "hello");           // the pager shows its body
            run("", "tmux", "-L", socket, "send-keys", "q");
            awaitScreen(socket, "by nc");
            run("", "tmux", "-L", socket, "send-keys", "d", "$");  // delete, then sync (expunge)
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (!imap("INBOX", "-X", "SEARCH ALL").equals("* SEARCH\r\n")) {
                assertTrue(System.nanoTime() < deadline, "mutt did not expunge:\n" + screen(socket));
                Thread.sleep(200);
            }
            run("", "tmux", "-L", socket, "send-keys", "q");
        } finally {
            new ProcessBuilder("tmux", "-L", socket, "kill-server").start().waitFor(10, TimeUnit.SECONDS);
        }
    }

    /**
     * TLS as real clients do it: STARTTLS (swaks, curl --ssl-reqd, openssl s_client) and implicit TLS
     * (swaks --tlsc, curl smtps/imaps/pop3s), each checking the server's certificate where it can;
     * TLS 1.1 is refused.
     */
    @Test @Order(7) void tlsWithSwaksCurlAndOpenssl() throws Exception {
        need("swaks");
        need("openssl");
        String cert = server.certificate().toString();
        String starttls = run("", "swaks", "--server", "127.0.0.1:" + server.smtpPort, "--tls", "--tls-verify", "--tls-ca-path", cert,
                "--from", "sender@far.test", "--to", "alice@example.test", "--header", "Subject: swaks over STARTTLS");
        assertTrue(starttls.contains("=== TLS started with cipher TLSv1."), starttls);
        assertTrue(starttls.contains("<~  250 2.0.0 OK: queued as"), starttls);
        String implicit = run("", "swaks", "--server", "127.0.0.1:" + server.submissionsPort, "--tlsc", "--auth", "PLAIN",
                "--auth-user", "alice@example.test", "--auth-password", "secret", "--from", "alice@example.test", "--to", "alice@example.test",
                "--header", "Subject: swaks over implicit TLS");
        assertTrue(implicit.contains("<~  235 2.7.0 Authentication successful") && implicit.contains("<~  250 2.0.0 OK"), implicit);

        need("curl");
        List<String> curl = List.of("curl", "-sS", "--cacert", cert, "-u", "alice@example.test:secret");
        String status = run("", concat(curl, "--ssl-reqd", "-X", "STATUS INBOX (MESSAGES)", "imap://127.0.0.1:" + server.imapPort + "/INBOX"));
        assertTrue(status.startsWith("* STATUS \"INBOX\" (MESSAGES "), status);
        assertEquals(status, run("", concat(curl, "-X", "STATUS INBOX (MESSAGES)", "imaps://127.0.0.1:" + server.imapsPort + "/INBOX")));
        String list = run("", concat(curl, "--ssl-reqd", "pop3://127.0.0.1:" + server.pop3Port + "/"));
        assertEquals(list, run("", concat(curl, "pop3s://127.0.0.1:" + server.pop3sPort + "/")), "the same maildrop over STLS and pop3s");
        Path mail = tmp.resolve("curl.eml");
        Files.writeString(mail, "Subject: curl over smtps\n\nhello\n");
        String sent = run("", concat(curl, "--crlf", "--mail-from", "alice@example.test", "--mail-rcpt", "alice@example.test", "-T", mail.toString(),
                "-w", "%{response_code}", "smtps://127.0.0.1:" + server.submissionsPort));
        assertEquals("250", sent.strip());

        for (String proto : List.of("smtp", "pop3", "imap")) {
            int port = switch (proto) { case "smtp" -> server.smtpPort; case "pop3" -> server.pop3Port; default -> server.imapPort; };
            String out = run("", "openssl", "s_client", "-starttls", proto, "-connect", "127.0.0.1:" + port, "-CAfile", cert,
                    "-verify_return_error", "-brief");
            assertTrue(out.contains("Protocol version: TLSv1.3") && out.contains("Verification: OK"), proto + ":\n" + out);
            Process old = new ProcessBuilder("openssl", "s_client", "-starttls", proto, "-connect", "127.0.0.1:" + port, "-tls1_1")
                    .redirectErrorStream(true).start();
            old.getOutputStream().close();
            String refused = new String(old.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(old.waitFor(30, TimeUnit.SECONDS));
            assertNotEquals(0, old.exitValue(), proto + ": TLS 1.1 must be refused:\n" + refused);
        }
    }

    private static String[] concat(List<String> head, String... tail) {
        List<String> all = new java.util.ArrayList<>(head);
        all.addAll(List.of(tail));
        return all.toArray(String[]::new);
    }

    private static String screen(String socket) throws Exception {
        return run("", "tmux", "-L", socket, "capture-pane", "-p");
    }

    private static void awaitScreen(String socket, String text) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        String shown;
        while (!(shown = screen(socket)).contains(text)) {
            assertTrue(System.nanoTime() < deadline, "mutt never showed '" + text + "':\n" + shown);
            Thread.sleep(200);
        }
    }

    /** The message files under a maildir (not mbsync's state files), sorted. */
    private static List<Path> files(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile)
                    .filter(f -> f.getParent().getFileName().toString().matches("cur|new|tmp")).sorted().toList();
        }
    }
}
