package pigeon.smtp.command;

import java.util.OptionalLong;

/**
 * The ESMTP parameters of MAIL FROM that this server supports.
 *
 * @param size     RFC 1870 {@code SIZE=}, the client's estimate of the message size
 * @param body     RFC 6152 {@code BODY=}
 * @param smtpUtf8 RFC 6531 {@code SMTPUTF8}: addresses and headers may hold UTF-8
 */
public record MailParams(OptionalLong size, Body body, boolean smtpUtf8) {
    public enum Body { UNSPECIFIED, SEVEN_BIT, EIGHT_BIT_MIME }

    public static final MailParams NONE = new MailParams(OptionalLong.empty(), Body.UNSPECIFIED, false);

    /** True when the client gave no parameter at all (the only case allowed after plain HELO). */
    public boolean isEmpty() { return equals(NONE); }
}
