# DELE only marks: RSET unmarks, a dropped connection deletes nothing, QUIT deletes.
S: +OK Pigeon POP3 server ready
C: USER alice
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 3 messages (150 octets)
C: DELE 2
S: +OK message 2 deleted
C: DELE 2
S: -ERR message 2 already deleted
C: RETR 2
S: -ERR message 2 already deleted
C: LIST 2
S: -ERR message 2 already deleted
C: UIDL 2
S: -ERR message 2 already deleted
C: TOP 2 1
S: -ERR message 2 already deleted
C: UIDL
S: +OK Unique-id listing follows
S: 1 42.10
S: 3 42.15
S: .
C: RSET
S: +OK maildrop has 3 messages (150 octets)
C: LIST 2
S: +OK 2 57
C: DELE 1
S: +OK message 1 deleted
C: DELE 3
S: +OK message 3 deleted
C: STAT
S: +OK 1 57
DROP

# The dropped session deleted nothing.
SESSION 2
S: +OK Pigeon POP3 server ready
C: USER alice
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 3 messages (150 octets)
C: DELE 1
S: +OK message 1 deleted
C: DELE 3
S: +OK message 3 deleted
C: QUIT
S: +OK pop.example.test POP3 server signing off (1 messages left)
CLOSED

SESSION 3
S: +OK Pigeon POP3 server ready
C: USER alice
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 1 messages (57 octets)
C: UIDL
S: +OK Unique-id listing follows
S: 1 42.11
S: .
C: DELE 1
S: +OK message 1 deleted
C: QUIT
S: +OK pop.example.test POP3 server signing off (maildrop empty)
CLOSED
