# RFC 1939 §8: one session per maildrop. The second login (by another spelling of the same
# address) gets [IN-USE] and stays in AUTHORIZATION; the lock goes when the first session ends.
@fixture accounts
@fixture alice-inbox-3
S: +OK Pigeon POP3 server ready
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 3 messages (342 octets)

SESSION 2
S: +OK Pigeon POP3 server ready
C: USER Alice@EXAMPLE.test
S: +OK Send PASS
C: PASS secret
S: -ERR [IN-USE] Maildrop already locked
C: STAT
S: -ERR Command not valid in AUTHORIZATION state: log in first
C: AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdABzZWNyZXQ=
S: -ERR [IN-USE] Maildrop already locked
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret
S: -ERR [IN-USE] Maildrop already locked

# Other maildrops are free; an alias (info → bob) is another name for the same lock.
SESSION 3
S: +OK Pigeon POP3 server ready
C: USER bob@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 0 messages (0 octets)
SESSION 4
S: +OK Pigeon POP3 server ready
C: USER info@example.test
S: +OK Send PASS
C: PASS secret
S: -ERR [IN-USE] Maildrop already locked

SESSION 1
C: DELE 1
S: +OK message 1 deleted
C: QUIT
S: +OK mx.example.test POP3 server signing off (2 messages left)
S: <closed>

# Lock-outs are not failed logins: after three, a fourth attempt still works.
SESSION 2
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 2 messages (228 octets)
DROP

# A dropped session releases the lock too.
SESSION 5
S: +OK Pigeon POP3 server ready
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 2 messages (228 octets)
C: QUIT
S: +OK mx.example.test POP3 server signing off (2 messages left)
S: <closed>
