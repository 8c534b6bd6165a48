# Served with smtp.max-recipients = 3: the fourth gets 452 4.5.3 (RFC 5321 §4.5.3.1.10), the
# message still goes to the first three.
@fixture accounts
S: 220 *
C: HELO many.test
S: 250 *
C: MAIL FROM:<a@far.test>
S: 250 *
C: RCPT TO:<alice@example.test>
S: 250 *
C: RCPT TO:<bob@example.test>
S: 250 *
C: RCPT TO:<info@example.test>
S: 250 *
C: RCPT TO:<postmaster@example.test>
S: 452 4.5.3 Too many recipients
C: RSET
S: 250 *
C: QUIT
S: 221 *
