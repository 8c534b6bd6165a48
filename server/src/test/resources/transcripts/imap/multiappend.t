# MULTIAPPEND (RFC 3502): several messages in one APPEND, each with its own flags and date, stored
# together or not at all; APPENDUID names them all (RFC 4315 §3). Synchronising literals are invited
# one by one; a refused APPEND skips the messages the client sends anyway.
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 APPEND Sent (\\Seen) {17+}
C: Subject: one
C:
C: 1 (\\Flagged) "01-Feb-2024 10:00:00 +0000" {17+}
C: Subject: two
C:
C: 2
S: a2 OK [APPENDUID * 1:2] APPEND completed
C: a3 APPEND Drafts {17}
S: + Ready for literal data
C: Subject: one
C:
C: 1 {19}
S: + Ready for literal data
C: Subject: three
C:
C: 3 () {17}
S: + Ready for literal data
C: Subject: two
C:
C: 2
S: a3 OK [APPENDUID * 1:3] APPEND completed
C: a4 EXAMINE Sent
S: * FLAGS *
S: * OK [PERMANENTFLAGS ()] No permanent flags permitted.
S: * 2 EXISTS
S: * 2 RECENT
S: * OK [UNSEEN 2] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 3] Predicted next UID
S: a4 OK [READ-ONLY] EXAMINE completed
C: a5 FETCH 1:2 (FLAGS INTERNALDATE BODY.PEEK[HEADER.FIELDS (SUBJECT)])
S: * 1 FETCH (FLAGS (\\Seen \\Recent) INTERNALDATE * BODY[HEADER.FIELDS (SUBJECT)] {16}
S: Subject: one
S:
S: )
S: * 2 FETCH (FLAGS (\\Flagged \\Recent) INTERNALDATE "01-Feb-2024 10:00:00 +0000" BODY[HEADER.FIELDS (SUBJECT)] {16}
S: Subject: two
S:
S: )
S: a5 OK FETCH completed
# all or nothing: the third message's flags are malformed, so the first two are not stored either
C: a6 APPEND Sent {17+}
C: Subject: one
C:
C: 1 {17+}
C: Subject: two
C:
C: 2 (NIL) {19+}
C: Subject: three
C:
C: 3
S: a6 BAD APPEND: invalid flag NIL
C: a7 STATUS Sent (MESSAGES)
S: * STATUS "Sent" (MESSAGES 2)
S: a7 OK STATUS completed
# a mailbox that doesn't exist: every message the client sends is skipped
C: a8 APPEND Nowhere {17+}
C: Subject: one
C:
C: 1 {17+}
C: Subject: two
C:
C: 2
S: a8 NO [TRYCREATE] Mailbox does not exist
C: a9 NOOP
S: a9 OK NOOP completed
# a space, then nothing that is a message
C: a10 APPEND Sent {17+}
C: Subject: one
C:
C: 1 junk
S: a10 BAD APPEND: invalid message literal
C: a11 STATUS Sent (MESSAGES)
S: * STATUS "Sent" (MESSAGES 2)
S: a11 OK STATUS completed
