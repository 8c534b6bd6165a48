package pigeon.smtp.data;

import static org.junit.jupiter.api.Assertions.*;

import java.net.InetAddress;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pigeon.protocol.delivery.MailAddress;

class TraceHeadersTest {
    private static final ZonedDateTime NOW = ZonedDateTime.of(2025, 6, 3, 11, 5, 30, 0, ZoneOffset.ofHours(2));

    @Test void oneRecipient() throws Exception {
        String h = TraceHeaders.build(Optional.of(MailAddress.parse("a@b.example")), "client.example", Optional.of("host.b.example"),
                InetAddress.getByName("192.0.2.7"), "mx.example.test", "ESMTP", "abc.1", Optional.of(MailAddress.parse("x@example.test")), NOW);
        assertEquals("Return-Path: <a@b.example>\r\n"
                + "Received: from client.example (host.b.example [192.0.2.7])\r\n"
                + "\tby mx.example.test (Pigeon) with ESMTP id abc.1\r\n"
                + "\tfor <x@example.test>; Tue, 3 Jun 2025 11:05:30 +0200\r\n", h);
    }

    @Test void nullSenderNoNameSeveralRecipientsIpv6() throws Exception {
        String h = TraceHeaders.build(Optional.empty(), "[IPv6:2001:db8::1]", Optional.empty(),
                InetAddress.getByName("2001:db8::1"), "mx.example.test", "SMTP", "abc.2", Optional.empty(), NOW);
        assertEquals("Return-Path: <>\r\n"
                + "Received: from [IPv6:2001:db8::1] ([IPv6:2001:db8:0:0:0:0:0:1])\r\n"
                + "\tby mx.example.test (Pigeon) with SMTP id abc.2;\r\n"
                + "\tTue, 3 Jun 2025 11:05:30 +0200\r\n", h);
    }

    /** RFC 3848 and RFC 6531 §3.7.3. */
    @Test void withKeyword() {
        assertEquals("SMTP", TraceHeaders.protocol(false, false, false, false));
        assertEquals("ESMTP", TraceHeaders.protocol(false, true, false, false));
        assertEquals("ESMTPA", TraceHeaders.protocol(false, true, false, true));
        assertEquals("ESMTPS", TraceHeaders.protocol(false, true, true, false));
        assertEquals("ESMTPSA", TraceHeaders.protocol(false, true, true, true));
        assertEquals("ESMTPA", TraceHeaders.protocol(false, false, false, true), "authenticated, then HELO");
        assertEquals("UTF8SMTPA", TraceHeaders.protocol(true, true, false, true));
        assertEquals("UTF8SMTPSA", TraceHeaders.protocol(true, true, true, true));
    }
}
