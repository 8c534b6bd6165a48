# Served with smtp.max-line-length = 1000: a message with a longer line is read to its end and refused.
@fixture accounts
S: 220 *
C: HELO lines.test
S: 250 *
C: MAIL FROM:<a@far.test>
S: 250 *
C: RCPT TO:<alice@example.test>
S: 250 *
C: DATA
S: 354 *
C: Subject: one long line
C:
C: @bytes 1500 x
C: .
S: 500 5.6.0 *
C: NOOP
S: 250 *
