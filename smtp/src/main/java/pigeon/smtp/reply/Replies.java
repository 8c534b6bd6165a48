package pigeon.smtp.reply;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pigeon.protocol.delivery.DeliveryException;
import pigeon.protocol.delivery.MailAddress;
import pigeon.smtp.command.SmtpCommand;

/**
 * Every reply the server sends, and the one place where failures become reply codes: parse
 * problems ({@link #forProblem}), refusals by the delivery target ({@link #forDelivery}), and the
 * session's own limits. Client-facing text is generic; details go to the log.
 */
public final class Replies {
    private Replies() {}

    // --- session ---

    /** RFC 5321 §4.2: the 220 greeting, without an enhanced code (RFC 2034 §3). */
    public static Reply greeting(String hostname) { return Reply.plain(220, hostname + " ESMTP Pigeon ready"); }

    public static Reply helo(String hostname, String clientName) { return Reply.plain(250, hostname + " Hello " + clientName); }

    /**
     * RFC 5321 §4.1.1.1: the EHLO reply lists the extensions, one per line. STARTTLS (RFC 3207)
     * while TLS can be started; AUTH (RFC 4954) only when the password mechanisms may be used on
     * this connection.
     */
    public static Reply ehlo(String hostname, String clientName, long maxMessageSize, boolean offerStartTls, boolean offerAuth) {
        List<String> lines = new ArrayList<>(List.of(hostname + " Hello " + clientName,
                "PIPELINING",                   // RFC 2920
                "SIZE " + maxMessageSize,       // RFC 1870
                "8BITMIME",                     // RFC 6152
                "SMTPUTF8",                     // RFC 6531
                "ENHANCEDSTATUSCODES"));        // RFC 2034
        if (offerStartTls) lines.add("STARTTLS");
        if (offerAuth) lines.add("AUTH " + String.join(" ", MECHANISMS));
        lines.add("HELP");
        return new Reply(250, "", lines);
    }

    /** The SASL mechanisms offered, in the order of preference shown to clients. */
    public static final List<String> MECHANISMS = List.of("PLAIN", "LOGIN");

    public static Reply quit(String hostname) { return Reply.of(221, "2.0.0", hostname + " closing connection"); }

    public static final Reply OK = Reply.of(250, "2.0.0", "OK");

    public static final Reply HELP = new Reply(214, "2.0.0", List.of(
            "Pigeon SMTP server; commands:",
            "  HELO EHLO STARTTLS AUTH MAIL RCPT DATA",
            "  RSET NOOP VRFY HELP QUIT",
            "See RFC 5321 for how they are used.",
            "End of HELP info"));

    /** RFC 5321 §3.5.3: 252 when we do not verify addresses but will try delivery. */
    public static final Reply VRFY = Reply.of(252, "2.5.0", "Cannot VRFY user, but will accept message and attempt delivery");

    /** RFC 5321 §3.5.2, §7.3: mailing lists are not expanded for anyone. */
    public static final Reply EXPN = Reply.of(502, "5.5.1", "EXPN is not supported");

    /**
     * RFC 5322 §2.2, RFC 5321 §2.3.8: a bare CR or LF in the header section would be stored as a
     * line break, that is, as a header field the sender did not write.
     */
    public static final Reply BARE_LINE_BREAK = Reply.of(550, "5.5.2", "Message header contains a bare CR or LF; lines must end in CRLF");

    // --- STARTTLS (RFC 3207 §4) ---

    public static final Reply TLS_READY = Reply.of(220, "2.0.0", "Ready to start TLS");

    /** Not offered here: no certificate is configured, as if the command did not exist. */
    public static final Reply TLS_UNAVAILABLE = Reply.of(502, "5.5.1", "STARTTLS not available");

    public static final Reply TLS_ACTIVE = badSequence("TLS already active");

    /** RFC 3207 §4: where a password may be sent only under TLS. */
    public static final Reply TLS_REQUIRED = Reply.of(530, "5.7.0", "Must issue a STARTTLS command first");

    // --- AUTH (RFC 4954 §4, §6) ---

    /** A server challenge: 334, a space and base64 (empty for PLAIN); intermediate, so no enhanced code. */
    public static Reply challenge(String base64) { return Reply.plain(334, base64); }

    /** LOGIN's two challenges, base64 of "Username:" and "Password:" (what every LOGIN client expects). */
    public static final Reply LOGIN_USERNAME = challenge("VXNlcm5hbWU6");
    public static final Reply LOGIN_PASSWORD = challenge("UGFzc3dvcmQ6");

    public static final Reply AUTH_OK = Reply.of(235, "2.7.0", "Authentication successful");

    public static final Reply AUTH_CANCELLED = Reply.of(501, "5.0.0", "Authentication cancelled");

    /** §4: a response that is not base64 gets 501 with 5.5.2. */
    public static final Reply AUTH_BAD_BASE64 = Reply.of(501, "5.5.2", "Invalid base64 data");

    public static final Reply AUTH_INVALID = Reply.of(535, "5.7.8", "Authentication credentials invalid");

    public static final Reply AUTH_UNKNOWN_MECHANISM = Reply.of(504, "5.5.4", "Unrecognized authentication type");

    public static final Reply AUTH_NEEDS_ENCRYPTION = Reply.of(538, "5.7.11", "Encryption required for requested authentication mechanism");

    public static final Reply AUTH_LINE_TOO_LONG = Reply.of(500, "5.5.6", "Authentication exchange line is too long");

    public static final Reply AUTH_TEMPORARY_FAILURE = Reply.of(454, "4.7.0", "Temporary authentication failure");

    public static final Reply ALREADY_AUTHENTICATED = badSequence("Already authenticated");

    /** RFC 6409 §4.3: a submission server refuses mail from a client that has not authenticated. */
    public static final Reply AUTH_REQUIRED = Reply.of(530, "5.7.0", "Authentication required");

    // --- the mail transaction ---

    public static Reply senderOk(Optional<MailAddress> sender) {
        return Reply.of(250, "2.1.0", "Sender <" + sender.map(MailAddress::toString).orElse("") + "> OK");
    }

    public static Reply recipientOk(MailAddress rcpt) { return Reply.of(250, "2.1.5", "Recipient <" + rcpt + "> OK"); }

    /** RFC 5321 §4.1.1.4: 354 is intermediate, hence no enhanced code (RFC 2034 §3). */
    public static final Reply START_DATA = Reply.plain(354, "End data with <CR><LF>.<CR><LF>");

    public static Reply queued(String id) { return Reply.of(250, "2.0.0", "OK: queued as " + id); }

    // --- failures ---

    /** RFC 5321 §4.5.3.1.10: 452 for too many recipients; the client sends the rest later. */
    public static final Reply TOO_MANY_RECIPIENTS = Reply.of(452, "4.5.3", "Too many recipients");

    /** RFC 1870 §6.2 and RFC 3463 X.3.4. */
    public static final Reply MESSAGE_TOO_LARGE = Reply.of(552, "5.3.4", "Message size exceeds fixed maximum message size");

    /** RFC 6531 §3.5: a UTF-8 address without SMTPUTF8 on MAIL FROM. */
    public static final Reply NEEDS_SMTPUTF8 = Reply.of(553, "5.6.7", "Non-ASCII address requires SMTPUTF8");

    /** RFC 5321 §4.1.1.11: parameters after plain HELO (no extensions were offered). */
    public static final Reply NO_PARAMETERS_AFTER_HELO = Reply.of(555, "5.5.4", "MAIL parameters need EHLO");

    /** RFC 5321 §3.3: DATA after RCPTs that were all refused. */
    public static final Reply NO_VALID_RECIPIENTS = Reply.of(554, "5.5.1", "No valid recipients");

    public static final Reply LOCAL_ERROR = Reply.of(451, "4.3.0", "Local error in processing, try again later");

    /**
     * A line of message data over the limit. RFC 5321 §4.5.3.1.10 names 500 for "line too long";
     * the enhanced code is X.6.0 (a content problem, RFC 3463) rather than X.5.6, which RFC 4954
     * took for overlong AUTH lines.
     */
    public static Reply dataLineTooLong(int limit) {
        return Reply.of(500, "5.6.0", "Message has a line longer than " + limit + " octets");
    }

    /** RFC 5321 §4.2.2: command out of sequence. */
    public static Reply badSequence(String text) { return Reply.of(503, "5.5.1", text); }

    public static Reply unknownCommand() { return Reply.of(500, "5.5.1", "Command not recognized"); }

    public static Reply forProblem(SmtpCommand.Problem problem, String detail) {
        return switch (problem) {
            case BAD_CHARACTERS -> Reply.of(500, "5.5.2", detail);
            case LINE_TOO_LONG -> Reply.of(500, "5.5.2", "Line too long");
            case SYNTAX -> Reply.of(501, "5.5.2", detail);
            case BAD_SENDER -> Reply.of(501, "5.1.7", detail);
            case BAD_RECIPIENT -> Reply.of(501, "5.1.3", detail);
            case UNSUPPORTED_PARAMETER -> Reply.of(555, "5.5.4", detail);
            case BAD_PARAMETER -> Reply.of(501, "5.5.4", detail);
        };
    }

    /** What the client is told when the delivery target refuses a step; the reason's detail stays in the log. */
    public static Reply forDelivery(DeliveryException.Reason reason) {
        return switch (reason) {
            case UNKNOWN_USER -> Reply.of(550, "5.1.1", "No such user here");
            case RELAY_DENIED -> Reply.of(550, "5.7.1", "Relaying denied");
            case SENDER_NOT_OWNED -> Reply.of(553, "5.7.1", "Sender address not owned by you");
            case MESSAGE_TOO_LARGE -> MESSAGE_TOO_LARGE;
            case LOOP_DETECTED -> Reply.of(554, "5.4.6", "Mail loop detected: too many Received headers");
            case BAD_CONTENT -> Reply.of(550, "5.6.0", "Message content rejected");
            case TEMPORARY -> LOCAL_ERROR;
        };
    }

    // --- closing the connection (RFC 5321 §3.8: 421 and close) ---

    public static Reply tooManyConnections(String hostname) {
        return Reply.of(421, "4.7.0", hostname + " Too many connections, try again later");
    }

    public static Reply tooManyErrors(String hostname) { return Reply.of(421, "4.7.0", hostname + " Too many errors, closing connection"); }

    /** RFC 5321 §4.5.3.2: the server gave up waiting for the client. */
    public static Reply timeout(String hostname) { return Reply.of(421, "4.4.2", hostname + " Timeout, closing connection"); }
}
