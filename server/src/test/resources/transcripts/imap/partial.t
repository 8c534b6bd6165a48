# PARTIAL (RFC 9394 §3.1, updating RFC 5267 §4.4): RETURN (PARTIAL first:last) names results by their
# position (1 the first, -1 the last; 4:2 is 2:4), for SEARCH in ascending order and for SORT in sort
# order; MIN, MAX, COUNT and ALL beside it are of the whole result; NIL when nothing is in the range;
# SAVE keeps the page. FETCH takes the range as a modifier (§3.2): a page of the messages its set chose.
# A range without ":", with "*", 0 or mixed signs is BAD.
@fixture accounts
@fixture alice-inbox-5
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
C: a3 SEARCH RETURN (PARTIAL 1:1) ALL
S: * ESEARCH (TAG "a3") PARTIAL (1:1 1)
S: a3 OK SEARCH completed
C: a4 SEARCH RETURN (PARTIAL 4:2) ALL
S: * ESEARCH (TAG "a4") PARTIAL (2:4 2:4)
S: a4 OK SEARCH completed
C: a5 SEARCH RETURN (PARTIAL -1:-2) NOT 3
S: * ESEARCH (TAG "a5") PARTIAL (-1:-2 4:5)
S: a5 OK SEARCH completed
C: a6 UID SEARCH RETURN (PARTIAL -3:-1 COUNT MIN MAX) ALL
S: * ESEARCH (TAG "a6") UID MIN 1 MAX 5 COUNT 5 PARTIAL (-1:-3 3:5)
S: a6 OK UID SEARCH completed
C: a7 SEARCH RETURN (PARTIAL 6:9) ALL
S: * ESEARCH (TAG "a7") PARTIAL (6:9 NIL)
S: a7 OK SEARCH completed
C: a8 SEARCH RETURN (ALL PARTIAL 1:6) 2:5
S: * ESEARCH (TAG "a8") ALL 2:5 PARTIAL (1:6 2:5)
S: a8 OK SEARCH completed
C: a9 SORT RETURN (PARTIAL 1:2) (REVERSE SUBJECT) US-ASCII ALL
S: * ESEARCH (TAG "a9") PARTIAL (1:2 5,4)
S: a9 OK SORT completed
C: a10 UID SORT (REVERSE SUBJECT) US-ASCII RETURN (PARTIAL -1:-3 COUNT) ALL
S: * ESEARCH (TAG "a10") UID COUNT 5 PARTIAL (-1:-3 3,2,1)
S: a10 OK UID SORT completed
C: a11 SEARCH RETURN (SAVE PARTIAL 2:3) ALL
S: * ESEARCH (TAG "a11") PARTIAL (2:3 2:3)
S: a11 OK SEARCH completed
C: a12 SEARCH $
S: * SEARCH 2 3
S: a12 OK SEARCH completed
C: a13 SEARCH RETURN (PARTIAL 1) ALL
S: a13 BAD *
C: a14 SEARCH RETURN (PARTIAL 1:*) ALL
S: a14 BAD *
C: a15 SEARCH RETURN (PARTIAL *:1) ALL
S: a15 BAD *
C: a16 SEARCH RETURN (PARTIAL -1:2) ALL
S: a16 BAD *
C: a17 SEARCH RETURN (PARTIAL 0:3) ALL
S: a17 BAD *
C: a18 SORT RETURN (PARTIAL 1:2 PARTIAL 3:4) (SUBJECT) US-ASCII ALL
S: a18 BAD *
C: a19 UID FETCH 1:* (FLAGS) (PARTIAL -1:-2)
S: * 4 FETCH (UID 4 FLAGS (\\Recent))
S: * 5 FETCH (UID 5 FLAGS (\\Recent))
S: a19 OK UID FETCH completed
C: a20 FETCH 2:5 (UID) (PARTIAL 2:3)
S: * 3 FETCH (UID 3)
S: * 4 FETCH (UID 4)
S: a20 OK FETCH completed
C: a21 UID FETCH 1:* (UID) (PARTIAL 1:*)
S: a21 BAD *
