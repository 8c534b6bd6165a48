# SELECT and EXAMINE (RFC 9051 §6.3.2-3, RFC 3501 for \Recent and UNSEEN): every response code with
# its text; \Recent goes to the first read-write session only; CONDSTORE's HIGHESTMODSEQ (RFC 7162).
@fixture accounts
@fixture alice-inbox-3
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 EXAMINE INBOX
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS ()] No permanent flags permitted.
S: * 3 EXISTS
S: * 3 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: a2 OK [READ-ONLY] EXAMINE completed
C: a3 select "INBOX"
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 3 EXISTS
S: * 3 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: a3 OK [READ-WRITE] SELECT completed
C: a4 SELECT Nope
S: a4 NO [NONEXISTENT] Mailbox does not exist
# the failed SELECT left the session authenticated
C: a5 CLOSE
S: a5 BAD No mailbox selected
C: a6 SELECT Sent (CONDSTORE)
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 0 EXISTS
S: * 0 RECENT
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 1] Predicted next UID
S: * OK [HIGHESTMODSEQ *] Highest
S: a6 OK [READ-WRITE] SELECT completed
C: a7 CHECK
S: a7 OK CHECK completed
C: a8 CLOSE
S: a8 OK CLOSE completed

# A second session: the messages are no longer recent for it.
SESSION 2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: b1 LOGIN alice@example.test secret
S: b1 OK [CAPABILITY *] Logged in
C: b2 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 3 EXISTS
S: * 0 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: b2 OK [READ-WRITE] SELECT completed
C: b3 STATUS INBOX (RECENT MESSAGES)
S: * STATUS "INBOX" (RECENT 0 MESSAGES 3)
S: b3 OK STATUS completed

# IMAP4rev2: no RECENT, no UNSEEN, a LIST response, and [CLOSED] when another mailbox is selected.
SESSION 3
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: c1 LOGIN alice@example.test secret
S: c1 OK [CAPABILITY *] Logged in
C: c2 ENABLE IMAP4rev2
S: * ENABLED IMAP4rev2
S: c2 OK ENABLE completed
C: c3 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 3 EXISTS
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: * LIST (\\HasNoChildren) "/" "INBOX"
S: c3 OK [READ-WRITE] SELECT completed
C: c4 EXAMINE Trash
S: * OK [CLOSED] Previous mailbox closed.
S: * FLAGS *
S: * OK [PERMANENTFLAGS ()] No permanent flags permitted.
S: * 0 EXISTS
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 1] Predicted next UID
S: * LIST (\\HasNoChildren \\Trash) "/" "Trash"
S: c4 OK [READ-ONLY] EXAMINE completed
C: c5 EXPUNGE
S: c5 NO [READ-ONLY] Mailbox is read-only
C: c6 UNSELECT
S: c6 OK UNSELECT completed
