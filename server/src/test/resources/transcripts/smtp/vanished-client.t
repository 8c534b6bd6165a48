# A client that vanishes in the middle of DATA leaves nothing delivered; the next one is unaffected.
@fixture accounts
S: 220 *
C: HELO gone.test
S: 250 *
C: MAIL FROM:<a@far.test>
S: 250 *
C: RCPT TO:<alice@example.test>
S: 250 *
C: DATA
S: 354 *
C: Subject: half a message
C:
C: this message never ends
DROP

SESSION 2
S: 220 *
C: HELO back.test
S: 250 *
C: MAIL FROM:<a@far.test>
S: 250 *
C: RCPT TO:<alice@example.test>
S: 250 *
C: DATA
S: 354 *
C: Subject: whole message
C:
C: done
C: .
S: 250 2.0.0 *
C: QUIT
S: 221 *

SESSION 3 pop3
S: +OK*
C: USER alice@example.test
S: +OK*
C: PASS secret
S: +OK*
C: TOP 1 0
S: +OK*
S: Return-Path: <a@far.test>
S: Received: *
S: *
S: *
S: Subject: whole message
S:
S: .
C: STAT
S: +OK 1 *
C: QUIT
S: +OK*
