# RFC 5322 §2.2 / RFC 5321 §2.3.8: a bare CR or LF in the header section would be stored as a
# line break, turning "Subject: x<CR>Bcc: victim" into a Bcc field. Such a message is refused
# (550 5.5.2) and nothing is stored; bare line breaks in the body are stored as CRLF. CR inside a
# command line never reaches a header: the command is refused (501 5.5.2).
@fixture accounts
S: 220 *
C+ EHLO evil.test\rX-Injected: yes\r\n
S: 500 5.5.2 *
C: EHLO client.test
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250 *
C: MAIL FROM:<a@far.test>
S: 250 *
C: RCPT TO:<alice@example.test>
S: 250 *
C: DATA
S: 354 *
C+ Subject: x\rBcc: victim@example.test\r\n\r\nbody\r\n.\r\n
S: 550 5.5.2 Message header contains a bare CR or LF; lines must end in CRLF
C: MAIL FROM:<a@far.test>
S: 250 *
C: RCPT TO:<alice@example.test>
S: 250 *
C: DATA
S: 354 *
C+ Subject: y\nBcc: victim@example.test\r\n\r\nbody\r\n.\r\n
S: 550 5.5.2 *
C: MAIL FROM:<a@far.test>
S: 250 *
C: RCPT TO:<alice@example.test>
S: 250 *
C: DATA
S: 354 *
C+ Subject: z\r\n\r\nline one\nline two\rline three\r\n.\r\n
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
C: TOP 1 5
S: +OK*
S: Return-Path: <a@far.test>
S: Received: *
S: 	by mx.example.test (Pigeon) with ESMTP id *
S: 	for <alice@example.test>; *
S: Subject: z
S:
S: line one
S: line two
S: line three
S: .
C: QUIT
S: +OK*
