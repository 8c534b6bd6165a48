package pigeon.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Clients that ask for a large message and then stop reading (their receive window fills, the
 * server's write blocks) must not stall anyone else: the message's bytes are out of the database
 * before the first write, so no pooled connection is held across a blocked socket write, and the
 * write timeout closes such connections in the end.
 */
class SlowReadersTest {
    private static final int POOL = 4, STALLED = 12;
    private static final List<String> POP3_USERS = List.of("pop1", "pop2", "pop3");

    @Test void stalledImapAndPop3ReadersDoNotBlockDelivery() throws Exception {
        try (TestServer server = new TestServer(Map.of("db.pool-size", String.valueOf(POOL)))) {
            server.fixture("accounts");
            long inbox = server.inbox(server.account("alice"));
            byte[] big = ("Subject: big\r\n\r\n" + "x".repeat(76) + "\r\n").repeat(160_000).getBytes(StandardCharsets.US_ASCII);  // ~13 MB: more than the socket buffers hold
            server.mailboxes().append(inbox, new ByteArrayInputStream(big), Set.of(), Instant.now());
            // POP3 locks a maildrop for one session (RFC 1939 §8): each stalled POP3 reader has its own
            for (String u : POP3_USERS) server.mailboxes().append(server.inbox(server.account(u)), new ByteArrayInputStream(big), Set.of(), Instant.now());

            List<Socket> stalled = new ArrayList<>();
            try {
                for (int i = 0; i < STALLED; i++) {
                    boolean imap = i >= POP3_USERS.size();
                    Socket s = new Socket();
                    s.setReceiveBufferSize(4096);  // fills at once: the server's write blocks
                    s.connect(new InetSocketAddress("127.0.0.1", imap ? server.pigeon.imapPort() : server.pigeon.pop3Port()), 5000);
                    OutputStream out = s.getOutputStream();
                    out.write((imap ? "a LOGIN alice@example.test secret\r\nb SELECT INBOX\r\nc FETCH 1 BODY[]\r\n"
                            : "USER " + POP3_USERS.get(i) + "@example.test\r\nPASS secret\r\nRETR 1\r\n").getBytes(StandardCharsets.US_ASCII));
                    out.flush();
                    stalled.add(s);
                }
                for (Socket s : stalled) started(s);  // every session is writing the message now, and soon blocked
                Thread.sleep(500);

                // SMTP delivery (a pooled connection for the commit) and an IMAP login still go through at once.
                assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
                    jakarta.mail.Session mail = TestServer.mailSession("127.0.0.1", server.pigeon);
                    jakarta.mail.internet.MimeMessage m = new jakarta.mail.internet.MimeMessage(mail);
                    m.setFrom("carol@far.test");
                    m.setRecipients(jakarta.mail.Message.RecipientType.TO, "bob@example.test");
                    m.setSubject("still flowing");
                    m.setText("hello");
                    jakarta.mail.Transport.send(m);
                    try (jakarta.mail.Store store = mail.getStore("imap")) {
                        store.connect("bob@example.test", TestServer.PASSWORD);
                        jakarta.mail.Folder f = store.getFolder("INBOX");
                        f.open(jakarta.mail.Folder.READ_ONLY);
                        assertEquals("still flowing", f.getMessage(1).getSubject());
                    }
                });

            } finally {
                for (Socket s : stalled) s.close();
            }
        }
    }

    /** A client that stops reading is disconnected once one write has waited for longer than the write timeout. */
    @Test void theWriteTimeoutEndsAStalledSession() throws Exception {
        try (TestServer server = new TestServer(Map.of("imap.write-timeout", "1s"))) {
            server.fixture("accounts");
            byte[] big = ("Subject: big\r\n\r\n" + "x".repeat(76) + "\r\n").repeat(160_000).getBytes(StandardCharsets.US_ASCII);
            server.mailboxes().append(server.inbox(server.account("alice")), new ByteArrayInputStream(big), Set.of(), Instant.now());
            try (Socket s = new Socket()) {
                s.setReceiveBufferSize(4096);
                s.connect(new InetSocketAddress("127.0.0.1", server.pigeon.imapPort()), 5000);
                s.getOutputStream().write("a LOGIN alice@example.test secret\r\nb SELECT INBOX\r\nc FETCH 1 BODY[]\r\n".getBytes(StandardCharsets.US_ASCII));
                started(s);
                Thread.sleep(3000);  // the server's write has waited for more than a second: the connection is closed
                s.setSoTimeout(10_000);
                long read = drain(s.getInputStream());
                assertTrue(read < big.length, "closed before the whole message: " + read);
            }
        }
    }

    /** Reads until the message's text begins, then stops reading. */
    private static void started(Socket s) throws IOException {
        s.setSoTimeout(20_000);
        InputStream in = s.getInputStream();
        int xs = 0;
        while (xs < 50) {  // the message lines hold 76
            int b = in.read();
            if (b < 0) throw new IOException("closed before the message");
            xs = b == 'x' ? xs + 1 : 0;
        }
    }

    private static long drain(InputStream in) {
        long n = 0;
        byte[] b = new byte[65536];
        try {
            for (int r; (r = in.read(b)) > 0; ) n += r;
        } catch (IOException e) {
            // reset by the server: ended
        }
        return n;
    }
}
