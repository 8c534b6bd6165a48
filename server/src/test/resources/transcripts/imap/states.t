# Commands in the wrong state get BAD with a reason; parse errors keep the connection usable.
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 SELECT INBOX
S: a1 BAD Log in first
C: a2 FETCH 1 FLAGS
S: a2 BAD Log in first
C: a3 FOO
S: a3 BAD *
C: a4 SELECT
S: a4 BAD *
C: +bad NOOP
S: * BAD *
C:
S: * BAD *
C: a5 NOOP
S: a5 OK NOOP completed
C: a6 LOGIN alice@example.test secret
S: a6 OK [CAPABILITY *] Logged in
C: a7 CLOSE
S: a7 BAD No mailbox selected
C: a8 EXPUNGE
S: a8 BAD No mailbox selected
C: a9 FETCH 1 (FLAGS)
S: a9 BAD No mailbox selected
C: a10 AUTHENTICATE PLAIN AGFsaWNlQGV4YW1wbGUudGVzdABzZWNyZXQ=
S: a10 BAD Already logged in
C: a11 SELECT INBOX
S{
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 0 EXISTS
S: * 0 RECENT
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 1] Predicted next UID
S}
S: a11 OK [READ-WRITE] SELECT completed
# RFC 5161 §3.1: ENABLE only in the authenticated state
C: a12 ENABLE CONDSTORE
S: a12 BAD Command not valid in this state
C: a13 STARTTLS
S: a13 BAD Already logged in
C: a14 UNSELECT
S: a14 OK UNSELECT completed
C: a15 UNSELECT
S: a15 BAD No mailbox selected
C: a16 STATUS Nope (MESSAGES)
S: a16 NO [NONEXISTENT] Mailbox does not exist
C: a17 LOGOUT
S: * BYE *
S: a17 OK LOGOUT completed
S: <closed>
