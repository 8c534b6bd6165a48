# Commands outside their state, unknown commands and bad arguments: -ERR, and the session carries on.
@fixture accounts
@fixture alice-inbox-3
S: +OK Pigeon POP3 server ready
C: STAT
S: -ERR Command not valid in AUTHORIZATION state: log in first
C: RETR 1
S: -ERR Command not valid in AUTHORIZATION state: log in first
C: NOOP
S: -ERR Command not valid in AUTHORIZATION state: log in first
C: PASS secret
S: -ERR Send USER first
C: APOP alice@example.test 0123456789abcdef0123456789abcdef
S: -ERR Unknown command
C: XTND XMIT
S: -ERR Unknown command
C:
S: -ERR Unknown command
C: USER
S: -ERR USER takes one argument
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 3 messages (342 octets)
C: USER bob@example.test
S: -ERR Command not valid in TRANSACTION state: already logged in
C: PASS secret
S: -ERR Command not valid in TRANSACTION state: already logged in
C: AUTH PLAIN
S: -ERR Command not valid in TRANSACTION state: already logged in
C: RETR
S: -ERR RETR takes one argument
C: RETR x
S: -ERR Invalid number
C: RETR -1
S: -ERR Invalid number
C: RETR 0
S: -ERR no such message, only 3 messages in maildrop
C: RETR 4
S: -ERR no such message, only 3 messages in maildrop
C: LIST 1 2
S: -ERR LIST takes at most one argument
C: LIST  1
S: -ERR Arguments must be separated by a single space
C: TOP 1
S: -ERR TOP takes 2 arguments
C: STAT now
S: -ERR STAT takes no argument
C: XTND XMIT
S: -ERR Unknown command
C: stat
S: +OK 3 342
C: LiSt 3\x20
S: +OK 3 114
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
C: quit
S: +OK mx.example.test POP3 server signing off (3 messages left)
S: <closed>

# QUIT before login just ends the session.
SESSION 2
S: +OK Pigeon POP3 server ready
C: QUIT
S: +OK mx.example.test POP3 server signing off
S: <closed>
