# A whole RFC 1939 session: USER/PASS, STAT, LIST, UIDL, RETR, TOP, DELE, QUIT, then the next session.
S: +OK Pigeon POP3 server ready
C: CAPA
S: +OK Capability list follows
S: TOP
S: UIDL
S: USER
S: RESP-CODES
S: AUTH-RESP-CODE
S: PIPELINING
S: SASL PLAIN
S: IMPLEMENTATION Pigeon
S: .
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 3 messages (150 octets)
C: STAT
S: +OK 3 150
C: LIST
S: +OK 3 messages (150 octets)
S: 1 53
S: 2 57
S: 3 40
S: .
C: LIST 2
S: +OK 2 57
C: UIDL
S: +OK Unique-id listing follows
S: 1 42.10
S: 2 42.11
S: 3 42.15
S: .
C: UIDL 3
S: +OK 3 42.15
C: RETR 1
S: +OK 53 octets
S: From: bob@example.test
S: Subject: one
S:
S: Hello Alice
S: .
C: TOP 1 0
S: +OK top of message follows
S: From: bob@example.test
S: Subject: one
S:
S: .
C: NOOP
S: +OK
C: DELE 1
S: +OK message 1 deleted
C: STAT
S: +OK 2 97
C: LIST
S: +OK 2 messages (97 octets)
S: 2 57
S: 3 40
S: .
C: QUIT
S: +OK pop.example.test POP3 server signing off (2 messages left)
CLOSED

# The next session sees the deletion, renumbered; the unique-ids stay.
SESSION 2
S: +OK Pigeon POP3 server ready
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 2 messages (97 octets)
C: UIDL
S: +OK Unique-id listing follows
S: 1 42.11
S: 2 42.15
S: .
C: QUIT
S: +OK pop.example.test POP3 server signing off (2 messages left)
CLOSED
