# RFC 3207: STARTTLS is offered after EHLO, takes no parameters, and after the handshake the
# session starts over: the EHLO before it is forgotten, STARTTLS is no longer offered, and the
# Received field says ESMTPS. Commands pipelined in the clear after STARTTLS are thrown away
# (§4.2, CVE-2011-0411): the EHLO sent with it is never answered.
@fixture accounts
@port smtp
S: 220 mx.example.test ESMTP Pigeon ready
C: STARTTLS
S: 503 5.5.1 Send EHLO first
C: EHLO client.test
S: 250-mx.example.test Hello client.test
S: 250-PIPELINING
S: 250-SIZE 26214400
S: 250-8BITMIME
S: 250-SMTPUTF8
S: 250-ENHANCEDSTATUSCODES
S: 250-STARTTLS
S: 250-AUTH PLAIN LOGIN
S: 250 HELP
C: STARTTLS please
S: 501 5.5.2 Syntax: STARTTLS (no parameters allowed)
C: MAIL FROM:<a@far.test>
S: 250 *
C: STARTTLS
S: 503 5.5.1 STARTTLS not permitted during a mail transaction
C: RSET
S: 250 *
C+ STARTTLS\r\nEHLO injected.test\r\n
S: 220 2.0.0 Ready to start TLS
TLS
C: MAIL FROM:<a@far.test>
S: 503 5.5.1 Send HELO or EHLO first
C: EHLO client.test
S: 250-mx.example.test Hello client.test
S: 250-PIPELINING
S: 250-SIZE 26214400
S: 250-8BITMIME
S: 250-SMTPUTF8
S: 250-ENHANCEDSTATUSCODES
S: 250-AUTH PLAIN LOGIN
S: 250 HELP
C: STARTTLS
S: 503 5.5.1 TLS already active
C: MAIL FROM:<a@far.test>
S: 250 *
C: RCPT TO:<alice@example.test>
S: 250 *
C: DATA
S: 354 *
C: Subject: over TLS
C:
C: secret
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
C: TOP 1 0
S: +OK*
S: Return-Path: <a@far.test>
S: Received: from client.test (localhost [127.0.0.1])
S: 	by mx.example.test (Pigeon) with ESMTPS id *
S: 	for <alice@example.test>; *
S: Subject: over TLS
S:
S: .
C: QUIT
S: +OK*
