# A whole RFC 1939 session: CAPA, USER/PASS, STAT, LIST, UIDL, RETR, TOP, NOOP, DELE, QUIT,
# then the next session. Fixture messages are 114 octets; unique-ids are <uidvalidity>.<uid>.
@fixture accounts
@fixture alice-inbox-3
S: +OK Pigeon POP3 server ready
C: CAPA
S: +OK Capability list follows
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
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 3 messages (342 octets)
C: STAT
S: +OK 3 342
C: LIST
S: +OK 3 messages (342 octets)
S: 1 114
S: 2 114
S: 3 114
S: .
C: LIST 2
S: +OK 2 114
C: UIDL
S: +OK Unique-id listing follows
S: 1 *.1
S: 2 *.2
S: 3 *.3
S: .
C: UIDL 3
S: +OK 3 *.3
C: RETR 1
S: +OK 114 octets
S: From: carol@far.test
S: To: alice@example.test
S: Subject: message 1
S:
S: line one of 1
S: ..starts with a dot
S: last line
S: .
C: TOP 1 0
S: +OK top of message follows
S: From: carol@far.test
S: To: alice@example.test
S: Subject: message 1
S:
S: .
C: NOOP
S: +OK
C: DELE 1
S: +OK message 1 deleted
C: STAT
S: +OK 2 228
C: LIST
S: +OK 2 messages (228 octets)
S: 2 114
S: 3 114
S: .
C: QUIT
S: +OK mx.example.test POP3 server signing off (2 messages left)
S: <closed>

# The next session sees the deletion, renumbered; the unique-ids stay.
SESSION 2
S: +OK Pigeon POP3 server ready
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 2 messages (228 octets)
C: UIDL
S: +OK Unique-id listing follows
S: 1 *.2
S: 2 *.3
S: .
C: TOP 1 0
S: +OK top of message follows
S: From: carol@far.test
S: To: alice@example.test
S: Subject: message 2
S:
S: .
C: QUIT
S: +OK mx.example.test POP3 server signing off (2 messages left)
S: <closed>
