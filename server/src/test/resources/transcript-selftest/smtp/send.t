# A whole SMTP session, as in RFC 5321 appendix D.1, then the message seen over POP3.
@fixture empty
S: 220 *GreenMail*
C: EHLO client.example
S: 250-*
S: 250 AUTH PLAIN LOGIN
C: MAIL FROM:<bob@example.org>
S: 250 OK
C: RCPT TO:<alice@localhost>
S: 250 OK
C: DATA
S: 354 *
C: From: bob@example.org
C: To: alice@localhost
C: Subject: transcript
C:
C: A body line,
C: ..and a dot-stuffed one.
C: .
S: 250 OK
C: QUIT
S: 221 *
S: <closed>

SESSION 2 pop3
S: +OK *
C: USER alice
S: +OK*
C: PASS secret
S: +OK*
C: STAT
S: +OK 1 *
C: QUIT
S: +OK*
