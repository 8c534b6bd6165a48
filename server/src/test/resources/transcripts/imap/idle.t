# IDLE (RFC 2177): changes are pushed as they happen, from another IMAP session and from an SMTP
# delivery (which must arrive within a second: the runner waits at most @timeout per line), until DONE.
@fixture accounts
@fixture alice-inbox-1
@timeout 1500
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 1 EXISTS
S: * 1 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 2] Predicted next UID
S: a2 OK [READ-WRITE] SELECT completed
C: a3 idle
S: + idling

SESSION 2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: b1 LOGIN alice@example.test secret
S: b1 OK [CAPABILITY *] Logged in
C: b2 APPEND INBOX (\\Deleted) {22+}
C: Subject: hi
C:
C: Hello
C:
S: b2 OK [APPENDUID * 2] APPEND completed

SESSION 1
S: * 2 EXISTS
S: * 2 RECENT

SESSION 2
C: b3 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 2 EXISTS
S: * 0 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 3] Predicted next UID
S: b3 OK [READ-WRITE] SELECT completed
C: b4 EXPUNGE
S: * 2 EXPUNGE
S: b4 OK EXPUNGE completed

# during IDLE, expunges are announced at once
SESSION 1
S: * 2 EXPUNGE

SESSION 3 smtp
S: 220 *
C: EHLO client.test
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250 *
C: MAIL FROM:<carol@far.test>
S: 250 *
C: RCPT TO:<alice@example.test>
S: 250 *
C: DATA
S: 354 *
C: Subject: pushed
C:
C: Delivered while idling.
C: .
S: 250 *

SESSION 1
S: * 2 EXISTS
S: * 2 RECENT
C: done
S: a3 OK IDLE terminated
C: a4 IDLE
S: + idling
C: NOT DONE
S: a4 BAD Expected DONE
C: a5 NOOP
S: a5 OK NOOP completed
