package pigeon.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import pigeon.protocol.delivery.MailAddress;

/** Domains, accounts and aliases in SQL. Addresses are looked up by lower-cased local part. */
final class JdbcDirectory implements Directory {
    /** The mailboxes every account starts with, and their RFC 6154 special-use attribute. */
    static final List<String[]> STANDARD_MAILBOXES = List.of(
            new String[] {"INBOX", null}, new String[] {"Sent", "Sent"}, new String[] {"Drafts", "Drafts"},
            new String[] {"Trash", "Trash"}, new String[] {"Junk", "Junk"}, new String[] {"Archive", "Archive"});

    private final Jdbc jdbc;
    private final JdbcMailboxes mailboxes;

    JdbcDirectory(Jdbc jdbc, JdbcMailboxes mailboxes) {
        this.jdbc = jdbc;
        this.mailboxes = mailboxes;
    }

    private static String domainName(String domain) {
        return MailAddress.parse("postmaster@" + domain).domain();  // validates the syntax
    }

    private static String key(String localPart) { return localPart.toLowerCase(Locale.ROOT); }

    @Override public boolean addDomain(String domain) {
        String name = domainName(domain);
        return jdbc.tx("add domain", c -> {
            if (domainId(c, name).isPresent()) return false;
            try (PreparedStatement s = c.prepareStatement("INSERT INTO domains (name) VALUES (?)")) {
                s.setString(1, name);
                s.executeUpdate();
            }
            return true;
        });
    }

    @Override public boolean removeDomain(String domain) {
        String name = domain.toLowerCase(Locale.ROOT);
        return jdbc.tx("remove domain", c -> {
            boolean removed = update(c, "DELETE FROM domains WHERE name = ?", name) > 0;
            if (removed) JdbcMailboxes.deleteUnreferencedMessages(c);
            return removed;
        });
    }

    @Override public List<String> domains() {
        return jdbc.read("list domains", c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("SELECT name FROM domains ORDER BY name"); ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(r.getString(1));
            }
            return out;
        });
    }

    @Override public boolean isLocalDomain(String domain) {
        return jdbc.read("find domain", c -> domainId(c, domain.toLowerCase(Locale.ROOT)).isPresent());
    }

    @Override public Account addAccount(MailAddress address, String password) {
        String hash = Passwords.hash(password);  // slow on purpose: outside the transaction
        return jdbc.tx("add account", c -> {
            long domainId = domainId(c, address.domain()).orElseThrow(() -> new IllegalArgumentException("not a local domain: " + address.domain()));
            if (findLocal(c, domainId, address.localPart(), false).isPresent())
                throw new IllegalArgumentException("address already in use: " + address);
            long id;
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO accounts (domain_id, local_part, local_key, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                s.setLong(1, domainId);
                s.setString(2, address.localPart());
                s.setString(3, key(address.localPart()));
                s.setString(4, hash);
                s.setObject(5, OffsetDateTime.now(ZoneOffset.UTC));
                s.executeUpdate();
                try (ResultSet k = s.getGeneratedKeys()) { k.next(); id = k.getLong(1); }
            }
            for (String[] mb : STANDARD_MAILBOXES) {
                mailboxes.create(c, id, mb[0], mb[1]);
                update(c, "INSERT INTO subscriptions (account_id, name) VALUES (?, ?)", id, mb[0]);  // the standard ones start subscribed
            }
            return new Account(id, address);
        });
    }

    @Override public boolean removeAccount(MailAddress address) {
        return jdbc.tx("remove account", c -> {
            Optional<Account> a = accountByAddress(c, address);
            if (a.isEmpty()) return false;
            update(c, "DELETE FROM accounts WHERE id = ?", a.get().id());
            JdbcMailboxes.deleteUnreferencedMessages(c);
            return true;
        });
    }

    @Override public void setPassword(MailAddress address, String password) {
        String hash = Passwords.hash(password);
        jdbc.tx("set password", c -> {
            long id = accountByAddress(c, address).orElseThrow(() -> new IllegalArgumentException("no such account: " + address)).id();
            return update(c, "UPDATE accounts SET password_hash = ? WHERE id = ?", hash, id);
        });
    }

    @Override public List<Account> accounts() {
        return jdbc.read("list accounts", c -> {
            List<Account> out = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT a.id, a.local_part, d.name FROM accounts a JOIN domains d ON d.id = a.domain_id ORDER BY d.name, a.local_key");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) out.add(new Account(r.getLong(1), new MailAddress(r.getString(2), r.getString(3))));
            }
            return out;
        });
    }

    @Override public Optional<Account> account(MailAddress address) {
        return jdbc.read("find account", c -> accountByAddress(c, address));
    }

    @Override public void addAlias(MailAddress alias, MailAddress target) {
        jdbc.tx("add alias", c -> {
            long domainId = domainId(c, alias.domain()).orElseThrow(() -> new IllegalArgumentException("not a local domain: " + alias.domain()));
            Account account = accountByAddress(c, target).orElseThrow(() -> new IllegalArgumentException("no such account: " + target));
            if (findLocal(c, domainId, alias.localPart(), false).isPresent())
                throw new IllegalArgumentException("address already in use: " + alias);
            return update(c, "INSERT INTO aliases (domain_id, local_part, local_key, account_id) VALUES (?, ?, ?, ?)",
                    domainId, alias.localPart(), key(alias.localPart()), account.id());
        });
    }

    @Override public boolean removeAlias(MailAddress alias) {
        return jdbc.tx("remove alias", c -> update(c,
                "DELETE FROM aliases WHERE local_key = ? AND domain_id = (SELECT id FROM domains WHERE name = ?)",
                key(alias.localPart()), alias.domain()) > 0);
    }

    @Override public Map<MailAddress, MailAddress> aliases() {
        return jdbc.read("list aliases", c -> {
            Map<MailAddress, MailAddress> out = new TreeMap<>(java.util.Comparator.comparing(MailAddress::toString));
            try (PreparedStatement s = c.prepareStatement("""
                    SELECT al.local_part, d.name, a.local_part, ad.name FROM aliases al
                    JOIN domains d ON d.id = al.domain_id JOIN accounts a ON a.id = al.account_id JOIN domains ad ON ad.id = a.domain_id""");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) out.put(new MailAddress(r.getString(1), r.getString(2)), new MailAddress(r.getString(3), r.getString(4)));
            }
            return out;
        });
    }

    @Override public void setCatchAll(String domain, Optional<MailAddress> target) {
        jdbc.tx("set catch-all", c -> {
            long domainId = domainId(c, domain.toLowerCase(Locale.ROOT)).orElseThrow(() -> new IllegalArgumentException("not a local domain: " + domain));
            Long accountId = null;
            if (target.isPresent()) accountId = accountByAddress(c, target.get()).orElseThrow(() -> new IllegalArgumentException("no such account: " + target.get())).id();
            return update(c, "UPDATE domains SET catch_all_account_id = ? WHERE id = ?", accountId, domainId);
        });
    }

    @Override public Optional<Account> resolve(MailAddress recipient) {
        return jdbc.read("resolve recipient", c -> {
            Optional<Long> domainId = domainId(c, recipient.domain());
            if (domainId.isEmpty()) return Optional.empty();
            Optional<Account> found = findLocal(c, domainId.get(), recipient.localPart(), true);
            if (found.isPresent()) return found;
            // RFC 5321 §4.5.1: every domain must accept mail for postmaster; without an account or
            // alias of that name, it goes to the catch-all or else the domain's oldest account.
            if (key(recipient.localPart()).equals("postmaster"))
                return first(c, "SELECT a.id, a.local_part, d.name FROM accounts a JOIN domains d ON d.id = a.domain_id WHERE d.id = ? ORDER BY a.id", domainId.get());
            return Optional.empty();
        });
    }

    @Override public boolean owns(String accountAddress, MailAddress address) {
        MailAddress account;
        try {
            account = MailAddress.parse(accountAddress);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return jdbc.read("check sender", c -> {
            Optional<Account> owner = exactly(c, account), sender = exactly(c, address);
            return owner.isPresent() && sender.isPresent() && owner.get().id() == sender.get().id();
        });
    }

    /** The account an address names as an account or alias (no catch-all, no postmaster fallback). */
    private Optional<Account> exactly(Connection c, MailAddress address) throws SQLException {
        Optional<Long> domainId = domainId(c, address.domain());
        return domainId.isEmpty() ? Optional.empty() : findLocal(c, domainId.get(), address.localPart(), false);
    }

    @Override public Optional<Account> authenticate(String username, String password) {
        MailAddress address;
        try {
            address = MailAddress.parse(username);
        } catch (IllegalArgumentException e) {
            Passwords.burnTime(password);
            return Optional.empty();
        }
        record Row(Account account, String hash) {}
        Optional<Row> row = jdbc.read("authenticate", c -> {
            Optional<Account> a = domainId(c, address.domain()).flatMap(d -> {
                try { return findLocal(c, d, address.localPart(), false); } catch (SQLException e) { throw new StoreException("authenticate", e); }
            });
            if (a.isEmpty()) return Optional.empty();
            try (PreparedStatement s = c.prepareStatement("SELECT password_hash FROM accounts WHERE id = ?")) {
                s.setLong(1, a.get().id());
                try (ResultSet r = s.executeQuery()) { return r.next() ? Optional.of(new Row(a.get(), r.getString(1))) : Optional.empty(); }
            }
        });
        if (row.isEmpty()) {
            Passwords.burnTime(password);
            return Optional.empty();
        }
        return Passwords.verify(password, row.get().hash()) ? Optional.of(row.get().account()) : Optional.empty();
    }

    // --- helpers, all within the caller's transaction ---

    static Optional<Long> domainId(Connection c, String name) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT id FROM domains WHERE name = ?")) {
            s.setString(1, name);
            try (ResultSet r = s.executeQuery()) { return r.next() ? Optional.of(r.getLong(1)) : Optional.empty(); }
        }
    }

    private Optional<Account> accountByAddress(Connection c, MailAddress address) throws SQLException {
        return first(c, "SELECT a.id, a.local_part, d.name FROM accounts a JOIN domains d ON d.id = a.domain_id WHERE d.name = ? AND a.local_key = ?",
                address.domain(), key(address.localPart()));
    }

    /** The account an address in a domain reaches: the account itself, an alias, or (if asked) the catch-all. */
    private Optional<Account> findLocal(Connection c, long domainId, String localPart, boolean catchAll) throws SQLException {
        String select = "SELECT a.id, a.local_part, d.name FROM accounts a JOIN domains d ON d.id = a.domain_id ";
        Optional<Account> a = first(c, select + "WHERE a.domain_id = ? AND a.local_key = ?", domainId, key(localPart));
        if (a.isEmpty()) a = first(c, select + "JOIN aliases al ON al.account_id = a.id WHERE al.domain_id = ? AND al.local_key = ?", domainId, key(localPart));
        if (a.isEmpty() && catchAll) a = first(c, select + "JOIN domains cd ON cd.catch_all_account_id = a.id WHERE cd.id = ?", domainId);
        return a;
    }

    private static Optional<Account> first(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.of(new Account(r.getLong(1), new MailAddress(r.getString(2), r.getString(3)))) : Optional.empty();
            }
        }
    }

    static int update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) s.setObject(i + 1, args[i]);
            return s.executeUpdate();
        }
    }
}
