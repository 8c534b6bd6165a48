# A keyword new to the selected mailbox is announced in FLAGS and PERMANENTFLAGS before any response
# shows it (RFC 9051 §7.3.5, RFC 3501 §7.2.6): before the STORE's own FETCH, before another
# session's FETCH of the change, and before the EXISTS of a message appended with it. NIL is not a
# keyword: BAD, and nothing is stored.
@fixture accounts
@fixture alice-inbox-2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 SELECT INBOX
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 2 EXISTS
S: * 2 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 3] Predicted next UID
S: a2 OK [READ-WRITE] SELECT completed

SESSION 2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: b1 LOGIN alice@example.test secret
S: b1 OK [CAPABILITY *] Logged in
C: b2 SELECT INBOX
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 2 EXISTS
S: * 0 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 3] Predicted next UID
S: b2 OK [READ-WRITE] SELECT completed

SESSION 1
C: a3 STORE 1 +FLAGS ($keyword1 $keyword2)
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $keyword1 $keyword2)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $keyword1 $keyword2 \\\*)] Flags permitted.
S: * 1 FETCH (FLAGS (\\Recent $keyword1 $keyword2))
S: a3 OK STORE completed
# known keywords are not announced again
C: a4 STORE 2 +FLAGS ($keyword1)
S: * 2 FETCH (FLAGS (\\Recent $keyword1))
S: a4 OK STORE completed
C: a5 STORE 2 +FLAGS NIL
S: a5 BAD STORE: invalid flag NIL
C: a6 STORE 2 +FLAGS (\\Seen NIL)
S: a6 BAD STORE: invalid flag NIL
C: a7 APPEND INBOX (NIL) {1+}
C: a
S: a7 BAD APPEND: invalid flag NIL
C: a8 FETCH 2 (FLAGS)
S: * 2 FETCH (FLAGS (\\Recent $keyword1))
S: a8 OK FETCH completed

SESSION 2
C: b3 NOOP
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $keyword1 $keyword2)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $keyword1 $keyword2 \\\*)] Flags permitted.
S{
S: * 1 FETCH (UID 1 FLAGS ($keyword* $keyword*))
S: * 2 FETCH (UID 2 FLAGS ($keyword1))
S}
S: b3 OK NOOP completed
C: b4 APPEND INBOX (\\Flagged $keyword3) {19+}
C: Subject: three
C:
C: 3
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $keyword1 $keyword2 $keyword3)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $keyword1 $keyword2 $keyword3 \\\*)] Flags permitted.
S: * 3 EXISTS
S: * 1 RECENT
S: b4 OK [APPENDUID * 3] APPEND completed

SESSION 1
C: a9 NOOP
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $keyword1 $keyword2 $keyword3)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $keyword1 $keyword2 $keyword3 \\\*)] Flags permitted.
S: * 3 EXISTS
S: * 2 RECENT
S: a9 OK NOOP completed
C: a10 FETCH 3 (FLAGS)
S: * 3 FETCH (FLAGS (\\Flagged $keyword3))
S: a10 OK FETCH completed
