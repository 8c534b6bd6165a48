# Contexts (RFC 5267 §4.3): RETURN (UPDATE) keeps a SEARCH or SORT up to date. As messages come to
# match or stop matching (flags set by this session or another, arrivals, expunges) the server says so
# in ESEARCH ADDTO and REMOVEFROM: position 0 for SEARCH, positions in the sorted result for SORT; by
# sequence number or UID as the command was. It says so after any command, during IDLE, and before the
# EXPUNGE of a message it names (by the number the client still knows). CANCELUPDATE ends contexts.
@fixture accounts
@fixture alice-inbox-5
@timeout 1500
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 5 EXISTS
S: * 5 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 6] Predicted next UID
S: a2 OK [READ-WRITE] SELECT completed
C: a3 SEARCH RETURN (UPDATE) SEEN
S: * ESEARCH (TAG "a3")
S: a3 OK SEARCH completed
C: a4 STORE 1,2,5 +FLAGS.SILENT (\\Seen)
S: * ESEARCH (TAG "a3") ADDTO (0 1:2,5)
S: a4 OK STORE completed
C: a5 UID SEARCH RETURN (UPDATE ALL) UNSEEN
S: * ESEARCH (TAG "a5") UID ALL 3:4
S: a5 OK UID SEARCH completed
C: a6 SORT RETURN (UPDATE ALL) (REVERSE SUBJECT) US-ASCII SEEN
S: * ESEARCH (TAG "a6") ALL 5,2,1
S: a6 OK SORT completed
C: a7 STORE 3 +FLAGS.SILENT (\\Seen)
S: * ESEARCH (TAG "a3") ADDTO (0 3)
S: * ESEARCH (TAG "a5") UID REMOVEFROM (0 3)
S: * ESEARCH (TAG "a6") ADDTO (2 3)
S: a7 OK STORE completed
C: a8 STORE 1:2 -FLAGS.SILENT (\\Seen)
S: * ESEARCH (TAG "a3") REMOVEFROM (0 1:2)
S: * ESEARCH (TAG "a5") UID ADDTO (0 1:2)
S: * ESEARCH (TAG "a6") REMOVEFROM (3 2,1)
S: a8 OK STORE completed
C: a9 STORE 5 +FLAGS.SILENT (\\Deleted)
S: a9 OK STORE completed
C: a10 EXPUNGE
S: * ESEARCH (TAG "a3") REMOVEFROM (0 5)
S: * ESEARCH (TAG "a6") REMOVEFROM (1 5)
S: * 5 EXPUNGE
S: a10 OK EXPUNGE completed
# a tag that already names a context cannot name another
C: a5 SEARCH RETURN (UPDATE) ALL
S: a5 BAD *

# another session's STORE reaches the contexts at the next command
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
S: * OK [UIDNEXT 6] Predicted next UID
S: b2 OK [READ-WRITE] SELECT completed
C: b3 STORE 4 +FLAGS.SILENT (\\Seen)
S: b3 OK STORE completed

SESSION 1
C: a12 NOOP
S: * 4 FETCH *
S: * ESEARCH (TAG "a3") ADDTO (0 4)
S: * ESEARCH (TAG "a5") UID REMOVEFROM (0 4)
S: * ESEARCH (TAG "a6") ADDTO (1 4)
S: a12 OK NOOP completed
C: a13 IDLE
S: + idling

# and an arrival during IDLE (which session takes \Recent is a race)
SESSION 2
C: b4 APPEND INBOX (\\Seen) {26+}
C: Subject: message 9
C:
C: Hi
C:
S: * 5 EXISTS
S: * * RECENT
S: b4 OK [APPENDUID * 6] APPEND completed

SESSION 1
S: * 5 EXISTS
S: * * RECENT
S: * ESEARCH (TAG "a3") ADDTO (0 5)
S: * ESEARCH (TAG "a6") ADDTO (1 5)
C: DONE
S: a13 OK IDLE terminated
C: a14 CANCELUPDATE "a3" "a6"
S: a14 OK CANCELUPDATE completed
C: a15 CANCELUPDATE "a3"
S: a15 NO *
C: a16 STORE 1:5 +FLAGS.SILENT (\\Seen)
S: * ESEARCH (TAG "a5") UID REMOVEFROM (0 1:2)
S: a16 OK STORE completed
