package pigeon.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pigeon as a separate operating-system process, for tests that kill it or drive it with real
 * clients: either from the test's class path, or as users run it, from the packaged jar.
 */
final class ServerProcess implements AutoCloseable {
    final Path dataDir;
    final int smtpPort, submissionPort, pop3Port, imapPort, submissionsPort, imapsPort, pop3sPort;
    private final List<String> launcher;
    private Process process;

    /** From the test class path (unit-test phase, before the jar exists). */
    static ServerProcess fromClassPath(Path dataDir) throws IOException {
        return new ServerProcess(dataDir, List.of("-cp", System.getProperty("java.class.path"), "pigeon.server.Main"));
    }

    /** From target/pigeon.jar, with its own lib/ (integration-test phase, after package). */
    static ServerProcess fromPackagedJar(Path dataDir) throws IOException {
        return new ServerProcess(dataDir, List.of("-jar", Path.of("target", "pigeon.jar").toAbsolutePath().toString()));
    }

    private ServerProcess(Path dataDir, List<String> launcher) throws IOException {
        this.dataDir = dataDir;
        this.launcher = launcher;
        this.smtpPort = freePort();
        this.submissionPort = freePort();
        this.pop3Port = freePort();
        this.imapPort = freePort();
        this.submissionsPort = freePort();
        this.imapsPort = freePort();
        this.pop3sPort = freePort();
        Files.createDirectories(dataDir);
        Files.writeString(dataDir.resolve(PigeonConfig.FILE_NAME), String.join("\n",
                "hostname = mx.example.test", "domains = example.test", "smtp.port = " + smtpPort, "pop3.port = " + pop3Port, "submission.port = " + submissionPort,
                "imap.port = " + imapPort, "submissions.port = " + submissionsPort, "imaps.port = " + imapsPort, "pop3s.port = " + pop3sPort, "webmail.port = 0", "pop3.failed-login-delay = 0s", "imap.failed-login-delay = 0s", ""));
    }

    /** The server's certificate (self-signed, made at first start), for clients that check it. */
    Path certificate() { return dataDir.resolve("tls").resolve("cert.pem"); }

    /** Appends configuration lines (before {@link #start()}). */
    ServerProcess configure(String... lines) throws IOException {
        Files.writeString(dataDir.resolve(PigeonConfig.FILE_NAME), String.join("\n", lines) + "\n", java.nio.file.StandardOpenOption.APPEND);
        return this;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) { return s.getLocalPort(); }
    }

    private List<String> command(String... args) {
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(launcher);
        cmd.addAll(List.of("--data-dir", dataDir.toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    /** Starts `pigeon run` and waits until SMTP, POP3 and IMAP accept connections. */
    void start() throws Exception {
        process = new ProcessBuilder(command("run")).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dataDir.resolve("server.log").toFile())).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        for (int port : new int[] {smtpPort, pop3Port, imapPort}) {
            while (true) {
                try (Socket s = new Socket()) {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                    break;
                } catch (IOException e) {
                    if (!process.isAlive() || System.nanoTime() > deadline)
                        throw new IllegalStateException("server did not start:\n" + Files.readString(dataDir.resolve("server.log")));
                    Thread.sleep(50);
                }
            }
        }
    }

    /** Runs an admin command to completion, feeding it {@code stdin}; returns its output. */
    String admin(String stdin, String... args) throws Exception {
        Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
        p.getOutputStream().write(stdin.getBytes(StandardCharsets.UTF_8));
        p.getOutputStream().close();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) throw new IllegalStateException("pigeon " + String.join(" ", args) + " failed:\n" + out);
        return out;
    }

    /** SIGKILL: no shutdown hook, no graceful close of the database. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    /** Stops the server gracefully (SIGTERM), or kills it after 20 s. */
    @Override public void close() {
        if (process != null && process.isAlive()) {
            process.destroy();
            try {
                if (!process.waitFor(20, TimeUnit.SECONDS)) kill();
            } catch (InterruptedException e) {
                process.destroyForcibly();
                Thread.currentThread().interrupt();
            }
        }
    }
}
