# Never an open relay: an unauthenticated client may only send to local domains.
@fixture accounts
S: 220 *
C: HELO spammer.test
S: 250 *
C: MAIL FROM:<someone@example.test>
S: 250 2.1.0 *
C: RCPT TO:<victim@elsewhere.test>
S: 550 5.7.1 Relaying denied
C: RCPT TO:<victim@example.test.elsewhere.test>
S: 550 5.7.1 Relaying denied
C: DATA
S: 554 5.5.1 No valid recipients
C: RCPT TO:<postmaster@example.test>
S: 250 2.1.5 *
C: QUIT
S: 221 *
