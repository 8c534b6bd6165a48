# SMTP smuggling: after a DATA command ended with CRLF, only <CRLF>.<CRLF> ends the data.
# "\n.\n", "\n.\r\n" and "\r\n.\r" inside the message are content, so the "MAIL FROM" after
# them is text of the one message, not a second, smuggled message. Bare CR and LF are stored as
# CRLF; the "." before a bare CR is a leading period with text after it, so it is deleted.
@fixture accounts
S: 220 *
C: HELO smuggler.test
S: 250 *
C: MAIL FROM:<a@far.test>
S: 250 *
C: RCPT TO:<alice@example.test>
S: 250 *
C: DATA
S: 354 *
C+ Subject: one\r\n\r\nfirst\n.\nMAIL FROM:<evil@bank.test>\r\nsecond\n.\r\nRCPT TO:<alice@example.test>\r\nthird\r\n.\rDATA\r\nend\r\n.\r\n
S: 250 2.0.0 *
C: QUIT
S: 221 *

SESSION 2 pop3
S: +OK*
C: USER alice@example.test
S: +OK*
C: PASS secret
S: +OK*
C: STAT
S: +OK 1 *
C: TOP 1 20
S: +OK*
S: Return-Path: <a@far.test>
S: Received: *
S: 	by mx.example.test (Pigeon) with SMTP id *
S: 	for <alice@example.test>; *
S: Subject: one
S:
S: first
S: ..
S: MAIL FROM:<evil@bank.test>
S: second
S: ..
S: RCPT TO:<alice@example.test>
S: third
S:
S: DATA
S: end
S: .
C: QUIT
S: +OK*
