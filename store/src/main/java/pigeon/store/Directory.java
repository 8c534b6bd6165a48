package pigeon.store;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import pigeon.protocol.delivery.MailAddress;

/** Domains, accounts, aliases and passwords. */
public interface Directory {
    /** Adds a local domain; false if it existed. */
    boolean addDomain(String domain);
    /** Removes a domain with all its accounts and their mail; false if it did not exist. */
    boolean removeDomain(String domain);
    List<String> domains();
    boolean isLocalDomain(String domain);

    /**
     * Creates an account with its standard mailboxes (INBOX, Sent, Drafts, Trash, Junk, Archive).
     * @throws IllegalArgumentException if the domain is not local or the address is taken
     */
    Account addAccount(MailAddress address, String password);
    /** Removes an account with all its mail; false if it did not exist. */
    boolean removeAccount(MailAddress address);
    /** @throws IllegalArgumentException if there is no such account */
    void setPassword(MailAddress address, String password);
    List<Account> accounts();
    Optional<Account> account(MailAddress address);

    /** Makes {@code alias} deliver to the account {@code target}. @throws IllegalArgumentException if either is invalid */
    void addAlias(MailAddress alias, MailAddress target);
    boolean removeAlias(MailAddress alias);
    /** alias → account address, sorted by alias. */
    Map<MailAddress, MailAddress> aliases();
    /** Sets (or, with empty, clears) the account that gets mail for unknown users of a domain. */
    void setCatchAll(String domain, Optional<MailAddress> account);

    /** Who receives mail for a local address: the account itself, an alias, or the domain's catch-all. */
    Optional<Account> resolve(MailAddress recipient);

    /**
     * Whether {@code address} is the own address or an alias of the account that {@code accountAddress}
     * names (itself the account's address or one of its aliases, as a login name may be). A catch-all
     * owns nothing. False when either is unknown, or {@code accountAddress} is not an address.
     */
    boolean owns(String accountAddress, MailAddress address);

    /** Checks a login; the user name is the account's address (or an alias of it). Never logs the password. */
    Optional<Account> authenticate(String username, String password);
}
