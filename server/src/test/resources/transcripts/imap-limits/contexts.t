# Served with imap.max-search-contexts = 1 (RFC 5267 §4.3.1): a second RETURN (UPDATE) is answered,
# but with NO [NOUPDATE "tag"] and no updates; CANCELUPDATE makes room again.
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] *
S: * 0 EXISTS
S: * 0 RECENT
S: * OK [UIDVALIDITY *] *
S: * OK [UIDNEXT 1] *
S: a2 OK [READ-WRITE] SELECT completed
C: a3 SEARCH RETURN (UPDATE COUNT) ALL
S: * ESEARCH (TAG "a3") COUNT 0
S: a3 OK SEARCH completed
C: a4 SEARCH RETURN (UPDATE COUNT) ALL
S: * NO [NOUPDATE "a4"] *
S: * ESEARCH (TAG "a4") COUNT 0
S: a4 OK SEARCH completed
C: a5 APPEND INBOX {12+}
C: Subject: x
C:
S: * 1 EXISTS
S: * 1 RECENT
S: * ESEARCH (TAG "a3") ADDTO (0 1)
S: a5 OK [APPENDUID * 1] APPEND completed
C: a6 CANCELUPDATE "a3"
S: a6 OK CANCELUPDATE completed
C: a7 SORT RETURN (UPDATE) (ARRIVAL) UTF-8 ALL
S: * ESEARCH (TAG "a7")
S: a7 OK SORT completed
