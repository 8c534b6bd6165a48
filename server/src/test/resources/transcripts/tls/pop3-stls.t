# RFC 2595 §4: STLS in the AUTHORIZATION state; CAPA lists it until TLS is on; after the
# handshake a USER given before is forgotten, and commands sent in the clear after STLS are
# thrown away.
@fixture accounts
@port pop3
S: +OK*
C: CAPA
S: +OK*
S: TOP
S: UIDL
S: STLS
S: USER
S: RESP-CODES
S: AUTH-RESP-CODE
S: PIPELINING
S: SASL PLAIN
S: IMPLEMENTATION Pigeon
S: .
C: STLS now
S: -ERR *
C: USER alice@example.test
S: +OK*
C+ STLS\r\nPASS secret\r\n
S: +OK Begin TLS negotiation
TLS
C: PASS secret
S: -ERR *
C: CAPA
S: +OK*
S: TOP
S: UIDL
S: USER
S: RESP-CODES
S: AUTH-RESP-CODE
S: PIPELINING
S: SASL PLAIN
S: IMPLEMENTATION Pigeon
S: .
C: STLS
S: -ERR TLS already active
C: USER alice@example.test
S: +OK*
C: PASS secret
S: +OK*
C: STLS
S: -ERR *
C: QUIT
S: +OK*

SESSION 2 pop3s
S: +OK*
C: USER alice@example.test
S: +OK*
C: PASS secret
S: +OK*
C: QUIT
S: +OK*
