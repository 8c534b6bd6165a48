# ENABLE (RFC 5161): what it knows is enabled once; unknown names are ignored. CONDSTORE by ENABLE,
# by SELECT's parameter or by STATUS (HIGHESTMODSEQ) (RFC 7162 §3.1); QRESYNC needs ENABLE first.
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 ENABLE X-UNKNOWN CONDSTORE
S: * ENABLED CONDSTORE
S: a2 OK ENABLE completed
C: a3 ENABLE condstore
S: * ENABLED
S: a3 OK ENABLE completed
C: a4 SELECT INBOX (QRESYNC (1 1))
S: a4 BAD QRESYNC is not enabled
C: a5 ENABLE QRESYNC IMAP4rev2
S: * ENABLED QRESYNC IMAP4rev2
S: a5 OK ENABLE completed
C: a6 SELECT INBOX (QRESYNC (1 1))
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 0 EXISTS
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 1] Predicted next UID
S: * OK [HIGHESTMODSEQ *] Highest
S: * LIST (\\HasNoChildren) "/" "INBOX"
S: a6 OK [READ-WRITE] SELECT completed

SESSION 2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: b1 LOGIN alice@example.test secret
S: b1 OK [CAPABILITY *] Logged in
C: b2 STATUS Sent (HIGHESTMODSEQ)
S: * STATUS "Sent" (HIGHESTMODSEQ *)
S: b2 OK STATUS completed
C: b3 EXAMINE Sent
S: * FLAGS *
S: * OK [PERMANENTFLAGS ()] No permanent flags permitted.
S: * 0 EXISTS
S: * 0 RECENT
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 1] Predicted next UID
S: * OK [HIGHESTMODSEQ *] Highest
S: b3 OK [READ-ONLY] EXAMINE completed
