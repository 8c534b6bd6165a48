# A person typing with `nc` (no -C) sends bare LF line endings. Commands work, and because the
# DATA command itself ended in a bare LF, a "." line ending in LF ends the data.
@fixture accounts
S: 220 *
C+ HELO typist.test\n
S: 250 *
C+ MAIL FROM:<me@far.test>\n
S: 250 *
C+ RCPT TO:<alice@example.test>\n
S: 250 *
C+ DATA\n
S: 354 *
C+ Subject: typed by hand\n\nhello\n.\n
S: 250 2.0.0 *
C+ QUIT\n
S: 221 *

SESSION 2 pop3
S: +OK*
C: USER alice@example.test
S: +OK*
C: PASS secret
S: +OK*
C: RETR 1
S: +OK*
S: Return-Path: <me@far.test>
S: Received: *
S: 	by mx.example.test (Pigeon) with SMTP id *
S: 	for <alice@example.test>; *
S: Subject: typed by hand
S:
S: hello
S: .
C: QUIT
S: +OK*
