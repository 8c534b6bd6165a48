# A typical transaction, as in RFC 5321 Appendix D.1: one recipient unknown, the others accepted,
# one stored copy for both, Return-Path and Received added. Then POP3 shows it to each of them.
@fixture accounts
S: 220 mx.example.test ESMTP Pigeon ready
C: EHLO bar.com
S: 250-mx.example.test Hello bar.com
S: 250-PIPELINING
S: 250-SIZE 26214400
S: 250-8BITMIME
S: 250-SMTPUTF8
S: 250-ENHANCEDSTATUSCODES
S: 250-STARTTLS
S: 250-AUTH PLAIN LOGIN
S: 250 HELP
C: MAIL FROM:<Smith@bar.com>
S: 250 2.1.0 Sender <Smith@bar.com> OK
C: RCPT TO:<alice@example.test>
S: 250 2.1.5 Recipient <alice@example.test> OK
C: RCPT TO:<Green@example.test>
S: 550 5.1.1 No such user here
C: RCPT TO:<Bob@Example.TEST>
S: 250 2.1.5 Recipient <Bob@example.test> OK
C: DATA
S: 354 End data with <CR><LF>.<CR><LF>
C: Subject: lunch
C:
C: Blah blah blah...
C: ...etc. etc. etc.
C: .
S: 250 2.0.0 OK: queued as *
C: QUIT
S: 221 2.0.0 mx.example.test closing connection
S: <closed>

SESSION 2 pop3
S: +OK*
C: USER alice@example.test
S: +OK*
C: PASS secret
S: +OK*
C: RETR 1
S: +OK*
S: Return-Path: <Smith@bar.com>
S: Received: from bar.com (* [127.0.0.1])
S: 	by mx.example.test (Pigeon) with ESMTP id *;
S: 	*
S: Subject: lunch
S:
S: Blah blah blah...
S: ...etc. etc. etc.
S: .
C: QUIT
S: +OK*

SESSION 3 pop3
S: +OK*
C: USER bob@example.test
S: +OK*
C: PASS secret
S: +OK*
C: STAT
S: +OK 1 *
C: QUIT
S: +OK*
