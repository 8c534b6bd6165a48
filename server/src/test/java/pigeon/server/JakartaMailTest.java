package pigeon.server;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.activation.DataHandler;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Jakarta Mail (Angus) as an independent client: it sends over SMTP and reads back over POP3. */
class JakartaMailTest {
    static TestServer server;

    @BeforeAll static void start() throws Exception {
        server = new TestServer();
        server.fixture("accounts");
    }

    @AfterAll static void stop() throws Exception { server.close(); }

    private static Session session() { return TestServer.mailSession("127.0.0.1", server.pigeon); }

    @Test void multipartMessageArrivesByteForByte() throws Exception {
        Session session = session();
        MimeMessage sent = new MimeMessage(session);
        sent.setFrom(new InternetAddress("carol@far.test"));
        sent.setRecipients(Message.RecipientType.TO, "bob@example.test");
        sent.setSubject("Grüße, with an attachment", "UTF-8");
        MimeBodyPart text = new MimeBodyPart();
        text.setText("Hello Bob,\n.a line starting with a dot\n..and two\nbye\n", "UTF-8");
        byte[] binary = new byte[50_000];
        new Random(42).nextBytes(binary);
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(binary, "application/octet-stream")));
        attachment.setFileName("random.bin");
        sent.setContent(new MimeMultipart(text, attachment));
        sent.saveChanges();
        // What goes over the wire: writeTo keeps the text part's bare LFs, the SMTP transport sends CRLF.
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        try (OutputStream crlf = new org.eclipse.angus.mail.util.CRLFOutputStream(expected)) { sent.writeTo(crlf); }

        try (Transport t = session.getTransport("smtp")) {  // Transport.send would saveChanges() again: a new Message-ID
            t.connect();
            t.sendMessage(sent, sent.getAllRecipients());
        }

        byte[] retrieved = retrieveRaw("bob@example.test", 1);
        String asText = new String(retrieved, StandardCharsets.ISO_8859_1);
        assertTrue(asText.startsWith("Return-Path: <carol@far.test>\r\nReceived: from "), asText.substring(0, 200));
        int original = asText.indexOf("\r\n", asText.indexOf("Received: ")) + 2;
        while (asText.charAt(original) == ' ' || asText.charAt(original) == '\t') original = asText.indexOf("\r\n", original) + 2;  // folded Received
        assertArrayEquals(expected.toByteArray(), java.util.Arrays.copyOfRange(retrieved, original, retrieved.length),
                "the message as sent follows our two trace headers, unchanged");

        // Jakarta Mail's own POP3 provider parses it back, attachment and all.
        try (Store store = session.getStore("pop3")) {
            store.connect("bob@example.test", TestServer.PASSWORD);
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            assertEquals(1, inbox.getMessageCount());
            Message got = inbox.getMessage(1);
            assertEquals("Grüße, with an attachment", got.getSubject());
            assertEquals(retrieved.length, ((org.eclipse.angus.mail.pop3.POP3Folder) inbox).getSizes()[0], "LIST size is the exact octet count RETR sends");
            MimeMultipart mp = (MimeMultipart) got.getContent();
            try (InputStream in = mp.getBodyPart(1).getInputStream()) { assertArrayEquals(binary, in.readAllBytes()); }
            inbox.close(false);
        }
    }

    /** RETR over a raw socket, dot-stuffing undone by hand: exactly the stored octets. */
    static byte[] retrieveRaw(String user, int n) throws Exception {
        try (Socket s = new Socket("127.0.0.1", server.pigeon.pop3Port())) {
            InputStream in = s.getInputStream();
            OutputStream out = s.getOutputStream();
            out.write(("USER " + user + "\r\nPASS " + TestServer.PASSWORD + "\r\nLIST " + n + "\r\nRETR " + n + "\r\nQUIT\r\n").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            in.transferTo(all);
            String[] lines = all.toString(StandardCharsets.ISO_8859_1).split("\r\n", -1);
            assertTrue(lines[2].startsWith("+OK"), lines[2]);
            assertTrue(lines[3].startsWith("+OK"), lines[3]);
            long listed = Long.parseLong(lines[3].split(" ")[2]);
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            for (int i = 5; !lines[i].equals("."); i++) {
                String line = lines[i].startsWith(".") ? lines[i].substring(1) : lines[i];
                body.write((line + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            }
            assertEquals(listed, body.size(), "LIST n gives the exact size");
            return body.toByteArray();
        }
    }
}
