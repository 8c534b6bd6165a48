# RFC 9051 §6.2.1: STARTTLS in the not-authenticated state; after the handshake the capability
# list no longer names STARTTLS; a command sent in the clear after STARTTLS is thrown away, so
# the LOGIN pipelined with it is never answered.
@fixture accounts
@port imap
S: * OK [CAPABILITY * STARTTLS AUTH=PLAIN] Pigeon IMAP4rev2 ready
C: a1 STARTTLS extra
S: a1 BAD *
C+ a2 STARTTLS\r\na3 LOGIN alice@example.test secret\r\n
S: a2 OK Begin TLS negotiation now
TLS
C: a4 CAPABILITY
S: * CAPABILITY * AUTH=PLAIN
S: a4 OK *
C: a5 STARTTLS
S: a5 BAD TLS is already active
C: a6 LOGIN alice@example.test secret
S: a6 OK *
C: a7 STARTTLS
S: a7 BAD *
C: a8 LOGOUT
S: * BYE *
S: a8 OK *

SESSION 2 imaps
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: b1 CAPABILITY
S: * CAPABILITY * AUTH=PLAIN
S: b1 OK *
C: b2 LOGIN alice@example.test secret
S: b2 OK *
C: b3 LOGOUT
S: * BYE *
S: b3 OK *
