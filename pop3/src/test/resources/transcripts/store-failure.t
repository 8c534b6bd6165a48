# A store failure is a temporary error; the session stays in AUTHORIZATION and holds no lock.
S: +OK Pigeon POP3 server ready
C: USER broken@example.test
S: +OK Send PASS
C: PASS secret
S: -ERR [SYS/TEMP] Temporary server failure, try again later
C: PASS secret
S: -ERR [SYS/TEMP] Temporary server failure, try again later
C: STAT
S: -ERR Command not valid in AUTHORIZATION state: log in first
C: USER alice
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 3 messages (150 octets)
C: QUIT
S: +OK pop.example.test POP3 server signing off (3 messages left)
CLOSED
