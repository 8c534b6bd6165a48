# DELE only marks: RSET unmarks, a dropped connection deletes nothing, QUIT deletes.
@fixture accounts
@fixture alice-inbox-3
S: +OK Pigeon POP3 server ready
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 3 messages (342 octets)
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
C: STAT
S: +OK 2 228
C: UIDL
S: +OK Unique-id listing follows
S: 1 *.1
S: 3 *.3
S: .
C: RSET
S: +OK Maildrop has 3 messages (342 octets)
C: LIST 2
S: +OK 2 114
C: DELE 1
S: +OK message 1 deleted
C: DELE 3
S: +OK message 3 deleted
C: STAT
S: +OK 1 114
DROP

# The dropped session deleted nothing, and let go of the maildrop.
SESSION 2
S: +OK Pigeon POP3 server ready
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 3 messages (342 octets)
C: DELE 1
S: +OK message 1 deleted
C: DELE 3
S: +OK message 3 deleted
C: QUIT
S: +OK mx.example.test POP3 server signing off (1 messages left)
S: <closed>

# QUIT deleted 1 and 3: message 2 is left, now number 1.
SESSION 3
S: +OK Pigeon POP3 server ready
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 1 messages (114 octets)
C: UIDL
S: +OK Unique-id listing follows
S: 1 *.2
S: .
C: TOP 1 0
S: +OK top of message follows
S: From: carol@far.test
S: To: alice@example.test
S: Subject: message 2
S:
S: .
C: DELE 1
S: +OK message 1 deleted
C: QUIT
S: +OK mx.example.test POP3 server signing off (maildrop empty)
S: <closed>

SESSION 4
S: +OK Pigeon POP3 server ready
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 0 messages (0 octets)
C: QUIT
S: +OK mx.example.test POP3 server signing off (maildrop empty)
S: <closed>
