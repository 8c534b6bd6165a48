# A message another session expunged, not yet announced here (RFC 9051 §7.5.1: no EXPUNGE during
# FETCH by sequence number): what the view holds (UID, FLAGS, sizes, dates) is still answered, as
# Dovecot does (imaptest "expunge"); content gets NO [EXPUNGEISSUED]; NOOP then announces the expunge.
@fixture accounts
@fixture alice-inbox-4
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 4 EXISTS
S: * 4 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 5] Predicted next UID
S: a2 OK [READ-WRITE] SELECT completed

SESSION 2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: b1 LOGIN alice@example.test secret
S: b1 OK [CAPABILITY *] Logged in
C: b2 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 4 EXISTS
S: * 0 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 5] Predicted next UID
S: b2 OK [READ-WRITE] SELECT completed

SESSION 1
C: a3 STORE 4 FLAGS (\\Deleted)
S: * 4 FETCH (FLAGS (\\Deleted \\Recent))
S: a3 OK STORE completed
C: a4 EXPUNGE
S: * 4 EXPUNGE
S: a4 OK EXPUNGE completed

SESSION 2
C: b3 FETCH 4 (UID RFC822.SIZE)
S: * 4 FETCH (UID 4 RFC822.SIZE 114)
S: b3 OK FETCH completed
C: b4 FETCH 3:4 (UID BODY.PEEK[HEADER.FIELDS (SUBJECT)])
S: * 3 FETCH (UID 3 BODY[HEADER.FIELDS (SUBJECT)] {22}
S: Subject: message 3
S:
S: )
S: b4 NO [EXPUNGEISSUED] Some of the requested messages were expunged
C: b5 NOOP
S: * 4 EXPUNGE
S: b5 OK NOOP completed
