# Dot-stuffing both ways (RFC 5321 §4.5.2): the client's ".." arrives as ".", and POP3 stuffs it
# again; a leading period followed by other text is deleted (". not the end").
@fixture accounts
S: 220 *
C: HELO dots.test
S: 250 *
C: MAIL FROM:<a@far.test>
S: 250 *
C: RCPT TO:<alice@example.test>
S: 250 *
C: DATA
S: 354 *
C: Subject: dots
C:
C: ..
C: ..leading dot
C: ...
C: . not the end
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
C: TOP 1 10
S: +OK*
S: Return-Path: <a@far.test>
S: Received: *
S: 	by mx.example.test (Pigeon) with SMTP id *
S: 	for <alice@example.test>; *
S: Subject: dots
S:
S: ..
S: ..leading dot
S: ...
S:  not the end
S: .
C: QUIT
S: +OK*
