package pigeon.smtp.session;

import java.util.Optional;

/**
 * What the session knows about its client after HELO/EHLO.
 *
 * @param heloName          the name it gave, as given
 * @param extended          EHLO (ESMTP, RFC 5321 §2.2) rather than HELO: parameters may be used
 * @param authenticatedUser the account name a successful AUTH (RFC 4954) returned; kept across a later
 *                          HELO/EHLO, and put in the envelope of every transaction after it
 */
record Client(String heloName, boolean extended, Optional<String> authenticatedUser) {}
