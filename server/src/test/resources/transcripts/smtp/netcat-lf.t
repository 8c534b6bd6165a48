# A person typing with `nc` (no -C) sends bare LF line endings. Commands work, but only
# <CRLF>.<CRLF> ends the data (RFC 5321 §4.1.1.4), and a header section with bare LFs is refused
# with 550 5.5.2, since a bare line break there could hide a header field of its own. With
# `nc -C` (or telnet) every line ends in CRLF and the same message is accepted.
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
C:
C: .
S: 550 5.5.2 Message header contains a bare CR or LF; lines must end in CRLF
C+ MAIL FROM:<me@far.test>\n
S: 250 *
C+ RCPT TO:<alice@example.test>\n
S: 250 *
C: DATA
S: 354 *
C: Subject: typed by hand
C:
C: hello
C: .
S: 250 2.0.0 *
C+ QUIT\n
S: 221 *

SESSION 2 pop3
S: +OK*
C: USER alice@example.test
S: +OK*
C: PASS secret
S: +OK*
C: STAT
S: +OK 1 *
C: QUIT
S: +OK*
