package pigeon.webmail;

import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import pigeon.store.MessageEntry;

/** The webmail over plain HTTP (java.net.http): autoconfig, conditional GETs, cookies, CSRF, throttling, downloads. */
class WebmailHttpTest {
    private final WebmailFixture f = new WebmailFixture(3);

    @AfterEach void close() { f.close(); }

    @Test void autoconfigAtBothLocationsNamesTheConfiguredServers() throws Exception {
        for (String path : List.of("/.well-known/autoconfig/mail/config-v1.1.xml", "/mail/config-v1.1.xml")) {
            HttpResponse<String> r = f.get(path + "?emailaddress=alice%40example.test");
            assertEquals(200, r.statusCode(), path);
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/xml"));
            Document d = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(new ByteArrayInputStream(r.body().getBytes()));
            assertEquals("1.1", d.getDocumentElement().getAttribute("version"));
            Element provider = (Element) d.getElementsByTagName("emailProvider").item(0);
            assertEquals("example.test", provider.getAttribute("id"));
            assertEquals("example.test", text(provider, "domain", 0));
            var incoming = d.getElementsByTagName("incomingServer");
            assertEquals(2, incoming.getLength());
            Element imap = (Element) incoming.item(0), pop3 = (Element) incoming.item(1);
            assertEquals("imap", imap.getAttribute("type"));
            assertEquals("mail.example.test", text(imap, "hostname", 0));
            assertEquals("143", text(imap, "port", 0));
            assertEquals("STARTTLS", text(imap, "socketType", 0));
            assertEquals("%EMAILADDRESS%", text(imap, "username", 0));
            assertEquals("pop3", pop3.getAttribute("type"));
            assertEquals("995", text(pop3, "port", 0));
            assertEquals("SSL", text(pop3, "socketType", 0));
            Element smtp = (Element) d.getElementsByTagName("outgoingServer").item(0);
            assertEquals("smtp", smtp.getAttribute("type"));
            assertEquals("587", text(smtp, "port", 0));
            assertEquals("plain", text(smtp, "socketType", 0));
            assertEquals("password-cleartext", text(smtp, "authentication", 0));
        }
    }

    private static String text(Element e, String tag, int i) { return e.getElementsByTagName(tag).item(i).getTextContent(); }

    @Test void staticAssetsAnswerConditionalGetsWith304() throws Exception {
        HttpResponse<String> first = f.get("/static/webmail.js");
        assertEquals(200, first.statusCode());
        assertTrue(first.body().contains("EventSource"));
        String etag = first.headers().firstValue("ETag").orElseThrow();
        String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
        assertEquals(304, f.get("/static/webmail.js", "If-None-Match", etag).statusCode());
        assertEquals(304, f.get("/static/webmail.js", "If-Modified-Since", lastModified).statusCode());
        assertEquals(200, f.get("/static/webmail.js", "If-None-Match", "\"other\"").statusCode());
        assertEquals(200, f.get("/static/webmail.js", "If-Modified-Since", "Mon, 01 Jan 2001 00:00:00 GMT").statusCode());
        assertEquals(304, f.get("/static/webmail.css", "If-None-Match", f.get("/static/webmail.css").headers().firstValue("ETag").orElseThrow()).statusCode());
    }

    @Test void sessionCookieIsHttpOnlyAndSameSiteStrictAndPagesCarryTheCsp() throws Exception {
        HttpResponse<String> r = f.post("/login", Map.of("username", "alice@example.test", "password", WebmailFixture.PASSWORD), "Origin", f.base());
        assertEquals(302, r.statusCode());
        String cookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cookie.startsWith("pigeon_session="), cookie);
        assertTrue(cookie.contains("HttpOnly"), cookie);
        assertTrue(cookie.contains("SameSite=Strict"), cookie);
        assertFalse(cookie.contains("Secure"), "plain HTTP: " + cookie);
        HttpResponse<String> inbox = f.get("/box/" + f.mailbox(f.alice, "INBOX"), "Cookie", cookie.split(";")[0]);
        assertEquals(200, inbox.statusCode());
        String csp = inbox.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(csp.contains("script-src 'self'") && csp.contains("default-src 'none'") && !csp.contains("unsafe-inline"), csp);
        assertFalse(inbox.body().contains("<script>"), "no inline script");
        // Without a session: the login page.
        assertEquals("/login", f.get("/box/1").headers().firstValue("Location").orElseThrow());
    }

    @Test void wrongPasswordsAreThrottledPerUser() throws Exception {
        for (int i = 0; i < 3; i++)
            assertEquals(401, f.post("/login", Map.of("username", "alice@example.test", "password", "wrong" + i)).statusCode());
        // Past the limit even the right password is refused for a while: guessing stops here.
        HttpResponse<String> r = f.post("/login", Map.of("username", "alice@example.test", "password", WebmailFixture.PASSWORD));
        assertEquals(429, r.statusCode());
        assertTrue(r.body().contains("Too many failed logins"));
        assertFalse(r.headers().firstValue("Set-Cookie").isPresent());
    }

    @Test void postsWithoutTheTokenOrFromAnotherOriginAreRefused() throws Exception {
        long uid = f.deliver(f.alice, "Subject: keep me\n\nbody\n");
        long inbox = f.mailbox(f.alice, "INBOX");
        String cookie = f.login("alice@example.test"), token = f.csrf(cookie);
        String act = "/box/" + inbox + "/act";
        assertEquals(403, f.post(act, Map.of("op", "delete", "uid", "" + uid), "Cookie", cookie).statusCode(), "no token");
        assertEquals(403, f.post(act, Map.of("op", "delete", "uid", "" + uid, "_csrf", "forged"), "Cookie", cookie).statusCode(), "wrong token");
        assertEquals(403, f.post(act, Map.of("op", "delete", "uid", "" + uid, "_csrf", token), "Cookie", cookie, "Origin", "http://evil.example").statusCode(),
                "foreign origin");
        assertEquals(403, f.post(act, Map.of("op", "delete", "uid", "" + uid, "_csrf", token), "Cookie", cookie, "Referer", "http://evil.example/x").statusCode(),
                "foreign referer");
        assertEquals(1, f.store.mailboxes().entries(inbox).size(), "nothing happened");
        assertEquals(403, f.post("/login", Map.of("username", "alice@example.test", "password", "secret"), "Origin", "http://evil.example").statusCode(),
                "login CSRF");
        HttpResponse<String> ok = f.post(act, Map.of("op", "delete", "uid", "" + uid, "_csrf", token), "Cookie", cookie, "Origin", f.base());
        assertEquals(302, ok.statusCode());
        assertTrue(f.store.mailboxes().entries(inbox).isEmpty());
        assertEquals(1, f.store.mailboxes().entries(f.mailbox(f.alice, "Trash")).size(), "deleted to Trash");
    }

    @Test void logoutEndsTheSession() throws Exception {
        String cookie = f.login("alice@example.test"), token = f.csrf(cookie);
        HttpResponse<String> out = f.post("/logout", Map.of("_csrf", token), "Cookie", cookie, "Origin", f.base());
        assertEquals("/login", out.headers().firstValue("Location").orElseThrow());
        String cleared = out.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(cleared.startsWith("pigeon_session=;") && cleared.contains("Expires=Thu, 01 Jan 1970"), cleared);
        assertEquals("/login", f.get("/folders", "Cookie", cookie).headers().firstValue("Location").orElseThrow(), "the old cookie is dead");
    }

    @Test void removingTheAccountEndsItsSessions() throws Exception {
        String cookie = f.login("bob@example.test");
        assertEquals(200, f.get("/folders", "Cookie", cookie).statusCode());
        f.store.directory().removeAccount(f.bob.address());
        assertEquals("/login", f.get("/folders", "Cookie", cookie).headers().firstValue("Location").orElseThrow());
    }

    @Test void anotherAccountsMailIsNotFound() throws Exception {
        long uid = f.deliver(f.bob, "Subject: bob's\n\nprivate\n");
        String cookie = f.login("alice@example.test");
        HttpResponse<String> r = f.get("/box/" + f.mailbox(f.bob, "INBOX") + "/" + uid, "Cookie", cookie);
        assertEquals(404, r.statusCode());
        assertFalse(r.body().contains("private"));
    }

    @Test void attachmentsDownloadWithTheirTypeASafeDispositionAnd304() throws Exception {
        long uid = f.deliver(f.alice, """
                Subject: files
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                see attached
                --b
                Content-Type: text/html; name="x.html"
                Content-Disposition: inline; filename="../../evil\\".html"

                <script>alert(1)</script>
                --b
                Content-Type: application/pdf; name="=?UTF-8?Q?R=C3=A9sum=C3=A9.pdf?="
                Content-Disposition: attachment
                Content-Transfer-Encoding: base64

                JVBERi0xLjQK
                --b--
                """);
        long inbox = f.mailbox(f.alice, "INBOX");
        String cookie = f.login("alice@example.test");
        String page = f.get("/box/" + inbox + "/" + uid, "Cookie", cookie).body();
        assertTrue(page.contains("see attached"));
        assertTrue(page.contains("/part/1") && page.contains("/part/2"), page);
        HttpResponse<String> html = f.get("/box/" + inbox + "/" + uid + "/part/1", "Cookie", cookie);
        assertEquals(200, html.statusCode());
        String disposition = html.headers().firstValue("Content-Disposition").orElseThrow();
        assertTrue(disposition.startsWith("attachment; "), disposition);
        assertFalse(disposition.contains("/") || disposition.contains("..\""), disposition);
        assertTrue(html.headers().firstValue("Content-Security-Policy").orElseThrow().contains("sandbox"));
        assertEquals("nosniff", html.headers().firstValue("X-Content-Type-Options").orElseThrow());
        HttpResponse<String> pdf = f.get("/box/" + inbox + "/" + uid + "/part/2", "Cookie", cookie);
        assertEquals("application/pdf", pdf.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("%PDF-1.4\n", pdf.body());
        assertTrue(pdf.headers().firstValue("Content-Disposition").orElseThrow().contains("filename*=UTF-8''R%C3%A9sum%C3%A9.pdf"));
        String etag = pdf.headers().firstValue("ETag").orElseThrow();
        assertEquals(304, f.get("/box/" + inbox + "/" + uid + "/part/2", "Cookie", cookie, "If-None-Match", etag).statusCode());
        assertEquals(304, f.get("/box/" + inbox + "/" + uid + "/part/2", "Cookie", cookie,
                "If-Modified-Since", pdf.headers().firstValue("Last-Modified").orElseThrow()).statusCode());
        assertEquals(404, f.get("/box/" + inbox + "/" + uid + "/part/9", "Cookie", cookie).statusCode());
    }

    @Test void openingMarksReadAndTheListShowsUnreadFlaggedAndAttachments() throws Exception {
        long inbox = f.mailbox(f.alice, "INBOX");
        long plain = f.deliver(f.alice, "From: Carol <carol@example.org>\nSubject: plain one\n\ntext\n");
        f.deliver(f.alice, "Subject: with file\nContent-Type: multipart/mixed; boundary=q\n\n--q\nContent-Type: text/plain\n\nx\n--q\n"
                + "Content-Type: application/octet-stream; name=a.bin\n\nAAAA\n--q--\n");
        String cookie = f.login("alice@example.test");
        String list = f.get("/box/" + inbox, "Cookie", cookie).body();
        assertTrue(list.indexOf("with file") < list.indexOf("plain one"), "newest first");
        assertTrue(list.contains("<span class=\"count\">2</span>"), "unread count");
        assertEquals(1, list.split("Has attachments", -1).length - 1, "one attachment mark");
        assertTrue(list.contains(">Carol</a>"), "sender by name");
        f.get("/box/" + inbox + "/" + plain, "Cookie", cookie);
        MessageEntry e = f.store.mailboxes().entries(inbox, List.of(plain)).get(0);
        assertTrue(e.flags().contains(pigeon.store.Flag.SEEN), "opening marks read");
        assertTrue(f.get("/box/" + inbox, "Cookie", cookie).body().contains("<span class=\"count\">1</span>"));
    }
}
