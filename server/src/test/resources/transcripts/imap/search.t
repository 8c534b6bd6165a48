# SEARCH and UID SEARCH (RFC 9051 §6.4.4): flag, keyword, header, body, text, size, date, sequence
# and UID keys, OR and NOT; CHARSET (US-ASCII and UTF-8 only: NO [BADCHARSET]); ESEARCH's RETURN
# options (RFC 4731); SAVE and $ (RFC 5182): $ in FETCH and SEARCH, MIN alone saved, emptied by a
# failed SAVE, and without the messages expunged since. Fixture messages are 114 octets.
@fixture accounts
@fixture alice-inbox-5
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 SELECT INBOX
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 5 EXISTS
S: * 5 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 6] Predicted next UID
S: a2 OK [READ-WRITE] SELECT completed
C: a3 STORE 2,4 +FLAGS.SILENT (\\Seen)
S: a3 OK STORE completed
C: a4 STORE 5 +FLAGS.SILENT (\\Flagged $Work)
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Work \\\*)] Flags permitted.
S: a4 OK STORE completed
C: a5 SEARCH UNSEEN
S: * SEARCH 1 3 5
S: a5 OK SEARCH completed
C: a6 UID SEARCH SEEN
S: * SEARCH 2 4
S: a6 OK UID SEARCH completed
C: a7 SEARCH SUBJECT "message 3"
S: * SEARCH 3
S: a7 OK SEARCH completed
C: a8 SEARCH OR FLAGGED SEEN
S: * SEARCH 2 4 5
S: a8 OK SEARCH completed
C: a9 SEARCH NOT SEEN 2:4
S: * SEARCH 3
S: a9 OK SEARCH completed
C: a10 SEARCH KEYWORD $Work
S: * SEARCH 5
S: a10 OK SEARCH completed
C: a11 SEARCH BODY "line one of 4"
S: * SEARCH 4
S: a11 OK SEARCH completed
C: a12 SEARCH TEXT "far.test" LARGER 100
S: * SEARCH 1 2 3 4 5
S: a12 OK SEARCH completed
C: a13 SEARCH HEADER To alice SMALLER 200
S: * SEARCH 1 2 3 4 5
S: a13 OK SEARCH completed
C: a14 SEARCH FROM carol SINCE 1-Jan-2000 BEFORE 1-Jan-2100
S: * SEARCH 1 2 3 4 5
S: a14 OK SEARCH completed
C: a15 SEARCH CHARSET UTF-8 SUBJECT "message"
S: * SEARCH 1 2 3 4 5
S: a15 OK SEARCH completed
C: a16 SEARCH CHARSET ISO-8859-1 ALL
S: a16 NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset ISO-8859-1
# ESEARCH (RFC 4731)
C: a17 SEARCH RETURN (MIN MAX COUNT) UNSEEN
S: * ESEARCH (TAG "a17") MIN 1 MAX 5 COUNT 3
S: a17 OK SEARCH completed
C: a18 UID SEARCH RETURN () ALL
S: * ESEARCH (TAG "a18") UID ALL 1:5
S: a18 OK UID SEARCH completed
C: a19 SEARCH RETURN (COUNT) DELETED
S: * ESEARCH (TAG "a19") COUNT 0
S: a19 OK SEARCH completed
# SAVE (RFC 5182): nothing is sent, $ holds 1 3 5
C: a20 SEARCH RETURN (SAVE) UNSEEN
S: a20 OK SEARCH completed
C: a21 FETCH $ (UID FLAGS)
S: * 1 FETCH (UID 1 FLAGS (\\Recent))
S: * 3 FETCH (UID 3 FLAGS (\\Recent))
S: * 5 FETCH (UID 5 FLAGS (\\Flagged \\Recent $Work))
S: a21 OK FETCH completed
C: a22 SEARCH $ SUBJECT "message 5"
S: * SEARCH 5
S: a22 OK SEARCH completed
# with MIN alone, only the minimum is saved
C: a23 UID SEARCH RETURN (SAVE MIN) SEEN
S: * ESEARCH (TAG "a23") UID MIN 2
S: a23 OK UID SEARCH completed
C: a24 UID FETCH $ (UID)
S: * 2 FETCH (UID 2)
S: a24 OK UID FETCH completed
C: a25 STORE 1 +FLAGS.SILENT (\\Deleted)
S: a25 OK STORE completed
# a SAVE that fails empties $
C: a26 SEARCH RETURN (SAVE) CHARSET KOI8-U ALL
S: a26 NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset KOI8-U
C: a27 FETCH $ (UID)
S: a27 OK FETCH completed
# $ loses what is expunged
C: a28 UID SEARCH RETURN (SAVE) 1:2
S: a28 OK UID SEARCH completed
C: a29 EXPUNGE
S: * 1 EXPUNGE
S: a29 OK EXPUNGE completed
C: a30 UID FETCH $ (UID)
S: * 1 FETCH (UID 2)
S: a30 OK UID FETCH completed
C: a31 SEARCH RECENT
S: * SEARCH 1 2 3 4
S: a31 OK SEARCH completed
C: a33 SEARCH UID 2:3,5
S: * SEARCH 1 2 4
S: a33 OK SEARCH completed
