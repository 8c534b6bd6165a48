# POP3 on the same server, with pop3.max-errors = 3: bad and misplaced commands count, and the
# third ends the session (no UPDATE: nothing marked for deletion is lost).
@fixture accounts
@port pop3
S: +OK*
C: FROB
S: -ERR *
C: STAT
S: -ERR Command not valid in AUTHORIZATION state: log in first
C: USER alice@example.test
S: +OK*
C: RETR x
S: -ERR *
S: -ERR Too many errors, closing the connection
S: <closed>
