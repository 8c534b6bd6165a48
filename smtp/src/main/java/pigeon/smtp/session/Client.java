package pigeon.smtp.session;

import java.util.Optional;

/**
 * What the session knows about its client after HELO/EHLO.
 *
 * @param heloName          the name it gave, as given
 * @param extended          EHLO (ESMTP, RFC 5321 §2.2) rather than HELO: parameters may be used
 * @param authenticatedUser the account it authenticated as; always empty until AUTH (RFC 4954) is
 *                          implemented, which will set it and keep it across a later EHLO
 */
record Client(String heloName, boolean extended, Optional<String> authenticatedUser) {}
