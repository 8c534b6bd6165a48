# Served with smtp.max-message-size = 4K. SIZE= over the limit is refused at MAIL; a message that
# turns out bigger is read to its end, refused with 552, and not delivered.
@fixture accounts
S: 220 *
C: EHLO big.test
S: 250-*
S: 250-PIPELINING
S: 250-SIZE 4096
S: 250-*
S: 250-*
S: 250-*
S: 250-STARTTLS
S: 250-AUTH PLAIN LOGIN
S: 250 HELP
C: MAIL FROM:<a@far.test> SIZE=5000
S: 552 5.3.4 Message size exceeds fixed maximum message size
C: MAIL FROM:<a@far.test> SIZE=100
S: 250 2.1.0 *
C: RCPT TO:<alice@example.test>
S: 250 *
C: DATA
S: 354 *
C: Subject: too big
C:
C: @bytes 900 a
C: @bytes 900 b
C: @bytes 900 c
C: @bytes 900 d
C: @bytes 900 e
C: .
S: 552 5.3.4 Message size exceeds fixed maximum message size
C: MAIL FROM:<a@far.test>
S: 250 *
C: RCPT TO:<alice@example.test>
S: 250 *
C: DATA
S: 354 *
C: Subject: small enough
C:
C: @bytes 900 a
C: .
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
C: QUIT
S: +OK*
