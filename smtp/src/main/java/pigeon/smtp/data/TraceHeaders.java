package pigeon.smtp.data;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import pigeon.protocol.delivery.MailAddress;

/** The trace header fields (RFC 5321 §4.4) that the server puts in front of every message it accepts. */
public final class TraceHeaders {
    /** RFC 5322 §3.3 date-time, with a numeric zone (never "GMT", which is obsolete syntax there). */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm:ss Z", Locale.ROOT);

    private TraceHeaders() {}

    /**
     * The Return-Path and Received fields, folded, each ending in CRLF.
     *
     * @param protocol   the RFC 3848 / RFC 6531 §3.7.3 "with" keyword: SMTP, ESMTP, UTF8SMTP, …
     * @param clientName the client's reverse-DNS name, if it has one
     * @param recipient  the recipient, named only when there is exactly one (RFC 5321 §7.2: naming
     *                   several would disclose Bcc recipients to each other)
     */
    public static String build(Optional<MailAddress> sender, String heloName, Optional<String> clientName, InetAddress client,
                               String hostname, String protocol, String id, Optional<MailAddress> recipient, ZonedDateTime now) {
        String ip = addressLiteral(client);
        StringBuilder b = new StringBuilder(300);
        // RFC 5321 §4.4: the final delivery server records the reverse path as Return-Path.
        b.append("Return-Path: <").append(sender.map(MailAddress::toString).orElse("")).append(">\r\n");
        b.append("Received: from ").append(heloName).append(" (");
        clientName.ifPresent(n -> b.append(n).append(' '));
        b.append(ip).append(")\r\n\tby ").append(hostname).append(" (Pigeon) with ").append(protocol).append(" id ").append(id);
        recipient.ifPresentOrElse(r -> b.append("\r\n\tfor <").append(r).append(">; "), () -> b.append(";\r\n\t"));
        b.append(DATE.format(now)).append("\r\n");
        return b.toString();
    }

    /**
     * The "with" keyword (RFC 3848, RFC 6531 §3.7.3): SMTP, ESMTP or UTF8SMTP, then "S" over TLS and
     * "A" when authenticated. Those suffixes exist only for the ESMTP forms; a client that
     * authenticated (which needs EHLO) and then said HELO is still recorded as ESMTPA.
     */
    public static String protocol(boolean smtpUtf8, boolean extended, boolean tls, boolean authenticated) {
        String base = smtpUtf8 ? "UTF8SMTP" : extended || tls || authenticated ? "ESMTP" : "SMTP";
        return base + (tls ? "S" : "") + (authenticated ? "A" : "");
    }

    /** RFC 5321 §4.1.3 address literal: {@code [192.0.2.1]} or {@code [IPv6:2001:db8::1]}. */
    static String addressLiteral(InetAddress a) {
        String s = a.getHostAddress();
        int scope = s.indexOf('%');
        if (scope >= 0) s = s.substring(0, scope);
        return a instanceof Inet6Address ? "[IPv6:" + s + "]" : "[" + s + "]";
    }
}
