# Failed logins say nothing of which part was wrong; the third closes the connection.
@fixture accounts
S: +OK Pigeon POP3 server ready
C: USER nobody@example.test
S: +OK Send PASS
C: PASS secret
S: -ERR [AUTH] Invalid user name or password
C: PASS secret
S: -ERR Send USER first
C: USER alice@example.test
S: +OK Send PASS
C: PASS Secret
S: -ERR [AUTH] Invalid user name or password
C: STAT
S: -ERR Command not valid in AUTHORIZATION state: log in first
# PASS takes the rest of the line (RFC 1939 §7): a trailing space is part of the password.
C: USER alice@example.test
S: +OK Send PASS
C: PASS secret\x20
S: -ERR [AUTH] Invalid user name or password
S: <closed>

# Failures count per connection. The login name is the full address: "alice" alone is unknown.
SESSION 2
S: +OK Pigeon POP3 server ready
C: USER alice
S: +OK Send PASS
C: PASS secret
S: -ERR [AUTH] Invalid user name or password
C: USER bob@example.test
S: +OK Send PASS
C: PASS secret
S: +OK Maildrop has 0 messages (0 octets)
C: QUIT
S: +OK mx.example.test POP3 server signing off (maildrop empty)
S: <closed>
