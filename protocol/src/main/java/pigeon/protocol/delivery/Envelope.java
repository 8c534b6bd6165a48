package pigeon.protocol.delivery;

import java.net.InetAddress;
import java.util.Optional;

/**
 * What an SMTP session knows when a mail transaction starts (after MAIL FROM).
 *
 * @param sender            the reverse path; empty for the null sender {@code <>} (bounces)
 * @param heloName          what the client said in HELO/EHLO
 * @param client            the client's IP address
 * @param authenticatedUser the account name the session authenticated as, if any
 * @param sessionId         the session's log id, for the store's own log lines
 */
public record Envelope(Optional<MailAddress> sender, String heloName, InetAddress client,
                       Optional<String> authenticatedUser, String sessionId) {}
