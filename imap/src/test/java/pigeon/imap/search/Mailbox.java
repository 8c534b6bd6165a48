package pigeon.imap.search;

import java.nio.charset.StandardCharsets;
import java.util.List;

/** A small mailbox of realistic messages, shared by the search tests. */
final class Mailbox {
    private Mailbox() {}

    /** #1 uid 10: plain UTF-8 text, encoded-word subject, Date late on the 15th in -0800. */
    static TestMessage plain() {
        return TestMessage.of(1, 10, """
                Date: Mon, 15 Jan 2024 23:30:00 -0800
                From: =?utf-8?q?Andr=C3=A9_M=C3=BCller?= <andre@example.com>
                To: Bob <bob@example.org>, carol@example.net
                Cc: Team: dave@example.com, erin@example.com;
                Subject: =?UTF-8?Q?Gr=C3=BC=C3=9Fe_aus_K=C3=B6ln?=
                Message-ID: <m1@example.com>
                X-Priority: 1
                Received: from a by b
                Received: from c by d

                Hello Bob,
                the meeting is at noon.
                """).flags("\\Seen").modSeq(5).internal("2024-01-15T23:30:00Z").build();
    }

    /** #2 uid 11: base64 UTF-8 body; flagged, recent, a keyword. */
    static TestMessage base64() {
        String body = java.util.Base64.getMimeEncoder().encodeToString(
                "Zürich liegt am Zürichsee. Ärger über Öl.\r\n".getBytes(StandardCharsets.UTF_8));
        return TestMessage.of(2, 11, """
                Date: Tue, 16 Jan 2024 08:00:00 +0100
                From: Carol <carol@example.net>
                To: andre@example.com
                Bcc: secret-bcc@example.com
                Subject: Re: Trip
                Content-Type: text/plain; charset=utf-8
                Content-Transfer-Encoding: base64

                """ + body + "\n").flags("\\Flagged", "\\Recent", "$Forwarded").modSeq(9)
                .internal("2024-01-16T07:00:00Z").build();
    }

    /** #3 uid 15: multipart: QP ISO-8859-1 text, HTML, and a base64 attachment; answered. */
    static TestMessage multipart() {
        String attachment = java.util.Base64.getMimeEncoder().encodeToString("attachment-only-word".getBytes(StandardCharsets.US_ASCII));
        return TestMessage.of(3, 15, """
                Date: 17 Jan 2024 12:00 +0000
                From: shop@example.com
                To: andre@example.com
                Subject: [Shop] Your order
                MIME-Version: 1.0
                Content-Type: multipart/mixed; boundary="outer"

                --outer
                Content-Type: multipart/alternative; boundary="inner"

                --inner
                Content-Type: text/plain; charset=iso-8859-1
                Content-Transfer-Encoding: quoted-printable

                Your order of cr=E8me br=FBl=E9e has sh=
                ipped.
                --inner
                Content-Type: text/html; charset=utf-8

                <p>Your <b>order</b> has shipped</p>
                --inner--
                --outer
                Content-Type: application/octet-stream
                Content-Transfer-Encoding: base64

                """ + attachment + """

                --outer--
                """).flags("\\Answered").modSeq(7).internal("2024-01-17T12:00:00Z").build();
    }

    /** #4 uid 20: a forwarded message (message/rfc822) with an 8-bit ISO-8859-1 body; deleted, draft. */
    static TestMessage forwarded() {
        return TestMessage.of(4, 20, """
                Date: Thu, 18 Jan 2024 09:00:00 +0000
                From: andre@example.com
                To: frank@example.com
                Subject: Fwd: Old news
                Content-Type: multipart/mixed; boundary=b

                --b
                Content-Type: text/plain

                See below.
                --b
                Content-Type: message/rfc822

                From: grace@example.com
                Subject: Old news
                X-Inner: inner-header-value

                Le caf\u00e9 est ferm\u00e9.
                --b--
                """, StandardCharsets.ISO_8859_1).flags("\\Deleted", "\\Draft").modSeq(3)
                .internal("2024-01-18T09:00:00Z").build();
    }

    /** #5 uid 21: no Date, no Subject; an X-Spam header. */
    static TestMessage bare() {
        return TestMessage.of(5, 21, """
                From: spam@example.biz
                X-Spam: yes
                x-spam: very

                Buy now
                """).flags("\\Recent", "\\Seen").modSeq(12).internal("2024-01-19T00:30:00Z").build();
    }

    static List<TestMessage> all() {
        return List.of(plain(), base64(), multipart(), forwarded(), bare());
    }
}
