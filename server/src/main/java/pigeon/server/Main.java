package pigeon.server;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import pigeon.protocol.delivery.MailAddress;
import pigeon.protocol.queue.OutboundQueue;
import pigeon.protocol.queue.QueueEntry;
import pigeon.smtp.dkim.DkimKey;
import pigeon.store.Directory;
import pigeon.store.MailStore;

/** The command line: {@code pigeon run}, and the administration of domains, accounts and aliases. */
@Command(name = "pigeon", mixinStandardHelpOptions = true, version = "Pigeon 0.1",
        description = "A self-hosted mail system: SMTP in, H2 store, IMAP and POP3 out, SMTP relay by MX.",
        subcommands = {Main.Run.class, Main.Domains.class, Main.Users.class, Main.Aliases.class, Main.CatchAll.class,
                Main.Queue.class, Main.Dkim.class})
public final class Main {
    @Option(names = "--data-dir", scope = CommandLine.ScopeType.INHERIT, defaultValue = "data", description = "Where the database and configuration live (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--config", scope = CommandLine.ScopeType.INHERIT, description = "Configuration file (default: <data-dir>/pigeon.properties, if present).")
    Path config;

    public static void main(String[] args) {
        if (Arrays.asList(args).contains("run")) Thread.ofPlatform().name("warm-up").daemon().start(Main::warmUp);
        System.exit(commandLine().execute(args));
    }

    /**
     * Before {@code run}: what starting the server does first, and needs nothing of the command line
     * for, is done on a second core while picocli builds its model of the commands (some 0.4 s of
     * reflection over classes it cannot share through the class-data archive): the logging
     * configuration is read, and the database's classes are loaded.
     */
    private static void warmUp() {
        org.slf4j.LoggerFactory.getILoggerFactory();
        for (String c : new String[] {"org.h2.Driver", "org.h2.engine.Engine", "org.h2.mvstore.MVStore", "org.h2.command.Parser",
                "com.zaxxer.hikari.HikariDataSource"}) {
            try {
                Class.forName(c, true, Main.class.getClassLoader());
            } catch (ClassNotFoundException | LinkageError e) {
                return;  // only a head start: whatever fails here fails again, and is reported, where it is used
            }
        }
    }

    /** The command line, with bad input (an unknown account, a malformed address) reported in one line, exit code 1. */
    static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new Main());
        cli.setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (!(e instanceof IllegalArgumentException)) throw e;
            cmd.getErr().println("pigeon: " + e.getMessage());
            return 1;
        });
        return cli;
    }

    /** Opens the store for one administrative command; works while the server runs (H2 AUTO_SERVER). */
    <T> T withDirectory(java.util.function.Function<Directory, T> work) throws Exception {
        try (MailStore store = Pigeon.openStore(dataDir, 2)) { return work.apply(store.directory()); }
    }

    <T> T withQueue(java.util.function.Function<OutboundQueue, T> work) throws Exception {
        try (MailStore store = Pigeon.openStore(dataDir, 2)) { return work.apply(store.queue()); }
    }

    @Command(name = "run", description = "Start the mail server in the foreground.")
    static final class Run implements Callable<Integer> {
        @ParentCommand Main main;

        @Override public Integer call() throws Exception {
            PigeonConfig config = PigeonConfig.load(main.dataDir, main.config, Map.of());
            Pigeon pigeon = Pigeon.start(config);
            CountDownLatch stopped = new CountDownLatch(1);
            Runtime.getRuntime().addShutdownHook(new Thread(() -> { pigeon.close(); stopped.countDown(); }));
            stopped.await();
            return 0;
        }
    }

    @Command(name = "domain", description = "Manage local domains.", subcommands = CommandLine.HelpCommand.class)
    static final class Domains {
        @ParentCommand Main main;

        @Command(name = "add", description = "Add a local domain.") int add(@Parameters(paramLabel = "DOMAIN") String domain) throws Exception {
            String d = domain.toLowerCase(Locale.ROOT);
            return say(main.withDirectory(dir -> dir.addDomain(d)), "added domain " + d, "domain already exists: " + d);
        }

        @Command(name = "remove", description = "Remove a domain with all its accounts and mail.") int remove(@Parameters(paramLabel = "DOMAIN") String domain) throws Exception {
            String d = domain.toLowerCase(Locale.ROOT);
            return say(main.withDirectory(dir -> dir.removeDomain(d)), "removed domain " + d, "no such domain: " + d);
        }

        @Command(name = "list", description = "List local domains.") int list() throws Exception {
            main.withDirectory(Directory::domains).forEach(System.out::println);
            return 0;
        }
    }

    @Command(name = "user", description = "Manage accounts (the address is the login name).", subcommands = CommandLine.HelpCommand.class)
    static final class Users {
        @ParentCommand Main main;

        @Command(name = "add", description = "Add an account; the password is asked for, or read from standard input.")
        int add(@Parameters(paramLabel = "ADDRESS") String address) throws Exception {
            MailAddress a = MailAddress.parse(address);
            String password = readPassword();
            main.withDirectory(dir -> dir.addAccount(a, password));
            System.out.println("added account " + a);
            return 0;
        }

        @Command(name = "passwd", description = "Set an account's password (asked for, or read from standard input).")
        int passwd(@Parameters(paramLabel = "ADDRESS") String address) throws Exception {
            MailAddress a = MailAddress.parse(address);
            String password = readPassword();
            main.withDirectory(dir -> { dir.setPassword(a, password); return null; });
            System.out.println("password changed for " + a);
            return 0;
        }

        @Command(name = "remove", description = "Remove an account with all its mail.") int remove(@Parameters(paramLabel = "ADDRESS") String address) throws Exception {
            MailAddress a = MailAddress.parse(address);
            return say(main.withDirectory(dir -> dir.removeAccount(a)), "removed account " + a, "no such account: " + a);
        }

        @Command(name = "list", description = "List accounts.") int list() throws Exception {
            main.withDirectory(Directory::accounts).forEach(acc -> System.out.println(acc.address()));
            return 0;
        }
    }

    @Command(name = "alias", description = "Manage aliases (extra addresses delivering to an account).", subcommands = CommandLine.HelpCommand.class)
    static final class Aliases {
        @ParentCommand Main main;

        @Command(name = "add", description = "Deliver mail for ALIAS to the account ACCOUNT.")
        int add(@Parameters(paramLabel = "ALIAS") String alias, @Parameters(paramLabel = "ACCOUNT") String account) throws Exception {
            main.withDirectory(dir -> { dir.addAlias(MailAddress.parse(alias), MailAddress.parse(account)); return null; });
            System.out.println("added alias " + alias + " -> " + account);
            return 0;
        }

        @Command(name = "remove", description = "Remove an alias.") int remove(@Parameters(paramLabel = "ALIAS") String alias) throws Exception {
            return say(main.withDirectory(dir -> dir.removeAlias(MailAddress.parse(alias))), "removed alias " + alias, "no such alias: " + alias);
        }

        @Command(name = "list", description = "List aliases.") int list() throws Exception {
            main.withDirectory(Directory::aliases).forEach((a, t) -> System.out.println(a + " -> " + t));
            return 0;
        }
    }

    @Command(name = "catchall", description = "Send mail for unknown users of a domain to one account.", subcommands = CommandLine.HelpCommand.class)
    static final class CatchAll {
        @ParentCommand Main main;

        @Command(name = "set", description = "Make ACCOUNT receive mail for unknown users of DOMAIN.")
        int set(@Parameters(paramLabel = "DOMAIN") String domain, @Parameters(paramLabel = "ACCOUNT") String account) throws Exception {
            main.withDirectory(dir -> { dir.setCatchAll(domain, Optional.of(MailAddress.parse(account))); return null; });
            System.out.println("catch-all for " + domain + " -> " + account);
            return 0;
        }

        @Command(name = "clear", description = "Refuse mail for unknown users of DOMAIN again.") int clear(@Parameters(paramLabel = "DOMAIN") String domain) throws Exception {
            main.withDirectory(dir -> { dir.setCatchAll(domain, Optional.empty()); return null; });
            System.out.println("no catch-all for " + domain);
            return 0;
        }
    }

    @Command(name = "queue", description = "Inspect the outbound queue (mail waiting for remote domains).", subcommands = CommandLine.HelpCommand.class)
    static final class Queue {
        @ParentCommand Main main;

        @Command(name = "list", description = "One line per entry: id, age, attempts, next attempt, sender, recipients, last reply.")
        int list() throws Exception {
            Instant now = Instant.now();
            for (QueueEntry e : main.withQueue(OutboundQueue::list)) {
                System.out.printf("%d  queued %s ago, %d attempt(s), next %s  <%s> -> %s%n    %s%n", e.id(),
                        human(Duration.between(e.queuedAt(), now)), e.attempts(),
                        e.nextAttemptAt().isAfter(now) ? "in " + human(Duration.between(now, e.nextAttemptAt())) : "now",
                        e.sender().map(MailAddress::toString).orElse(""),
                        e.recipients().stream().map(MailAddress::toString).collect(Collectors.joining(", ")),
                        e.lastReply().orElse("(not tried yet)"));
            }
            return 0;
        }

        @Command(name = "retry", description = "Make an entry (or, without ID, every entry) due now.")
        int retry(@Parameters(paramLabel = "ID", arity = "0..1") Long id) throws Exception {
            int n = main.withQueue(q -> q.retryNow(Optional.ofNullable(id)));
            if (id != null && n == 0) throw new IllegalArgumentException("no queue entry " + id);
            System.out.println(n + " entr" + (n == 1 ? "y" : "ies") + " due now (a running server picks them up within its poll interval)");
            return 0;
        }

        @Command(name = "delete", description = "Remove an entry without delivering or bouncing it.")
        int delete(@Parameters(paramLabel = "ID") long id) throws Exception {
            return say(main.withQueue(q -> q.delete(id)), "deleted queue entry " + id, "no queue entry " + id);
        }

        private static String human(Duration d) {
            long s = Math.max(0, d.toSeconds());
            return s < 120 ? s + "s" : s < 7200 ? s / 60 + "m" : s < 172800 ? s / 3600 + "h" : s / 86400 + "d";
        }
    }

    @Command(name = "dkim", description = "DKIM keys for signing outbound mail of local domains.", subcommands = CommandLine.HelpCommand.class)
    static final class Dkim {
        @ParentCommand Main main;

        @Command(name = "generate", description = "Make a key for DOMAIN and print the DNS TXT record to publish.")
        int generate(@Parameters(paramLabel = "DOMAIN") String domain,
                     @Option(names = "--selector", defaultValue = "pigeon", description = "Selector (default: ${DEFAULT-VALUE}).") String selector,
                     @Option(names = "--force", description = "Replace an existing key of that selector.") boolean force) throws Exception {
            DkimKey key;
            try {
                key = Pigeon.dkimKeys(main.dataDir).generate(domain, selector, force);
            } catch (java.nio.file.FileAlreadyExistsException e) {
                throw new IllegalArgumentException("a key for " + domain + " with selector " + selector + " exists (--force replaces it)");
            }
            System.out.println("Publish this TXT record, then mail from " + key.domain() + " is signed:");
            System.out.println(key.dnsRecord().zoneFileLine());
            return 0;
        }

        @Command(name = "show", description = "Print the DNS TXT record of DOMAIN's key.")
        int show(@Parameters(paramLabel = "DOMAIN") String domain) throws Exception {
            System.out.println(Pigeon.dkimKeys(main.dataDir).dnsRecord(domain)
                    .orElseThrow(() -> new IllegalArgumentException("no DKIM key for " + domain + " (pigeon dkim generate " + domain + ")")).zoneFileLine());
            return 0;
        }
    }

    /** Reports the outcome; a refusal goes through the one error path (stderr, exit code 1). */
    private static int say(boolean ok, String yes, String no) {
        if (!ok) throw new IllegalArgumentException(no);
        System.out.println(yes);
        return 0;
    }

    /** Console.isTerminal() exists from JDK 22 on, where System.console() is no longer null when redirected. */
    private static boolean interactive(Console console) {
        if (console == null) return false;
        try {
            return (boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;  // JDK 21: a console exists only for a terminal
        }
    }

    /** From the terminal (typed twice, not echoed), or else the first line of standard input. */
    static String readPassword() throws Exception {
        Console console = System.console();
        String password;
        if (interactive(console)) {
            char[] first = console.readPassword("Password: "), second = console.readPassword("Again: ");
            if (first == null || !Arrays.equals(first, second)) throw new IllegalArgumentException("the passwords differ");
            password = new String(first);
        } else {
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            password = line == null ? "" : line;
        }
        if (password.isEmpty()) throw new IllegalArgumentException("empty password");
        return password;
    }
}
