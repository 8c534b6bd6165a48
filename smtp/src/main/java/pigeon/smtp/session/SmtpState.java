package pigeon.smtp.session;

/**
 * Where a session is (RFC 5321 §3.3, §4.1.4), each state carrying what it knows. DATA has no state
 * of its own: it is straight-line code in {@link DataHandler} that ends back in {@link Greeted}.
 */
sealed interface SmtpState {
    /** Greeting sent; waiting for HELO or EHLO. */
    record Connected() implements SmtpState {}

    /** The client introduced itself; no mail transaction open. */
    record Greeted(Client client) implements SmtpState {}

    /** MAIL FROM accepted: a transaction is open, collecting recipients. */
    record MailGiven(Client client, Transaction transaction) implements SmtpState {
        @Override public void abortTransaction() { transaction.delivery().abort(); }
    }

    /** QUIT, end of input, a timeout, or too many errors: the session is over. */
    record Closing() implements SmtpState {}

    /** Drops the open transaction, if there is one (RSET, HELO/EHLO, QUIT, the client vanishing). */
    default void abortTransaction() {}
}
