package pigeon.webmail;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import pigeon.store.Flag;
import pigeon.store.MessageEntry;

/** Writing, organising, searching and push, through HTTP against a real store. */
class WebmailMailTest {
    private final WebmailFixture f = new WebmailFixture();
    private String cookie, token;

    @BeforeEach void login() throws Exception {
        cookie = f.login("alice@example.test");
        token = f.csrf(cookie);
    }

    @AfterEach void close() { f.close(); }

    /** A multipart/form-data POST as a browser sends the compose form; files are name → (filename, content). */
    private HttpResponse<String> compose(Map<String, String> fields, Map<String, String[]> files) throws Exception {
        String boundary = "----b" + System.nanoTime();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", token);
        for (var e : all.entrySet()) {
            for (String v : e.getValue().split("\u0000", -1)) {
                body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n" + v + "\r\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        }
        for (var e : files.entrySet()) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"; filename=\"" + e.getValue()[0]
                    + "\"\r\nContent-Type: text/plain\r\n\r\n" + e.getValue()[1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return f.http.send(HttpRequest.newBuilder(URI.create(f.base() + "/compose")).header("Cookie", cookie).header("Origin", f.base())
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
    }

    private String content(MessageEntry e) throws Exception {
        try (InputStream in = f.store.mailboxes().openContent(e.messageId())) { return new String(in.readAllBytes(), StandardCharsets.UTF_8); }
    }

    private List<MessageEntry> entries(pigeon.store.Account a, String box) { return f.store.mailboxes().entries(f.mailbox(a, box)); }

    @Test void sendsToALocalAccountThroughSubmissionAndKeepsACopyInSent() throws Exception {
        HttpResponse<String> r = compose(Map.of("action", "send", "to", "Bob <bob@example.test>", "bcc", "alice@example.test",
                "subject", "Grüße", "body", "Hello Bob,\nsee the file.\n"), Map.of("attachment", new String[] {"notes.txt", "the notes"}));
        assertEquals(302, r.statusCode(), r.body());
        List<MessageEntry> bobs = entries(f.bob, "INBOX");
        assertEquals(1, bobs.size());
        String delivered = content(bobs.get(0));
        assertTrue(delivered.contains("From: alice@example.test"), delivered);
        assertTrue(delivered.contains("Subject: =?UTF-8?"), "encoded subject");
        assertTrue(delivered.contains("notes.txt") && delivered.contains("the notes"));
        assertFalse(delivered.contains("Bcc:"), "Bcc is not delivered");
        assertTrue(delivered.contains("Message-ID: <") && delivered.contains("@mx.example.test>"));
        assertEquals(1, entries(f.alice, "INBOX").size(), "the Bcc reached alice");
        List<MessageEntry> sent = entries(f.alice, "Sent");
        assertEquals(1, sent.size());
        assertTrue(sent.get(0).flags().contains(Flag.SEEN));
        assertTrue(content(sent.get(0)).contains("Bcc: alice@example.test"), "the Sent copy remembers the Bcc");
        String page = f.get("/box/" + f.mailbox(f.alice, "Sent"), "Cookie", cookie).body();
        assertTrue(page.contains("Grüße") && page.contains("Has attachments"));
    }

    @Test void anUnknownLocalRecipientSendsNothing() throws Exception {
        HttpResponse<String> r = compose(Map.of("action", "send", "to", "bob@example.test, nobody@example.test", "subject", "x", "body", "y"), Map.of());
        assertEquals(400, r.statusCode());
        assertTrue(r.body().contains("There is no such user here: nobody@example.test"), r.body());
        assertTrue(r.body().contains("value=\"bob@example.test, nobody@example.test\""), "the form keeps what was typed");
        assertTrue(entries(f.bob, "INBOX").isEmpty());
        assertTrue(entries(f.alice, "Sent").isEmpty());
        assertEquals(400, compose(Map.of("action", "send", "to", "not an address<", "subject", "x", "body", "y"), Map.of()).statusCode());
    }

    @Test void tooLargeIsRefusedAndNothingIsSent() throws Exception {
        String big = "x".repeat(1_200_000);  // the fixture's limit is 1M
        HttpResponse<String> r = compose(Map.of("action", "send", "to", "bob@example.test", "subject", "big", "body", "y"),
                Map.of("attachment", new String[] {"big.txt", big}));
        assertEquals(413, r.statusCode(), r.body());
        assertTrue(r.body().contains("too large"), r.body());
        String almost = "x".repeat(1_030_000);  // fits as a file, not once its transfer encoding makes it larger
        HttpResponse<String> r2 = compose(Map.of("action", "send", "to", "bob@example.test", "subject", "big", "body", "y"),
                Map.of("attachment", new String[] {"big.txt", almost}));
        assertEquals(400, r2.statusCode(), r2.body());
        assertTrue(r2.body().contains("larger than"), r2.body());
        assertTrue(entries(f.bob, "INBOX").isEmpty());
        assertTrue(entries(f.alice, "Sent").isEmpty());
    }

    @Test void replyThreadsAndMarksAnsweredForwardCarriesAttachments() throws Exception {
        long uid = f.deliver(f.alice, "From: Bob <bob@example.test>\nTo: alice@example.test, carol@example.test\nMessage-ID: <orig@example.test>\n"
                + "Subject: plans\nContent-Type: multipart/mixed; boundary=z\n\n--z\nContent-Type: text/plain\n\nShall we?\n--z\n"
                + "Content-Type: text/plain; name=map.txt\nContent-Disposition: attachment; filename=map.txt\n\nthe map\n--z--\n");
        long inbox = f.mailbox(f.alice, "INBOX");
        String form = f.get("/compose?reply=" + inbox + ":" + uid + "&all=1", "Cookie", cookie).body();
        assertTrue(form.contains("value=\"Bob &lt;bob@example.test&gt;\""), form);
        assertTrue(form.contains("value=\"carol@example.test\""), "reply-all keeps the others, not me");
        assertTrue(form.contains("value=\"Re: plans\"") && form.contains("&gt; Shall we?"));
        assertEquals(302, compose(Map.of("action", "send", "to", "bob@example.test", "subject", "Re: plans", "body", "Yes.",
                "inReplyTo", inbox + ":" + uid), Map.of()).statusCode());
        String reply = content(entries(f.bob, "INBOX").get(0));
        assertTrue(reply.contains("In-Reply-To: <orig@example.test>") && reply.contains("References: <orig@example.test>"), reply);
        assertTrue(f.store.mailboxes().entries(inbox, List.of(uid)).get(0).flags().contains(Flag.ANSWERED));

        String fwd = f.get("/compose?forward=" + inbox + ":" + uid, "Cookie", cookie).body();
        assertTrue(fwd.contains("name=\"keep\" value=\"1\" checked") && fwd.contains("map.txt"), fwd);
        assertEquals(302, compose(Map.of("action", "send", "to", "bob@example.test", "subject", "Fwd: plans", "body", "FYI",
                "carry", inbox + ":" + uid, "keep", "1"), Map.of()).statusCode());
        String forwarded = content(entries(f.bob, "INBOX").get(1));
        assertTrue(forwarded.contains("filename=map.txt") && forwarded.contains("the map"), forwarded);
    }

    @Test void draftsAreSavedEditedAndReplaced() throws Exception {
        assertEquals(302, compose(Map.of("action", "draft", "to", "bob@example.test", "subject", "half done", "body", "to be continued"),
                Map.of("attachment", new String[] {"a.txt", "AAA"})).statusCode());
        List<MessageEntry> drafts = entries(f.alice, "Drafts");
        assertEquals(1, drafts.size());
        assertTrue(drafts.get(0).flags().contains(Flag.DRAFT));
        long drafts_ = f.mailbox(f.alice, "Drafts");
        String form = f.get("/compose?draft=" + drafts_ + ":" + drafts.get(0).uid(), "Cookie", cookie).body();
        assertTrue(form.contains("to be continued") && form.contains("a.txt") && form.contains("name=\"replacing\""), form);
        assertEquals(302, compose(Map.of("action", "send", "to", "bob@example.test", "subject", "done", "body", "finished",
                "replacing", "" + drafts.get(0).uid(), "carry", drafts_ + ":" + drafts.get(0).uid(), "keep", "1"), Map.of()).statusCode());
        assertTrue(entries(f.alice, "Drafts").isEmpty(), "the sent draft is gone");
        assertTrue(content(entries(f.bob, "INBOX").get(0)).contains("AAA"));
    }

    @Test void foldersAreCreatedRenamedAndDeletedAndMessagesMovedAndFlagged() throws Exception {
        assertEquals(302, f.post("/folders/create", Map.of("name", "Projects/2026", "_csrf", token), "Cookie", cookie, "Origin", f.base()).statusCode());
        assertTrue(f.store.mailboxes().find(f.alice.id(), "Projects/2026").isPresent());
        long projects = f.mailbox(f.alice, "Projects/2026");
        assertEquals(400, f.post("/folders/create", Map.of("name", "Projects/2026", "_csrf", token), "Cookie", cookie, "Origin", f.base()).statusCode());
        long uid = f.deliver(f.alice, "Subject: move me\n\nx\n");
        long inbox = f.mailbox(f.alice, "INBOX");
        f.post("/box/" + inbox + "/act", Map.of("op", "flag", "uid", "" + uid, "_csrf", token), "Cookie", cookie, "Origin", f.base());
        assertTrue(f.store.mailboxes().entries(inbox, List.of(uid)).get(0).flags().contains(Flag.FLAGGED));
        f.post("/box/" + inbox + "/act", Map.of("op", "move", "target", "" + projects, "uid", "" + uid, "_csrf", token), "Cookie", cookie, "Origin", f.base());
        assertTrue(entries(f.alice, "INBOX").isEmpty());
        assertEquals(1, f.store.mailboxes().entries(projects).size());
        assertEquals(302, f.post("/folders/rename", Map.of("id", "" + projects, "name", "Work", "_csrf", token), "Cookie", cookie, "Origin", f.base()).statusCode());
        assertEquals(projects, f.mailbox(f.alice, "Work"));
        assertEquals(302, f.post("/folders/delete", Map.of("id", "" + projects, "_csrf", token), "Cookie", cookie, "Origin", f.base()).statusCode());
        assertTrue(f.store.mailboxes().find(f.alice.id(), "Work").isEmpty());
        // Delete from Trash is for good.
        long t = f.deliver(f.alice, "Subject: bin me\n\nx\n");
        f.post("/box/" + inbox + "/act", Map.of("op", "delete", "uid", "" + t, "_csrf", token), "Cookie", cookie, "Origin", f.base());
        long trash = f.mailbox(f.alice, "Trash");
        long inTrash = f.store.mailboxes().entries(trash).get(0).uid();
        f.post("/box/" + trash + "/act", Map.of("op", "delete", "uid", "" + inTrash, "_csrf", token), "Cookie", cookie, "Origin", f.base());
        assertTrue(f.store.mailboxes().entries(trash).isEmpty());
    }

    @Test void searchLooksAtFromToSubjectAndBodyAndPagesNewestFirst() throws Exception {
        f.deliver(f.alice, "From: Dora <dora@example.org>\nSubject: lunch\n\nsee you\n");
        f.deliver(f.alice, "From: eve@example.org\nTo: team@example.org\nSubject: report\n\nthe quarterly numbers\n");
        f.deliver(f.alice, "From: eve@example.org\nSubject: html\nContent-Type: text/html\n\n<p>a <b>zebra</b> crossing</p>\n");
        long inbox = f.mailbox(f.alice, "INBOX");
        String base = "/box/" + inbox + "?q=";
        assertTrue(f.get(base + "dora", "Cookie", cookie).body().contains("lunch"));
        assertFalse(f.get(base + "dora", "Cookie", cookie).body().contains("report"));
        assertTrue(f.get(base + "team%40example", "Cookie", cookie).body().contains("report"));
        assertTrue(f.get(base + "QUARTERLY", "Cookie", cookie).body().contains("report"));
        assertTrue(f.get(base + "zebra+crossing", "Cookie", cookie).body().contains("html"));
        assertTrue(f.get(base + "nothing-like-this", "Cookie", cookie).body().contains("Nothing matches"));
        for (int i = 0; i < 120; i++) f.deliver(f.alice, "Subject: bulk " + i + "\n\nx\n");
        String page1 = f.get("/box/" + inbox, "Cookie", cookie).body();
        assertTrue(page1.contains("bulk 119") && !page1.contains(">bulk 69<") && page1.contains("Page 1 of 3"), "50 a page, newest first");
        String page3 = f.get("/box/" + inbox + "?page=3", "Cookie", cookie).body();
        assertTrue(page3.contains("lunch") && page3.contains("Page 3 of 3") && page3.contains("id=\"prev\""));
    }

    @Test void newMailIsPushedToAnOpenPage() throws Exception {
        HttpRequest req = HttpRequest.newBuilder(URI.create(f.base() + "/events")).header("Cookie", cookie).timeout(Duration.ofSeconds(20)).build();
        HttpResponse<InputStream> stream = f.http.send(req, HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("text/event-stream", stream.headers().firstValue("Content-Type").orElseThrow().split(";")[0]);
        try (BufferedReader r = new BufferedReader(new InputStreamReader(stream.body(), StandardCharsets.UTF_8))) {
            assertEquals("retry: 3000", r.readLine());
            CompletableFuture<List<String>> event = CompletableFuture.supplyAsync(() -> {
                List<String> lines = new ArrayList<>();
                try {
                    for (String line; (line = r.readLine()) != null; ) {
                        if (line.startsWith("event:") || line.startsWith("data:")) lines.add(line);
                        if (line.startsWith("data:")) return lines;
                    }
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
                return lines;
            });
            Thread.sleep(200);
            f.deliver(f.bob, "Subject: not for alice\n\nx\n");
            f.deliver(f.alice, "Subject: new\n\nx\n");
            assertEquals(List.of("event: change", "data: " + f.mailbox(f.alice, "INBOX")), event.get(10, TimeUnit.SECONDS));
        }
    }
}
