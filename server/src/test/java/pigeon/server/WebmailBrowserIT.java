package pigeon.server;

import static org.junit.jupiter.api.Assertions.*;

import com.sun.net.httpserver.HttpServer;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.Store;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.File;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import pigeon.store.Account;
import pigeon.store.MessageEntry;

/**
 * The webmail in a real headless Chromium (Debian's chromium and chromium-driver; .ci/run installs
 * them), against the whole server: mail arrives by SMTP over a socket, and what the browser does is
 * checked over IMAP with Jakarta Mail. The tests run in order in one browser session as alice.
 * Outside CI a missing browser skips them; in CI it fails.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebmailBrowserIT {
    private static final String CHROMIUM = "/usr/bin/chromium", DRIVER = "/usr/bin/chromedriver";
    static TestServer server;
    static WebDriver browser;
    static WebDriverWait wait;
    static Path profile;
    static Account alice, bob;
    static String base;

    @BeforeAll static void start() throws Exception {
        boolean present = Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
        if (System.getenv("CI") != null) assertTrue(present, "chromium and chromium-driver must be installed in CI (.ci/run installs them)");
        Assumptions.assumeTrue(present, "chromium or chromium-driver is not installed");
        server = new TestServer();
        alice = server.account("alice");
        bob = server.account("bob");
        base = "http://127.0.0.1:" + server.pigeon.webmailPort();
        profile = Files.createTempDirectory("pigeon-chromium-");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                "--window-size=1280,900", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(new File(DRIVER)).usingAnyFreePort().build();
        browser = new ChromeDriver(service, options);
        wait = new WebDriverWait(browser, Duration.ofSeconds(15));
    }

    @AfterAll static void stop() throws Exception {
        if (browser != null) browser.quit();
        if (server != null) server.close();
    }

    private static Session mail() { return TestServer.mailSession("127.0.0.1", server.pigeon); }

    private static void smtp(String from, String to, String subject, String html, boolean isHtml) throws Exception {
        MimeMessage m = new MimeMessage(mail());
        m.setFrom(new InternetAddress(from));
        m.setRecipients(Message.RecipientType.TO, to);
        m.setSubject(subject, "UTF-8");
        if (isHtml) m.setContent(html, "text/html; charset=UTF-8");
        else m.setText(html, "UTF-8");
        Transport.send(m);  // Jakarta's SMTP client, over a socket to the SMTP port
    }

    private static Store imap(String user) throws Exception {
        Store s = mail().getStore("imap");
        s.connect(user + "@" + TestServer.DOMAIN, TestServer.PASSWORD);
        return s;
    }

    /** The messages of an IMAP folder, by subject, as another client sees them now. */
    private static List<String> subjectsOverImap(String user, String folder) throws Exception {
        try (Store s = imap(user)) {
            Folder f = s.getFolder(folder);
            f.open(Folder.READ_ONLY);
            List<String> out = new java.util.ArrayList<>();
            for (Message m : f.getMessages()) out.add(m.getSubject());
            f.close(false);
            return out;
        }
    }

    private static void shot(String name) throws Exception {
        Path target = Path.of("target", name);
        Files.createDirectories(target.getParent());
        Files.write(target, ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private static WebElement row(String subject) {
        return wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath("//tr[td[@class='subject']/a[text()='" + subject + "']]")));
    }

    private static void openInbox() {
        browser.get(base + "/box/" + server.inbox(alice));
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
    }

    @Test @Order(1) void logsIn() {
        browser.get(base + "/");
        wait.until(ExpectedConditions.urlContains("/login"));
        browser.findElement(By.id("username")).sendKeys("alice@" + TestServer.DOMAIN);
        browser.findElement(By.id("password")).sendKeys("wrong");
        browser.findElement(By.id("login")).click();
        assertTrue(wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".error"))).getText().contains("Wrong address or password"), browser.getPageSource());
        browser.findElement(By.id("password")).sendKeys(TestServer.PASSWORD);
        browser.findElement(By.id("login")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertEquals("alice@" + TestServer.DOMAIN, browser.findElement(By.cssSelector(".who")).getText());
        assertEquals("INBOX", browser.findElement(By.cssSelector(".listhead h1")).getText());
    }

    @Test @Order(2) void readsAMessageDeliveredBySmtpWhichArrivesWithoutAReload() throws Exception {
        openInbox();
        ((JavascriptExecutor) browser).executeScript("window.stillThisPage = true;");
        smtp("bob@" + TestServer.DOMAIN, "alice@" + TestServer.DOMAIN, "Lunch on Friday?", "Hi Alice,\n\nlunch on Friday at noon?\n\nBob", false);
        WebElement r = row("Lunch on Friday?");
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.stillThisPage === true;"), "pushed, not reloaded");
        assertTrue(r.getAttribute("class").contains("unread"));
        shot("webmail-inbox.png");
        r.findElement(By.cssSelector("td.subject a")).click();
        wait.until(ExpectedConditions.textToBe(By.id("subject"), "Lunch on Friday?"));
        assertTrue(browser.findElement(By.id("body")).getText().contains("lunch on Friday at noon?"));
        assertTrue(browser.findElement(By.id("from")).getText().contains("bob@" + TestServer.DOMAIN));
        shot("webmail-message.png");
        // Opening marked it read, and IMAP sees that at once; what an IMAP client does shows in the open page by itself.
        openInbox();
        ((JavascriptExecutor) browser).executeScript("window.stillThisPage = true;");
        try (Store s = imap("alice")) {
            Folder inbox = s.getFolder("INBOX");
            inbox.open(Folder.READ_WRITE);
            Message m = inbox.getMessages()[0];
            assertTrue(m.isSet(jakarta.mail.Flags.Flag.SEEN));
            m.setFlag(jakarta.mail.Flags.Flag.FLAGGED, true);
            inbox.close(false);
        }
        wait.until(d -> row("Lunch on Friday?").getAttribute("class").contains("flagged"));
        assertEquals(Boolean.TRUE, ((JavascriptExecutor) browser).executeScript("return window.stillThisPage === true;"), "pushed, not reloaded");
    }

    @Test @Order(3) void sendsToAnotherLocalAccountWhichSeesItOverImap() throws Exception {
        browser.get(base + "/compose");
        browser.findElement(By.id("to")).sendKeys("bob@" + TestServer.DOMAIN);
        browser.findElement(By.id("subject")).sendKeys("Minutes of Monday");
        browser.findElement(By.id("body")).sendKeys("The minutes are below.\nAlice");
        browser.findElement(By.id("send")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertEquals(List.of("Minutes of Monday"), subjectsOverImap("bob", "INBOX"));
        assertEquals(List.of("Minutes of Monday"), subjectsOverImap("alice", "Sent"));
    }

    @Test @Order(4) void repliesWithAnAttachment() throws Exception {
        openInbox();
        row("Lunch on Friday?").findElement(By.cssSelector("td.subject a")).click();
        browser.findElement(By.id("reply")).click();
        wait.until(ExpectedConditions.attributeContains(By.id("subject"), "value", "Re: Lunch on Friday?"));
        assertTrue(browser.findElement(By.id("to")).getAttribute("value").contains("bob@" + TestServer.DOMAIN));
        Path file = Files.createTempFile("agenda", ".txt");
        Files.writeString(file, "1. soup\n2. more soup\n");
        browser.findElement(By.id("attachment")).sendKeys(file.toAbsolutePath().toString());
        browser.findElement(By.id("body")).sendKeys(org.openqa.selenium.Keys.CONTROL, org.openqa.selenium.Keys.HOME);
        browser.findElement(By.id("body")).sendKeys("Yes! Agenda attached.");
        browser.findElement(By.id("send")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        try (Store s = imap("bob")) {
            Folder inbox = s.getFolder("INBOX");
            inbox.open(Folder.READ_ONLY);
            Message reply = inbox.getMessages()[inbox.getMessageCount() - 1];
            assertEquals("Re: Lunch on Friday?", reply.getSubject());
            assertNotNull(((MimeMessage) reply).getHeader("In-Reply-To", null));
            Multipart mp = (Multipart) reply.getContent();
            assertTrue(((String) mp.getBodyPart(0).getContent()).startsWith("Yes! Agenda attached."));
            Part attachment = mp.getBodyPart(1);
            assertEquals(file.getFileName().toString(), attachment.getFileName());
            assertEquals("1. soup\n2. more soup\n", new String(attachment.getInputStream().readAllBytes(), StandardCharsets.UTF_8).replace("\r\n", "\n"));
        }
        openInbox();
        assertFalse(row("Lunch on Friday?").findElements(By.cssSelector("span[title=Answered]")).isEmpty(), "marked answered");
    }

    @Test @Order(5) void movesAndDeletes() throws Exception {
        openInbox();
        row("Lunch on Friday?").findElement(By.cssSelector("input[name=uid]")).click();
        new Select(browser.findElement(By.id("target"))).selectByVisibleText("Archive");
        browser.findElement(By.id("move")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertTrue(browser.findElements(By.xpath("//td[@class='subject']/a[text()='Lunch on Friday?']")).isEmpty());
        assertEquals(List.of("Lunch on Friday?"), subjectsOverImap("alice", "Archive"));
        assertEquals(List.of(), subjectsOverImap("alice", "INBOX"));

        browser.findElement(By.cssSelector("a[data-folder=Archive]")).click();
        row("Lunch on Friday?").findElement(By.cssSelector("td.subject a")).click();
        browser.findElement(By.id("delete")).click();  // to Trash
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertEquals(List.of(), subjectsOverImap("alice", "Archive"));
        assertEquals(List.of("Lunch on Friday?"), subjectsOverImap("alice", "Trash"));

        browser.findElement(By.cssSelector("a[data-folder=Trash]")).click();
        row("Lunch on Friday?").findElement(By.cssSelector("input[name=uid]")).click();
        assertEquals("Delete for good", browser.findElement(By.id("delete")).getText());
        browser.findElement(By.id("delete")).click();
        wait.until(ExpectedConditions.presenceOfElementLocated(By.id("messages")));
        assertEquals(List.of(), subjectsOverImap("alice", "Trash"));
    }

    @Test @Order(6) void hostileHtmlRunsNothingAndLoadsNothing() throws Exception {
        List<String> requests = new CopyOnWriteArrayList<>();
        try (ServerSocket tracker = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread.ofVirtual().start(() -> {
                while (!tracker.isClosed()) {
                    try (Socket s = tracker.accept()) {
                        s.setSoTimeout(2000);
                        byte[] b = new byte[200];
                        int n = s.getInputStream().read(b);
                        requests.add(n > 0 ? new String(b, 0, n, StandardCharsets.ISO_8859_1).split("\r\n")[0] : "(empty)");
                        s.getOutputStream().write("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n".getBytes());
                    } catch (SocketTimeoutException e) {
                        requests.add("(silent)");
                    } catch (Exception e) {
                        return;
                    }
                }
            });
            String remote = "http://127.0.0.1:" + tracker.getLocalPort();
            smtp("mallory@far.test", "alice@" + TestServer.DOMAIN, "Invoice", """
                    <html><body><h1 id="greeting">Your invoice</h1>
                    <script>window.pwned = 'script'; document.title = 'pwned'; fetch('%1$s/script');</script>
                    <img id="pixel" src="%1$s/pixel.gif" onerror="window.pwned = 'onerror'; document.title = 'pwned';">
                    <img src="x" onerror="window.pwned = 'onerror2'">
                    <a id="pay" href="javascript:window.pwned='link';document.title='pwned'">Pay now</a>
                    <div onmouseover="window.pwned='hover'">hover me</div>
                    <form action="%1$s/form" method="post"><input name="card"><button id="formbutton">Send</button></form>
                    <iframe src="%1$s/frame"></iframe>
                    </body></html>""".formatted(remote), true);
            openInbox();
            row("Invoice").findElement(By.cssSelector("td.subject a")).click();
            wait.until(ExpectedConditions.textToBe(By.id("subject"), "Invoice"));
            assertEquals("Your invoice", browser.findElement(By.cssSelector("#body h1")).getText(), "the harmless part shows");
            JavascriptExecutor js = (JavascriptExecutor) browser;
            new org.openqa.selenium.interactions.Actions(browser).moveToElement(browser.findElement(By.xpath("//div[text()='hover me']"))).perform();
            Thread.sleep(1000);
            assertNull(js.executeScript("return window.pwned === undefined ? null : window.pwned;"), "a script side effect happened");
            for (WebElement link : browser.findElements(By.cssSelector("#body a"))) link.click();  // a javascript: link, if it survived
            Thread.sleep(500);
            assertEquals("Invoice – Pigeon", browser.getTitle(), "a script (or a javascript: link) changed the page");
            assertNull(js.executeScript("return window.pwned === undefined ? null : window.pwned;"), "a script side effect happened");
            assertTrue(browser.findElements(By.cssSelector("#body form, #body iframe, #body script")).isEmpty());
            assertTrue(browser.findElement(By.id("images-blocked")).isDisplayed());
            assertEquals(List.of(), requests, "no request may leave for the remote image (or anything else)");
            shot("webmail-hostile.png");

            // The control: asked to show images, the browser does fetch it, so the server above would have seen a request.
            browser.findElement(By.id("show-images")).click();
            wait.until(d -> !requests.isEmpty());
            assertTrue(requests.get(0).startsWith("GET /pixel.gif"), requests.toString());
            assertNull(js.executeScript("return window.pwned === undefined ? null : window.pwned;"));
        }
    }

    @Test @Order(7) void aForgedCrossSitePostIsRefused() throws Exception {
        smtp("bob@" + TestServer.DOMAIN, "alice@" + TestServer.DOMAIN, "Keep me", "precious", false);
        long inbox = server.inbox(alice);
        List<MessageEntry> before = server.mailboxes().entries(inbox);
        long uid = before.get(before.size() - 1).uid();
        // Another site (another port: the same "site" for SameSite, so the cookie goes along and only
        // the origin check and the CSRF token stand in the way) whose page posts to the webmail at once.
        HttpServer evil = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        byte[] page = ("<!doctype html><html><body><form id=f method=post action='" + base + "/box/" + inbox + "/act'>"
                + "<input name=op value=delete><input name=uid value=" + uid + "><input name=_csrf value=guessed></form>"
                + "<script>document.getElementById('f').submit()</script></body></html>").getBytes(StandardCharsets.UTF_8);
        evil.createContext("/", x -> {
            x.getResponseHeaders().add("Content-Type", "text/html");
            x.sendResponseHeaders(200, page.length);
            x.getResponseBody().write(page);
            x.close();
        });
        evil.start();
        try {
            browser.get("http://127.0.0.1:" + evil.getAddress().getPort() + "/");
            wait.until(ExpectedConditions.urlContains("/act"));
            wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".error")));
            assertTrue(browser.findElement(By.cssSelector(".error")).getText().contains("did not come from this site"), browser.getPageSource());
            assertEquals(before, server.mailboxes().entries(inbox), "nothing was deleted");
        } finally {
            evil.stop(0);
        }
        openInbox();
        row("Keep me");
        // The same pages on a phone-sized screen.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        openInbox();
        shot("webmail-phone.png");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
    }
}
