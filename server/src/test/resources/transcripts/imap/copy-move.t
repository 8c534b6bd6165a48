# COPY, UID COPY (RFC 9051 §6.4.7) with UIDPLUS's COPYUID (RFC 4315 §3), and MOVE, UID MOVE
# (RFC 6851): COPYUID's sets in matching order, TRYCREATE for a missing target, MOVE's untagged
# OK [COPYUID …] before its EXPUNGEs (VANISHED with QRESYNC), COPY out of an EXAMINEd mailbox
# allowed but MOVE not, and a MOVE into the mailbox itself (new UIDs).
@fixture accounts
@fixture alice-inbox-4
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 SELECT INBOX
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 4 EXISTS
S: * 4 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 5] Predicted next UID
S: a2 OK [READ-WRITE] SELECT completed
C: a3 COPY 1:2 Trash
S: a3 OK [COPYUID * 1:2 1:2] COPY completed
# the sets pair up in order: 3→1, 4→2
C: a4 UID COPY 4,3 "Archive"
S: a4 OK [COPYUID * 3:4 1:2] UID COPY completed
C: a5 COPY 1 Nonexistent
S: a5 NO [TRYCREATE] Mailbox does not exist
# nothing to copy: no COPYUID
C: a6 UID COPY 9 Trash
S: a6 OK UID COPY completed
# a copy into the selected mailbox shows up as EXISTS
C: a7 COPY 1 INBOX
S: * 5 EXISTS
S: * 5 RECENT
S: a7 OK [COPYUID * 1 5] COPY completed
# RFC 6851 §4.3: COPYUID first, then the EXPUNGEs (each counts the ones before it)
C: a8 MOVE 2:3 Archive
S: * OK [COPYUID * 2:3 3:4] Moved
S: * 2 EXPUNGE
S: * 2 EXPUNGE
S: a8 OK MOVE completed
C: a9 UID MOVE 4 Trash
S: * OK [COPYUID * 4 3] Moved
S: * 2 EXPUNGE
S: a9 OK UID MOVE completed
C: a10 UID MOVE 4 Trash
S: a10 OK UID MOVE completed
C: a11 MOVE 1 Nonexistent
S: a11 NO [TRYCREATE] Mailbox does not exist
C: a12 STATUS Trash (MESSAGES UIDNEXT)
S: * STATUS "Trash" (MESSAGES 3 UIDNEXT 4)
S: a12 OK STATUS completed
C: a13 STATUS Archive (MESSAGES)
S: * STATUS "Archive" (MESSAGES 4)
S: a13 OK STATUS completed
# read-only: COPY out of it is fine, MOVE is not
C: a14 EXAMINE Trash
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS ()] No permanent flags permitted.
S: * 3 EXISTS
S: * 3 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: a14 OK [READ-ONLY] EXAMINE completed
C: a15 COPY 1:* INBOX
S: a15 OK [COPYUID * 1:3 6:8] COPY completed
C: a16 MOVE 1 INBOX
S: a16 NO [READ-ONLY] Mailbox is read-only
C: a17 LOGOUT
S: * BYE Pigeon IMAP4rev2 server logging out
S: a17 OK LOGOUT completed

SESSION 2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: b1 LOGIN alice@example.test secret
S: b1 OK [CAPABILITY *] Logged in
C: b2 ENABLE QRESYNC
S: * ENABLED QRESYNC
S: b2 OK ENABLE completed
C: b3 SELECT Trash
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 3 EXISTS
S: * 3 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: * OK [HIGHESTMODSEQ 3] Highest
S: b3 OK [READ-WRITE] SELECT completed
# with QRESYNC the expunges are one VANISHED (RFC 7162 §3.2.10)
C: b4 UID MOVE 1:2 INBOX
S: * OK [COPYUID * 1:2 9:10] Moved
S: * VANISHED 1:2
S: b4 OK UID MOVE completed
# RFC 6851: a MOVE into the mailbox itself gives the message a new UID, expunges the old one and
# announces the new one (as Dovecot does)
C: b5 MOVE 1 Trash
S: * OK [COPYUID * 3 4] Moved
S: * VANISHED 3
S: * 1 EXISTS
S: * 1 RECENT
S: b5 OK MOVE completed
C: b6 UID FETCH 1:* (FLAGS)
S: * 1 FETCH (UID 4 FLAGS (\\Recent))
S: b6 OK UID FETCH completed
