# Two sessions on one mailbox (RFC 9051 §7.5.1): another session's APPEND shows up as EXISTS at the
# next command, its EXPUNGE as EXPUNGE at the next NOOP; \Recent goes to one session only.
@fixture accounts
@fixture alice-inbox-2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
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
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 2 EXISTS
S: * 0 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 3] Predicted next UID
S: b2 OK [READ-WRITE] SELECT completed
C: b3 APPEND INBOX (\\Deleted) {22+}
C: Subject: hi
C:
C: Hello
C:
S: * 3 EXISTS
S: * 1 RECENT
S: b3 OK [APPENDUID * 3] APPEND completed

# Session 1 hears of it at its next command; the message was recent for session 2 already.
SESSION 1
C: a3 NOOP
S: * 3 EXISTS
S: * 2 RECENT
S: a3 OK NOOP completed

SESSION 2
C: b4 EXPUNGE
S: * 3 EXPUNGE
S: b4 OK EXPUNGE completed

SESSION 1
C: a4 STATUS Sent (MESSAGES)
S: * STATUS "Sent" (MESSAGES 0)
S: * 3 EXPUNGE
S: a4 OK STATUS completed
C: a5 NOOP
S: a5 OK NOOP completed

# QRESYNC turns EXPUNGE into VANISHED (RFC 7162 §3.2.10).
SESSION 3
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: c1 LOGIN alice@example.test secret
S: c1 OK [CAPABILITY *] Logged in
C: c2 ENABLE QRESYNC
S: * ENABLED QRESYNC
S: c2 OK ENABLE completed
C: c3 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 2 EXISTS
S: * 0 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: * OK [HIGHESTMODSEQ *] Highest
S: c3 OK [READ-WRITE] SELECT completed

SESSION 2
C: b5 APPEND INBOX (\\Deleted) {22+}
C: Subject: hi
C:
C: Hello
C:
S: * 3 EXISTS
S: * 1 RECENT
S: b5 OK [APPENDUID * 4] APPEND completed

SESSION 3
C: c4 NOOP
S: * 3 EXISTS
S: * 0 RECENT
S: c4 OK NOOP completed

SESSION 2
C: b6 EXPUNGE
S: * 3 EXPUNGE
S: b6 OK EXPUNGE completed

SESSION 3
C: c5 NOOP
S: * VANISHED 4
S: c5 OK NOOP completed
