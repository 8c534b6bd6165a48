package pigeon.server;

import static org.junit.jupiter.api.Assertions.*;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every message acknowledged with 250 survives the server process being killed with SIGKILL, and
 * nothing is delivered twice: the design's "durability before acknowledgement".
 */
class CrashSafetyTest {
    @TempDir Path tmp;

    @Test void acknowledgedMailSurvivesSigkill() throws Exception {
        Set<String> acknowledged = ConcurrentHashMap.newKeySet();
        try (ServerProcess server = ServerProcess.fromClassPath(tmp.resolve("data"))) {
            server.start();
            server.admin("secret\n", "user", "add", "alice@example.test");  // while the server runs

            AtomicBoolean stop = new AtomicBoolean();
            List<Thread> senders = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                int sender = t;
                senders.add(Thread.ofPlatform().start(() -> send(server.smtpPort, sender, acknowledged, stop)));
            }
            while (acknowledged.size() < 40) Thread.sleep(10);
            server.kill();  // mid-flight: senders are in the middle of transactions
            stop.set(true);
            for (Thread t : senders) t.join();

            server.start();
            Set<String> stored = subjectsInInbox(server.pop3Port);
            for (String s : acknowledged) assertTrue(stored.contains(s), "acknowledged but lost after SIGKILL: " + s);
            assertTrue(acknowledged.size() >= 40);
        }
    }

    /** Sends numbered messages until stopped or the connection dies; records those answered 250. */
    private static void send(int port, int sender, Set<String> acknowledged, AtomicBoolean stop) {
        try (Socket s = new Socket("127.0.0.1", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            expect(in, "220");
            command(out, in, "EHLO crash.test", "250");
            for (int i = 0; !stop.get(); i++) {
                String subject = "crash-" + sender + "-" + i;
                command(out, in, "MAIL FROM:<load@far.test>", "250");
                command(out, in, "RCPT TO:<alice@example.test>", "250");
                command(out, in, "DATA", "354");
                out.write(("Subject: " + subject + "\r\n\r\n" + "x".repeat(2000) + "\r\n.\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                expect(in, "250");
                acknowledged.add(subject);
            }
        } catch (IOException e) {
            // the server was killed: expected
        }
    }

    private static void command(OutputStream out, BufferedReader in, String line, String code) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        expect(in, code);
    }

    private static void expect(BufferedReader in, String code) throws IOException {
        String line;
        do {
            line = in.readLine();
            if (line == null) throw new IOException("connection closed");
        } while (line.startsWith(code + "-"));
        if (!line.startsWith(code + " ")) throw new IOException("expected " + code + ", got " + line);
    }

    /** Every Subject in alice's INBOX, over POP3; fails on a duplicate. */
    private static Set<String> subjectsInInbox(int port) throws IOException {
        Set<String> subjects = new java.util.HashSet<>();
        Pattern subject = Pattern.compile("^Subject: (\\S+)$");
        try (Socket s = new Socket("127.0.0.1", port)) {
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = s.getOutputStream();
            assertTrue(in.readLine().startsWith("+OK"));
            out.write("USER alice@example.test\r\nPASS secret\r\nSTAT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            assertTrue(in.readLine().startsWith("+OK"));
            assertTrue(in.readLine().startsWith("+OK"), "login");
            String stat = in.readLine();
            int count = Integer.parseInt(stat.split(" ")[1]);
            for (int i = 1; i <= count; i++) {
                out.write(("TOP " + i + " 0\r\n").getBytes(StandardCharsets.US_ASCII));
                out.flush();
                assertTrue(in.readLine().startsWith("+OK"));
                for (String line; !(line = in.readLine()).equals(".");) {
                    Matcher m = subject.matcher(line);
                    if (m.matches()) assertTrue(subjects.add(m.group(1)), "delivered twice: " + m.group(1));
                }
            }
            out.write("QUIT\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
        }
        return subjects;
    }
}
