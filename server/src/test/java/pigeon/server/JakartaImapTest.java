package pigeon.server;

import static org.junit.jupiter.api.Assertions.*;

import jakarta.activation.DataHandler;
import jakarta.mail.FetchProfile;
import jakarta.mail.Flags;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.UIDFolder;
import jakarta.mail.event.MessageCountAdapter;
import jakarta.mail.event.MessageCountEvent;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.search.AndTerm;
import jakarta.mail.search.BodyTerm;
import jakarta.mail.search.FlagTerm;
import jakarta.mail.search.FromStringTerm;
import jakarta.mail.search.SubjectTerm;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.InputStream;
import java.util.Arrays;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.eclipse.angus.mail.imap.AppendUID;
import org.eclipse.angus.mail.imap.IMAPFolder;
import org.eclipse.angus.mail.imap.IMAPStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Jakarta Mail's (Angus) IMAP provider as an independent client: folders, envelopes and parts,
 * flags, UIDPLUS copy and MOVE, SEARCH, APPEND, EXPUNGE and IDLE woken by an SMTP delivery. Each
 * test has an account of its own.
 */
class JakartaImapTest {
    static TestServer server;

    @BeforeAll static void start() throws Exception {
        server = new TestServer();
        server.fixture("accounts");
    }

    @AfterAll static void stop() throws Exception { server.close(); }

    private static Session session() { return TestServer.mailSession("127.0.0.1", server.pigeon); }

    /** A fresh account and a connected store for it. */
    private static IMAPStore connect(Session session, String user) throws Exception {
        server.account(user);
        IMAPStore store = (IMAPStore) session.getStore("imap");
        store.connect(user + "@" + TestServer.DOMAIN, TestServer.PASSWORD);
        return store;
    }

    private static void deliver(Session session, String to, String subject, String text) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("carol@far.test", "Carol"));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        Transport.send(m);
    }

    private static MimeMessage message(Session session, String subject) throws Exception {
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("dave@far.test"));
        m.setSubject(subject);
        m.setText("appended " + subject + "\n");
        m.saveChanges();
        return m;
    }

    @Test void folders() throws Exception {
        try (Store store = connect(session(), "folders")) {
            Set<String> names = Arrays.stream(store.getDefaultFolder().list("*")).map(Folder::getFullName).collect(Collectors.toSet());
            assertTrue(names.containsAll(Set.of("INBOX", "Sent", "Drafts", "Trash", "Junk", "Archive")), names.toString());
            assertEquals('/', store.getDefaultFolder().getSeparator());

            Folder projects = store.getFolder("Projects/2026");
            assertFalse(projects.exists());
            assertTrue(projects.create(Folder.HOLDS_MESSAGES));
            assertTrue(store.getFolder("Projects").exists(), "the parent is created too");
            Folder renamed = store.getFolder("Projects/2027");
            assertTrue(projects.renameTo(renamed));
            assertTrue(renamed.exists());
            assertFalse(store.getFolder("Projects/2026").exists());
            assertTrue(renamed.delete(false));
            assertFalse(store.getFolder("Projects/2027").exists());
        }
    }

    @Test void envelopesAndPartsOfAMultipartMessage() throws Exception {
        Session session = session();
        try (Store store = connect(session, "reader")) {
            MimeMessage sent = new MimeMessage(session);
            sent.setFrom(new InternetAddress("carol@far.test", "Carol"));
            sent.setRecipients(Message.RecipientType.TO, "reader@example.test");
            sent.setSubject("Grüße, with an attachment", "UTF-8");
            MimeBodyPart text = new MimeBodyPart();
            text.setText("Hello,\n.a line starting with a dot\nbye\n", "UTF-8");
            byte[] binary = new byte[40_000];
            new Random(7).nextBytes(binary);
            MimeBodyPart attachment = new MimeBodyPart();
            attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(binary, "application/octet-stream")));
            attachment.setFileName("random.bin");
            sent.setContent(new MimeMultipart(text, attachment));
            Transport.send(sent);

            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            assertEquals(1, inbox.getMessageCount());
            Message[] all = inbox.getMessages();
            FetchProfile profile = new FetchProfile();
            profile.add(FetchProfile.Item.ENVELOPE);
            profile.add(FetchProfile.Item.FLAGS);
            profile.add(FetchProfile.Item.CONTENT_INFO);
            profile.add(UIDFolder.FetchProfileItem.UID);
            inbox.fetch(all, profile);
            Message got = all[0];
            assertEquals("Grüße, with an attachment", got.getSubject());
            assertEquals(new InternetAddress("carol@far.test", "Carol"), got.getFrom()[0]);
            assertEquals("reader@example.test", ((InternetAddress) got.getRecipients(Message.RecipientType.TO)[0]).getAddress());
            assertFalse(got.isSet(Flags.Flag.SEEN));
            assertTrue(got.isMimeType("multipart/mixed"));
            assertEquals(1L, ((UIDFolder) inbox).getUID(got));

            MimeMultipart parts = (MimeMultipart) got.getContent();
            assertEquals(2, parts.getCount());
            assertEquals("Hello,\n.a line starting with a dot\nbye\n", parts.getBodyPart(0).getContent().toString().replace("\r\n", "\n"));
            assertEquals("random.bin", parts.getBodyPart(1).getFileName());
            try (InputStream in = parts.getBodyPart(1).getInputStream()) {
                assertArrayEquals(binary, in.readAllBytes(), "the attachment decodes to the bytes sent");
            }
            assertTrue(got.getSize() > 40_000);
            inbox.close(false);
        }
    }

    @Test void flagsAndKeywords() throws Exception {
        Session session = session();
        try (Store store = connect(session, "flagger")) {
            deliver(session, "flagger@example.test", "one", "first");
            deliver(session, "flagger@example.test", "two", "second");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            assertTrue(inbox.getPermanentFlags().contains(Flags.Flag.USER), "keywords can be created (\\*)");
            Message first = inbox.getMessage(1);
            first.setFlag(Flags.Flag.SEEN, true);
            first.setFlag(Flags.Flag.FLAGGED, true);
            first.setFlags(new Flags("$Work"), true);
            inbox.getMessage(2).setFlag(Flags.Flag.ANSWERED, true);
            inbox.getMessage(2).setFlag(Flags.Flag.ANSWERED, false);
            inbox.close(false);
        }
        try (Store again = connect(session, "flagger")) {  // a second connection reads them back
            Folder inbox = again.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Flags flags = inbox.getMessage(1).getFlags();
            assertTrue(flags.contains(Flags.Flag.SEEN) && flags.contains(Flags.Flag.FLAGGED) && flags.contains("$Work"), flags.toString());
            assertFalse(inbox.getMessage(2).isSet(Flags.Flag.ANSWERED));
            assertFalse(inbox.getMessage(2).isSet(Flags.Flag.SEEN));
            assertEquals(1, inbox.getUnreadMessageCount());
            inbox.close(false);
        }
    }

    @Test void copyAndMoveWithUids() throws Exception {
        Session session = session();
        try (Store store = connect(session, "mover")) {
            for (int i = 1; i <= 3; i++) deliver(session, "mover@example.test", "message " + i, "text " + i);
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            IMAPFolder archive = (IMAPFolder) store.getFolder("Archive");
            IMAPFolder trash = (IMAPFolder) store.getFolder("Trash");

            AppendUID[] copied = inbox.copyUIDMessages(new Message[] {inbox.getMessage(1), inbox.getMessage(2)}, archive);
            assertEquals(2, copied.length);
            assertEquals(1, copied[0].uid);
            assertEquals(2, copied[1].uid);
            assertEquals(archive.getUIDValidity(), copied[0].uidvalidity);
            assertEquals(3, inbox.getMessageCount());

            Message third = inbox.getMessage(3);
            AppendUID[] moved = inbox.moveUIDMessages(new Message[] {third}, trash);  // MOVE (RFC 6851)
            assertEquals(1, moved.length);
            assertTrue(third.isExpunged(), "the MOVE's EXPUNGE reached the client");
            assertEquals(2, store.getFolder("INBOX").getMessageCount(), "the moved message left INBOX");  // STATUS
            trash.open(Folder.READ_ONLY);
            Message inTrash = trash.getMessageByUID(moved[0].uid);
            assertEquals("message 3", inTrash.getSubject());
            trash.close(false);
            archive.open(Folder.READ_ONLY);
            assertEquals("message 2", archive.getMessageByUID(copied[1].uid).getSubject());
            archive.close(false);
            inbox.close(false);
        }
    }

    @Test void search() throws Exception {
        Session session = session();
        try (Store store = connect(session, "searcher")) {
            deliver(session, "searcher@example.test", "Quarterly report", "numbers inside");
            deliver(session, "searcher@example.test", "Lunch?", "pizza at noon");
            deliver(session, "searcher@example.test", "Re: Lunch?", "yes, pizza");
            Folder inbox = store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            inbox.getMessage(3).setFlag(Flags.Flag.SEEN, true);
            assertEquals(2, inbox.search(new SubjectTerm("lunch")).length);
            assertEquals(2, inbox.search(new BodyTerm("pizza")).length);
            Message[] unseenLunch = inbox.search(new AndTerm(new FlagTerm(new Flags(Flags.Flag.SEEN), false), new SubjectTerm("Lunch")));
            assertEquals(1, unseenLunch.length);
            assertEquals("Lunch?", unseenLunch[0].getSubject());
            assertEquals(3, inbox.search(new FromStringTerm("carol@far.test")).length);
            assertEquals(0, inbox.search(new SubjectTerm("nothing like this")).length);
            inbox.close(false);
        }
    }

    @Test void appendAndExpunge() throws Exception {
        Session session = session();
        try (Store store = connect(session, "appender")) {
            IMAPFolder drafts = (IMAPFolder) store.getFolder("Drafts");
            drafts.open(Folder.READ_WRITE);
            AppendUID[] uids = drafts.appendUIDMessages(new Message[] {message(session, "draft 1"), message(session, "draft 2")});
            assertEquals(2, uids.length);
            assertEquals(1, uids[0].uid);
            assertEquals(2, uids[1].uid);
            assertEquals(2, drafts.getMessageCount());
            drafts.getMessageByUID(1).setFlag(Flags.Flag.DELETED, true);
            Message[] gone = drafts.expunge();
            assertEquals(1, gone.length);
            assertEquals(1, drafts.getMessageCount());
            assertEquals("draft 2", drafts.getMessage(1).getSubject());
            assertTrue(drafts.getMessage(1).getContent().toString().startsWith("appended draft 2"));
            drafts.close(false);
        }
    }

    /** IDLE (RFC 2177): a delivery over SMTP reaches the idling folder within seconds. */
    @Test void idleWokenByDelivery() throws Exception {
        Session session = session();
        try (Store store = connect(session, "idler")) {
            IMAPFolder inbox = (IMAPFolder) store.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            CountDownLatch arrived = new CountDownLatch(1);
            inbox.addMessageCountListener(new MessageCountAdapter() {
                @Override public void messagesAdded(MessageCountEvent e) { arrived.countDown(); }
            });
            Thread idler = Thread.ofVirtual().start(() -> {
                try {
                    inbox.idle(true);
                } catch (Exception e) {
                    // the folder closes under it at the end of the test
                }
            });
            Thread.sleep(300);  // let IDLE begin
            long start = System.nanoTime();
            deliver(session, "idler@example.test", "ping", "are you there?");
            assertTrue(arrived.await(5, TimeUnit.SECONDS), "IDLE did not report the delivery");
            assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5));
            idler.join(5000);
            assertFalse(idler.isAlive(), "idle(true) returns after the first notification");
            assertEquals(1, inbox.getMessageCount());
            assertEquals("ping", inbox.getMessage(1).getSubject());
            inbox.close(false);
        }
    }
}
