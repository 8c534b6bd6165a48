# Commands out of order get 503 and leave the session usable.
@fixture accounts
S: 220 *
C: MAIL FROM:<a@far.test>
S: 503 5.5.1 *
C: RCPT TO:<alice@example.test>
S: 503 5.5.1 *
C: DATA
S: 503 5.5.1 *
C: HELO far.test
S: 250 mx.example.test Hello far.test
C: RCPT TO:<alice@example.test>
S: 503 5.5.1 *
C: DATA
S: 503 5.5.1 *
C: MAIL FROM:<a@far.test>
S: 250 2.1.0 *
C: MAIL FROM:<a@far.test>
S: 503 5.5.1 *
C: DATA
S: 503 5.5.1 *
C: RSET
S: 250 2.0.0 OK
C: RCPT TO:<alice@example.test>
S: 503 5.5.1 *
C: NOOP
S: 250 2.0.0 OK
C: VRFY alice
S: 252 2.5.0 *
C: EXPN staff
S: 502 5.5.1 *
C: HELP
S: 214-2.0.0 *
S: 214-2.0.0 *
S: 214-2.0.0 *
S: 214-2.0.0 *
S: 214 2.0.0 End of HELP info
C: quit
S: 221 2.0.0 *
S: <closed>
