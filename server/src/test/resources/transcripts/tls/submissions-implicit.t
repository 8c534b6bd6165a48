# RFC 8314 §3: submission over implicit TLS. The handshake comes first, then the greeting; AUTH
# is offered and STARTTLS is not (TLS is already on).
@fixture accounts
@port submissions
S: 220 mx.example.test ESMTP Pigeon ready
C: EHLO client.test
S: 250-mx.example.test Hello client.test
S: 250-PIPELINING
S: 250-SIZE 26214400
S: 250-8BITMIME
S: 250-SMTPUTF8
S: 250-ENHANCEDSTATUSCODES
S: 250-AUTH PLAIN LOGIN
S: 250 HELP
C: AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdABzZWNyZXQ=
S: 235 2.7.0 Authentication successful
C: MAIL FROM:<alice@example.test>
S: 250 *
C: QUIT
S: 221 *
