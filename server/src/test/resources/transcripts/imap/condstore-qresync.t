# CONDSTORE and QRESYNC (RFC 7162): SELECT (CONDSTORE), MODSEQ in FETCH, CHANGEDSINCE, MODSEQ for a
# .SILENT STORE, SEARCH MODSEQ (also with ESEARCH), STATUS HIGHESTMODSEQ; with QRESYNC: UID EXPUNGE
# as VANISHED, UID FETCH (CHANGEDSINCE n VANISHED) with VANISHED (EARLIER) limited to the set. A
# FETCH MODSEQ turns CONDSTORE on (HIGHESTMODSEQ told at once), after which an implicit \Seen
# reports MODSEQ too. SELECT (QRESYNC …) with a UIDVALIDITY that doesn't match reports nothing (a
# matching one is in the imap module's SessionTest: UIDVALIDITY differs from run to run).
@fixture accounts
@fixture alice-inbox-4
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 SELECT INBOX (CONDSTORE)
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 4 EXISTS
S: * 4 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 5] Predicted next UID
S: * OK [HIGHESTMODSEQ 5] Highest
S: a2 OK [READ-WRITE] SELECT completed
C: a3 FETCH 1:* (UID MODSEQ)
S: * 1 FETCH (UID 1 MODSEQ (2))
S: * 2 FETCH (UID 2 MODSEQ (3))
S: * 3 FETCH (UID 3 MODSEQ (4))
S: * 4 FETCH (UID 4 MODSEQ (5))
S: a3 OK FETCH completed
C: a4 STORE 2 +FLAGS.SILENT (\\Seen)
S: * 2 FETCH (UID 2 MODSEQ (6))
S: a4 OK STORE completed
# only messages whose MODSEQ is above 4
C: a5 FETCH 1:* (FLAGS) (CHANGEDSINCE 4)
S: * 2 FETCH (FLAGS (\\Seen \\Recent) MODSEQ (6))
S: * 4 FETCH (FLAGS (\\Recent) MODSEQ (5))
S: a5 OK FETCH completed
# VANISHED needs ENABLE QRESYNC
C: a6 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 4 VANISHED)
S: a6 BAD VANISHED needs ENABLE QRESYNC
C: a7 SEARCH MODSEQ 5
S: * SEARCH 2 4 (MODSEQ 6)
S: a7 OK SEARCH completed
C: a8 UID SEARCH RETURN (ALL) MODSEQ 2
S: * ESEARCH (TAG "a8") UID ALL 1:4 MODSEQ 6
S: a8 OK UID SEARCH completed
C: a9 STATUS INBOX (HIGHESTMODSEQ)
S: * STATUS "INBOX" (HIGHESTMODSEQ 6)
S: a9 OK STATUS completed
C: a10 LOGOUT
S: * BYE Pigeon IMAP4rev2 server logging out
S: a10 OK LOGOUT completed

SESSION 2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: b1 LOGIN alice@example.test secret
S: b1 OK [CAPABILITY *] Logged in
C: b2 ENABLE QRESYNC
S: * ENABLED QRESYNC
S: b2 OK ENABLE completed
C: b3 SELECT INBOX
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 4 EXISTS
S: * 0 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 5] Predicted next UID
S: * OK [HIGHESTMODSEQ 6] Highest
S: b3 OK [READ-WRITE] SELECT completed
C: b4 STORE 3 +FLAGS.SILENT (\\Deleted)
S: * 3 FETCH (UID 3 MODSEQ (7))
S: b4 OK STORE completed
C: b5 UID EXPUNGE 3
S: * VANISHED 3
S: b5 OK UID EXPUNGE completed
# UID 3 went earlier: VANISHED (EARLIER) before the FETCHes; not when outside the set
C: b6 UID FETCH 1:* (FLAGS) (CHANGEDSINCE 4 VANISHED)
S: * VANISHED (EARLIER) 3
S: * 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (6))
S: * 3 FETCH (UID 4 FLAGS () MODSEQ (5))
S: b6 OK UID FETCH completed
C: b7 UID FETCH 1:2 (FLAGS) (CHANGEDSINCE 4 VANISHED)
S: * 2 FETCH (UID 2 FLAGS (\\Seen) MODSEQ (6))
S: b7 OK UID FETCH completed
C: b8 FETCH 1 (FLAGS) (CHANGEDSINCE 1 VANISHED)
S: b8 BAD FETCH: VANISHED needs UID FETCH and CHANGEDSINCE
C: b9 UNSELECT
S: b9 OK UNSELECT completed
# a UIDVALIDITY that doesn't match: the client must start over, nothing is reported
C: b10 SELECT INBOX (QRESYNC (1 4 1:4))
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 3 EXISTS
S: * 0 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 5] Predicted next UID
S: * OK [HIGHESTMODSEQ 8] Highest
S: b10 OK [READ-WRITE] SELECT completed
C: b11 LOGOUT
S: * BYE Pigeon IMAP4rev2 server logging out
S: b11 OK LOGOUT completed

SESSION 3
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: c1 LOGIN alice@example.test secret
S: c1 OK [CAPABILITY *] Logged in
C: c2 SELECT INBOX
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 3 EXISTS
S: * 0 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 5] Predicted next UID
S: c2 OK [READ-WRITE] SELECT completed
# a CONDSTORE enabling command while selected: HIGHESTMODSEQ at once
C: c3 FETCH 1 (MODSEQ)
S: * OK [HIGHESTMODSEQ 8] Highest
S: * 1 FETCH (MODSEQ (2))
S: c3 OK FETCH completed
C: c4 UID FETCH 1 (FLAGS) (CHANGEDSINCE 1 VANISHED)
S: c4 BAD VANISHED needs ENABLE QRESYNC
C: c5 FETCH 1 BODY[HEADER.FIELDS (Subject)]
S: * 1 FETCH (BODY[HEADER.FIELDS (Subject)] {22}
S: Subject: message 1
S:
S:  FLAGS (\\Seen) MODSEQ (9))
S: c5 OK FETCH completed
C: c6 LOGOUT
S: * BYE Pigeon IMAP4rev2 server logging out
S: c6 OK LOGOUT completed
