# RFC 6409 submission: AUTH first; then the sender must be the account's own address or alias
# (553 5.7.1 otherwise), and any recipient is accepted: local ones delivered, remote ones queued.
@fixture accounts
S: 220 mx.example.test ESMTP Pigeon ready
C: EHLO client.example
S: 250-mx.example.test Hello client.example
S: 250-PIPELINING
S: 250-SIZE 26214400
S: 250-8BITMIME
S: 250-SMTPUTF8
S: 250-ENHANCEDSTATUSCODES
S: 250-STARTTLS
S: 250-AUTH PLAIN LOGIN
S: 250 HELP
C: MAIL FROM:<alice@example.test>
S: 530 5.7.0 Authentication required
C: AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdAB3cm9uZw==
S: 535 5.7.8 Authentication credentials invalid
C: AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdABzZWNyZXQ=
S: 235 2.7.0 Authentication successful
C: MAIL FROM:<bob@example.test>
S: 553 5.7.1 Sender address not owned by you
C: MAIL FROM:<alice@example.test>
S: 250 2.1.0 *
C: RCPT TO:<friend@far.test>
S: 250 2.1.5 Recipient <friend@far.test> OK
C: RCPT TO:<bob@example.test>
S: 250 2.1.5 *
C: DATA
S: 354 *
C: From: alice@example.test
C: Subject: submitted
C:
C: hello from alice
C: .
S: 250 2.0.0 *
C: QUIT
S: 221 *

SESSION 2 pop3
S: +OK*
C: USER bob@example.test
S: +OK*
C: PASS secret
S: +OK*
C: TOP 1 0
S: +OK*
S: Return-Path: <alice@example.test>
S: Received: from client.example (* [127.0.0.1])
S: 	by mx.example.test (Pigeon) with ESMTPA id *
S: 	*
S: From: alice@example.test
S: Subject: submitted
S:
S: .
C: QUIT
S: +OK*
