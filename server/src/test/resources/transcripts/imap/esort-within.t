# ESORT (RFC 5267 §3): SORT RETURN (MIN MAX COUNT ALL) answers with one ESEARCH in sort order (MIN
# and MAX the first and last sorted, ALL a sequence-set that keeps the order), and SAVE keeps the
# result for $ (RFC 5182 §2.4); WITHIN (RFC 5032): OLDER and YOUNGER by the internal date.
@fixture accounts
@fixture alice-inbox-5
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 APPEND INBOX "01-Jan-2020 00:00:00 +0000" {19+}
C: Subject: old
C:
C: old
S: a2 OK [APPENDUID * 6] APPEND completed
C: a3 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 6 EXISTS
S: * 6 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 7] Predicted next UID
S: a3 OK [READ-WRITE] SELECT completed
C: a4 SORT RETURN (MIN) (ARRIVAL) US-ASCII ALL
S: * ESEARCH (TAG "a4") MIN 6
S: a4 OK SORT completed
C: a5 SORT RETURN (MAX) (ARRIVAL) US-ASCII 1:5
S: * ESEARCH (TAG "a5") MAX 5
S: a5 OK SORT completed
C: a6 SORT RETURN (ALL) (ARRIVAL) US-ASCII ALL
S: * ESEARCH (TAG "a6") ALL 6,1:5
S: a6 OK SORT completed
C: a7 SORT RETURN (COUNT) (ARRIVAL) US-ASCII 1:5
S: * ESEARCH (TAG "a7") COUNT 5
S: a7 OK SORT completed
C: a8 UID SORT RETURN () (REVERSE SUBJECT) UTF-8 ALL
S: * ESEARCH (TAG "a8") UID ALL 6,5,4,3,2,1
S: a8 OK UID SORT completed
C: a9 SORT RETURN (MIN MAX COUNT) (REVERSE SUBJECT) UTF-8 2:4
S: * ESEARCH (TAG "a9") MIN 4 MAX 2 COUNT 3
S: a9 OK SORT completed
# nothing matches: COUNT only
C: a10 SORT RETURN (MIN MAX COUNT ALL) (SUBJECT) UTF-8 SUBJECT nothing
S: * ESEARCH (TAG "a10") COUNT 0
S: a10 OK SORT completed
# SAVE with MIN keeps the first in sort order; SAVE alone answers nothing
C: a11 SORT RETURN (SAVE MIN) (REVERSE SUBJECT) UTF-8 1:5
S: * ESEARCH (TAG "a11") MIN 5
S: a11 OK SORT completed
C: a12 FETCH $ (UID)
S: * 5 FETCH (UID 5)
S: a12 OK FETCH completed
C: a13 SORT RETURN (SAVE) (SUBJECT) UTF-8 2:3
S: a13 OK SORT completed
C: a14 SEARCH $
S: * SEARCH 2 3
S: a14 OK SEARCH completed
C: a15 SORT (SUBJECT) UTF-8 ALL
S: * SORT 1 2 3 4 5 6
S: a15 OK SORT completed
C: a16 SORT RETURN (COLOR) (SUBJECT) UTF-8 ALL
S: a16 BAD SORT: unknown return option
# WITHIN: the fixture arrived just now, message 6 in 2020
C: a17 SEARCH OLDER 86400
S: * SEARCH 6
S: a17 OK SEARCH completed
C: a18 SEARCH YOUNGER 86400
S: * SEARCH 1 2 3 4 5
S: a18 OK SEARCH completed
C: a19 UID SEARCH RETURN (COUNT) OR OLDER 1000000000 YOUNGER 60
S: * ESEARCH (TAG "a19") UID COUNT 5
S: a19 OK UID SEARCH completed
C: a20 SEARCH OLDER 0
S: a20 BAD SEARCH: invalid interval
