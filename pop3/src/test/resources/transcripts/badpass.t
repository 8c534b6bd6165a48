# Failed logins say nothing of which part was wrong; the third closes the connection.
S: +OK Pigeon POP3 server ready
C: USER nobody@example.test
S: +OK Send PASS
C: PASS secret
S: -ERR [AUTH] Invalid user name or password
C: PASS secret
S: -ERR Send USER first
C: USER alice
S: +OK Send PASS
C: PASS Secret
S: -ERR [AUTH] Invalid user name or password
C: STAT
S: -ERR Command not valid in AUTHORIZATION state: log in first
C: USER alice
S: +OK Send PASS
C: PASS secret 
S: -ERR [AUTH] Invalid user name or password
CLOSED

# A password may contain spaces (RFC 1939 §7: PASS takes the rest of the line).
SESSION 2
S: +OK Pigeon POP3 server ready
C: USER bob@example.test
S: +OK Send PASS
C: PASS hunter2
S: +OK Maildrop has 0 messages (0 octets)
C: QUIT
S: +OK pop.example.test POP3 server signing off (maildrop empty)
CLOSED
