# Served with imap.max-errors = 10: every BAD counts (syntax, wrong state, unknown command), a NO
# does not, and the tenth BAD ends the session with * BYE.
@fixture accounts
S: * OK *
C: a1 FROBNICATE
S: a1 BAD *
C: a2 SELECT INBOX
S: a2 BAD *
C: a3 LOGIN alice@example.test secret
S: a3 OK *
C: a4 SELECT Nonexistent
S: a4 NO *
C: a5 FETCH 1 (FLAGS)
S: a5 BAD *
C: b1 FROBNICATE
S: b1 BAD *
C: b2 FROBNICATE
S: b2 BAD *
C: b3 FROBNICATE
S: b3 BAD *
C: b4 FROBNICATE
S: b4 BAD *
C: b5 FROBNICATE
S: b5 BAD *
C: b6 FROBNICATE
S: b6 BAD *
C: a6 FROBNICATE
S: a6 BAD *
S: * BYE Too many errors
S: <closed>
