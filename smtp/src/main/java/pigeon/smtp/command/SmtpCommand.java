package pigeon.smtp.command;

import java.util.Optional;
import pigeon.protocol.delivery.MailAddress;

/**
 * One SMTP command line, parsed (RFC 5321 §4.1.1). {@link Unknown} and {@link Invalid} are parse
 * results too, so that the session answers every line from one exhaustive switch.
 */
public sealed interface SmtpCommand {
    /** RFC 5321 §4.1.1.1 {@code HELO}. */
    record Helo(String domain) implements SmtpCommand {}

    /** RFC 5321 §4.1.1.1 {@code EHLO}. */
    record Ehlo(String domain) implements SmtpCommand {}

    /** RFC 5321 §4.1.1.2; the sender is empty for the null reverse path {@code <>}. */
    record Mail(Optional<MailAddress> sender, MailParams params) implements SmtpCommand {}

    /**
     * RFC 5321 §4.1.1.3. No RCPT parameters are supported yet (DSN's NOTIFY and ORCPT would go
     * here), so any parameter is refused while parsing.
     */
    record Rcpt(MailAddress recipient) implements SmtpCommand {}

    record Data() implements SmtpCommand {}

    record Rset() implements SmtpCommand {}

    record Noop() implements SmtpCommand {}

    record Vrfy(String argument) implements SmtpCommand {}

    record Expn(String argument) implements SmtpCommand {}

    record Help(String topic) implements SmtpCommand {}

    record Quit() implements SmtpCommand {}

    /** RFC 3207 §4 {@code "STARTTLS"}, no parameters. */
    record StartTls() implements SmtpCommand {}

    /**
     * RFC 4954 §4 {@code "AUTH" SP sasl-mech [SP initial-response]}; the mechanism upper-cased, the
     * initial response as sent (base64, or {@code "="} for an empty one).
     */
    record Auth(String mechanism, Optional<String> initialResponse) implements SmtpCommand {
        /** Never shows the response: it holds the password, barely encoded. */
        @Override public String toString() {
            return "Auth[" + mechanism + (initialResponse.isPresent() ? " ***" : "") + "]";
        }
    }

    /** A verb we do not know; {@code verb} is upper-cased. */
    record Unknown(String verb) implements SmtpCommand {}

    /** A known verb with arguments that do not parse; {@code detail} is client-facing text. */
    record Invalid(Problem problem, String detail) implements SmtpCommand {}

    /** What was wrong with a line; the reply package maps each to its reply code. */
    enum Problem {
        /** Non-UTF-8 bytes or control characters in the line. */
        BAD_CHARACTERS,
        /** The line was longer than the command line limit. */
        LINE_TOO_LONG,
        /** The arguments do not follow the command's syntax. */
        SYNTAX,
        /** The reverse path is not a valid address. */
        BAD_SENDER,
        /** The forward path is not a valid address. */
        BAD_RECIPIENT,
        /** An ESMTP parameter we do not support (RFC 5321 §4.1.1.11: 555). */
        UNSUPPORTED_PARAMETER,
        /** A supported ESMTP parameter with a bad value. */
        BAD_PARAMETER
    }
}
