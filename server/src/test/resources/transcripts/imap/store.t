# STORE and UID STORE (RFC 9051 §6.4.6): +FLAGS, -FLAGS, FLAGS, .SILENT, keywords, flags without
# parentheses, \Recent refused; the other session hears of the change at its next command. With
# CONDSTORE (RFC 7162 §3.1.3): UID and MODSEQ in every FETCH, MODSEQ even for .SILENT, and
# UNCHANGEDSINCE failing for messages changed since: OK [MODIFIED …] (sequence numbers for STORE,
# UIDs for UID STORE). A .SILENT STORE still shows FLAGS that another session changed meanwhile.
@fixture accounts
@fixture alice-inbox-3
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 SELECT INBOX
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 3 EXISTS
S: * 3 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: a2 OK [READ-WRITE] SELECT completed
C: a3 STORE 1 +FLAGS (\\Seen)
S: * 1 FETCH (FLAGS (\\Seen \\Recent))
S: a3 OK STORE completed
C: a4 STORE 1:2 +FLAGS (\\Flagged $Work)
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work \\\*)] Flags permitted.
S: * 1 FETCH (FLAGS (\\Seen \\Flagged \\Recent $Work))
S: * 2 FETCH (FLAGS (\\Flagged \\Recent $Work))
S: a4 OK STORE completed
C: a5 store 2 -flags \\Flagged
S: * 2 FETCH (FLAGS (\\Recent $Work))
S: a5 OK STORE completed
C: a6 STORE 2:3 FLAGS.SILENT (\\Answered Junk)
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work Junk)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work Junk \\\*)] Flags permitted.
S: a6 OK STORE completed
C: a7 FETCH 1:3 FLAGS
S: * 1 FETCH (FLAGS (\\Flagged \\Seen \\Recent $Work))
S: * 2 FETCH (FLAGS (\\Answered \\Recent Junk))
S: * 3 FETCH (FLAGS (\\Answered \\Recent Junk))
S: a7 OK FETCH completed
C: a8 UID STORE 3 -FLAGS (Junk)
S: * 3 FETCH (UID 3 FLAGS (\\Answered \\Recent))
S: a8 OK UID STORE completed
C: a9 STORE 1 FLAGS ()
S: * 1 FETCH (FLAGS (\\Recent))
S: a9 OK STORE completed
# \Recent belongs to the server (RFC 3501 §2.3.2)
C: a10 STORE 1 +FLAGS (\\Recent)
S: a10 BAD Cannot store \\Recent
C: a11 STORE 5 +FLAGS (\\Seen)
S: a11 BAD Invalid message sequence number
# a UID that does not exist is no error
C: a12 UID STORE 5 +FLAGS (\\Seen)
S: a12 OK UID STORE completed

SESSION 2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: b1 LOGIN alice@example.test secret
S: b1 OK [CAPABILITY *] Logged in
C: b2 SELECT INBOX
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft Junk)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft Junk \\\*)] Flags permitted.
S: * 3 EXISTS
S: * 0 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: b2 OK [READ-WRITE] SELECT completed
C: b3 STORE 2 +FLAGS.SILENT (\\Deleted)
S: b3 OK STORE completed

SESSION 1
C: a13 NOOP
S: * 2 FETCH (UID 2 FLAGS (\\Answered \\Deleted \\Recent Junk))
S: a13 OK NOOP completed
C: a14 ENABLE CONDSTORE
S: a14 BAD Command not valid in this state
C: a15 UNSELECT
S: a15 OK UNSELECT completed
C: a16 ENABLE CONDSTORE
S: * ENABLED CONDSTORE
S: a16 OK ENABLE completed
C: a17 SELECT INBOX
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft Junk)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft Junk \\\*)] Flags permitted.
S: * 3 EXISTS
S: * 0 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: * OK [HIGHESTMODSEQ 11] Highest
S: a17 OK [READ-WRITE] SELECT completed
# UNCHANGEDSINCE: after a18, message 1 is at MODSEQ 12, 2 at 11, 3 at 9
C: a18 STORE 1 (UNCHANGEDSINCE 20) +FLAGS (\\Seen)
S: * 1 FETCH (UID 1 FLAGS (\\Seen) MODSEQ (12))
S: a18 OK STORE completed
C: a19 STORE 1:3 (UNCHANGEDSINCE 11) +FLAGS (\\Draft)
S: * 2 FETCH (UID 2 FLAGS (\\Answered \\Deleted \\Draft Junk) MODSEQ (13))
S: * 3 FETCH (UID 3 FLAGS (\\Answered \\Draft) MODSEQ (13))
S: a19 OK [MODIFIED 1] Conditional STORE failed
C: a20 UID STORE 1:3 (UNCHANGEDSINCE 12) +FLAGS.SILENT ($Done)
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Done Junk)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Done Junk \\\*)] Flags permitted.
S: * 1 FETCH (UID 1 MODSEQ (14))
S: a20 OK [MODIFIED 2:3] Conditional STORE failed
C: a21 STORE 1 -FLAGS.SILENT (\\Seen)
S: * 1 FETCH (UID 1 MODSEQ (15))
S: a21 OK STORE completed
C: a22 FETCH 1:3 (FLAGS MODSEQ)
S: * 1 FETCH (FLAGS ($Done) MODSEQ (15))
S: * 2 FETCH (FLAGS (\\Answered \\Deleted \\Draft Junk) MODSEQ (13))
S: * 3 FETCH (FLAGS (\\Answered \\Draft) MODSEQ (13))
S: a22 OK FETCH completed
C: a23 STORE 1 (UNCHANGEDSINCE 0) +FLAGS (\\Seen)
S: a23 OK [MODIFIED 1] Conditional STORE failed

SESSION 2
C: b4 STORE 3 +FLAGS.SILENT (\\Seen)
S: * 3 FETCH (FLAGS (\\Seen \\Answered \\Draft))
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Done Junk)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Done Junk \\\*)] Flags permitted.
S: * 1 FETCH (UID 1 FLAGS ($Done))
S: * 2 FETCH (UID 2 FLAGS (\\Answered \\Deleted \\Draft Junk))
S: b4 OK STORE completed

SESSION 1
C: a24 NOOP
S: * 3 FETCH (UID 3 FLAGS (\\Seen \\Answered \\Draft) MODSEQ (16))
S: a24 OK NOOP completed

# An idling session hears of a STORE at once (RFC 2177, RFC 9051 §7.5.2).
SESSION 2
C: b5 IDLE
S: + idling

SESSION 1
C: a25 STORE 1 +FLAGS.SILENT (\\Flagged)
S: * 1 FETCH (UID 1 MODSEQ (17))
S: a25 OK STORE completed

SESSION 2
S: * 1 FETCH (UID 1 FLAGS (\\Flagged $Done))
C: DONE
S: b5 OK IDLE terminated
