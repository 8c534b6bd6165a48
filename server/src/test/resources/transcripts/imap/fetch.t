# FETCH and UID FETCH (RFC 9051 §6.4.5, §6.4.9): items, sections and partials, the implicit \Seen of
# BODY[] (never in EXAMINE, never for BODY.PEEK), UID first in UID FETCH, a sequence number beyond
# EXISTS (BAD) and a UID that doesn't exist (nothing). Fixture messages are 114 octets: 68 of header.
@fixture accounts
@fixture alice-inbox-3
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 EXAMINE INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS ()] No permanent flags permitted.
S: * 3 EXISTS
S: * 3 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: a2 OK [READ-ONLY] EXAMINE completed
# read-only: BODY[TEXT] does not set \Seen
C: a3 FETCH 1 (BODY[TEXT] FLAGS)
S: * 1 FETCH (BODY[TEXT] {46}
S: line one of 1
S: .starts with a dot
S: last line
S:  FLAGS (\\Recent))
S: a3 OK FETCH completed
C: a4 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 3 EXISTS
S: * 3 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: a4 OK [READ-WRITE] SELECT completed
C: a5 fetch 1 (UID RFC822.SIZE INTERNALDATE FLAGS)
S: * 1 FETCH (UID 1 RFC822.SIZE 114 INTERNALDATE "*" FLAGS (\\Recent))
S: a5 OK FETCH completed
C: a6 FETCH 1:2 (FLAGS BODY.PEEK[HEADER.FIELDS (Subject)])
S: * 1 FETCH (FLAGS (\\Recent) BODY[HEADER.FIELDS (Subject)] {22}
S: Subject: message 1
S:
S: )
S: * 2 FETCH (FLAGS (\\Recent) BODY[HEADER.FIELDS (Subject)] {22}
S: Subject: message 2
S:
S: )
S: a6 OK FETCH completed
# BODY[] is the whole message, final CRLF included; it sets \Seen, and FLAGS follow unasked
C: a7 FETCH 1 BODY[]
S: * 1 FETCH (BODY[] {114}
S: From: carol@far.test
S: To: alice@example.test
S: Subject: message 1
S:
S: line one of 1
S: .starts with a dot
S: last line
S:  FLAGS (\\Seen \\Recent))
S: a7 OK FETCH completed
C: a8 FETCH 1 BODY[]<5.7>
S: * 1 FETCH (BODY[]<5> {7}
S:  carol@)
S: a8 OK FETCH completed
C: a9 FETCH 2 (BODY.PEEK[TEXT]<0.8> BODY.PEEK[1] RFC822.HEADER)
S: * 2 FETCH (BODY[TEXT]<0> {8}
S: line one BODY[1] {46}
S: line one of 2
S: .starts with a dot
S: last line
S:  RFC822.HEADER {68}
S: From: carol@far.test
S: To: alice@example.test
S: Subject: message 2
S:
S: )
S: a9 OK FETCH completed
# a partial with an origin only runs to the end (RFC 9051 wants a length; Dovecot takes this too)
C: a9b FETCH 2 (BODY.PEEK[1]<35>)
S: * 2 FETCH (BODY[1]<35> {11}
S: last line
S: )
S: a9b OK FETCH completed
C: a10 FETCH 3 (ENVELOPE BODYSTRUCTURE)
S: * 3 FETCH (ENVELOPE (NIL "message 3" ((NIL NIL "carol" "far.test")) ((NIL NIL "carol" "far.test")) ((NIL NIL "carol" "far.test")) ((NIL NIL "alice" "example.test")) NIL NIL NIL NIL) BODYSTRUCTURE ("TEXT" "PLAIN" ("CHARSET" "US-ASCII") NIL NIL "7BIT" 46 3 NIL NIL NIL NIL))
S: a10 OK FETCH completed
# BINARY (RFC 3516, part of RFC 9051) sets \Seen too
C: a11 FETCH 3 (BINARY.SIZE[1] BINARY[1])
S: * 3 FETCH (BINARY.SIZE[1] 46 BINARY[1] {46}
S: line one of 3
S: .starts with a dot
S: last line
S:  FLAGS (\\Seen \\Recent))
S: a11 OK FETCH completed
C: a12 FETCH 2 FLAGS
S: * 2 FETCH (FLAGS (\\Recent))
S: a12 OK FETCH completed
C: a13 FETCH 4 FLAGS
S: a13 BAD Invalid message sequence number
C: a14 UID FETCH 2:* FLAGS
S: * 2 FETCH (UID 2 FLAGS (\\Recent))
S: * 3 FETCH (UID 3 FLAGS (\\Seen \\Recent))
S: a14 OK UID FETCH completed
C: a15 UID FETCH 7 FLAGS
S: a15 OK UID FETCH completed
# n:* always names the highest UID (RFC 9051 §6.4.8)
C: a16 UID FETCH 9:* (UID)
S: * 3 FETCH (UID 3)
S: a16 OK UID FETCH completed
C: a17 FETCH 1:* FAST
S: * 1 FETCH (FLAGS (\\Seen \\Recent) INTERNALDATE "*" RFC822.SIZE 114)
S: * 2 FETCH (FLAGS (\\Recent) INTERNALDATE "*" RFC822.SIZE 114)
S: * 3 FETCH (FLAGS (\\Seen \\Recent) INTERNALDATE "*" RFC822.SIZE 114)
S: a17 OK FETCH completed
C: a18 LOGOUT
S: * BYE *
S: a18 OK LOGOUT completed
