package pigeon.smtp.command;

import java.util.Optional;
import java.util.OptionalLong;

/**
 * The ESMTP parameters of MAIL FROM that this server supports.
 *
 * @param size     RFC 1870 {@code SIZE=}, the client's estimate of the message size
 * @param body     RFC 6152 {@code BODY=}
 * @param smtpUtf8 RFC 6531 {@code SMTPUTF8}: addresses and headers may hold UTF-8
 * @param auth     RFC 4954 §5 {@code AUTH=}, xtext-decoded: {@code <>} or {@code <mailbox>}, the original
 *                 submitter as a trusted client asserts it. Accepted, and ignored: this server neither
 *                 trusts other servers' assertions nor relays with AUTH (§5 then says to act as if
 *                 {@code AUTH=<>} was given)
 */
public record MailParams(OptionalLong size, Body body, boolean smtpUtf8, Optional<String> auth) {
    public enum Body { UNSPECIFIED, SEVEN_BIT, EIGHT_BIT_MIME }

    public static final MailParams NONE = new MailParams(OptionalLong.empty(), Body.UNSPECIFIED, false, Optional.empty());

    /** Without AUTH=. */
    public MailParams(OptionalLong size, Body body, boolean smtpUtf8) { this(size, body, smtpUtf8, Optional.empty()); }

    /** True when the client gave no parameter at all (the only case allowed after plain HELO). */
    public boolean isEmpty() { return equals(NONE); }
}
