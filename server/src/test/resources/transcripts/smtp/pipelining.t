# RFC 2920: a whole transaction in one write; replies come back in order.
@fixture accounts
S: 220 *
C: EHLO pipe.test
S: 250-*
S: 250-PIPELINING
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250-STARTTLS
S: 250-AUTH PLAIN LOGIN
S: 250 HELP
C+ MAIL FROM:<a@far.test> SIZE=100\r\nRCPT TO:<alice@example.test>\r\nRCPT TO:<nobody@example.test>\r\nRCPT TO:<info@example.test>\r\nDATA\r\n
S: 250 2.1.0 *
S: 250 2.1.5 *
S: 550 5.1.1 *
S: 250 2.1.5 *
S: 354 *
C+ Subject: pipelined\r\n\r\nhello\r\n.\r\nMAIL FROM:<>\r\nRCPT TO:<bob@example.test>\r\nDATA\r\n
S: 250 2.0.0 OK: queued as *
S: 250 2.1.0 Sender <> OK
S: 250 2.1.5 *
S: 354 *
C+ Subject: a bounce, from the null sender\r\n\r\nhello\r\n.\r\nQUIT\r\n
S: 250 2.0.0 *
S: 221 *
S: <closed>

# info is an alias of bob: bob has both messages, alice one.
SESSION 2 pop3
S: +OK*
C: USER bob@example.test
S: +OK*
C: PASS secret
S: +OK*
C: STAT
S: +OK 2 *
C: QUIT
S: +OK*
