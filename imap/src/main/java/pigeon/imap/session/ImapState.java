package pigeon.imap.session;

import pigeon.store.Account;

/** The session's state (RFC 9051 §3), each carrying what that state knows. */
public sealed interface ImapState {
    /** Before login; counts failed attempts towards {@link pigeon.imap.ImapConfig#maxFailedLogins()}. */
    record NotAuthenticated(int failedLogins) implements ImapState {}

    record Authenticated(Account account) implements ImapState {}

    record Selected(Account account, SelectedMailbox mailbox) implements ImapState {}

    /** After LOGOUT, BYE, or a fatal error: the connection is closed. */
    record LoggedOut() implements ImapState {}

    /** The account, for the states that have one. */
    static Account account(ImapState s) {
        return switch (s) {
            case Authenticated a -> a.account();
            case Selected sel -> sel.account();
            case NotAuthenticated n -> throw new IllegalStateException("not authenticated");
            case LoggedOut l -> throw new IllegalStateException("logged out");
        };
    }
}
