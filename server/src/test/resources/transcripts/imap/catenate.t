# CATENATE (RFC 4469): APPEND builds a message from TEXT literals and URLs (RFC 5092) of messages or
# parts already stored: an absolute path, a URL relative to the selected mailbox, an absolute URL of
# this server and user, a URL given as a literal. A URL that names nothing answers NO [BADURL url]
# (the URL bare, RFC 4469 erratum 4046) and stores nothing: a synchronising literal after it is never
# invited, non-synchronising ones are skipped. With MULTIAPPEND, catenated and plain messages mix.
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY * MULTIAPPEND CATENATE BINARY *] Logged in
C: a2 CREATE Src
S: a2 OK CREATE completed
C: a3 CREATE Dst
S: a3 OK CREATE completed
C: a4 APPEND Src {51+}
C: From: a@example.test
C: Subject: one
C:
C: Hello world
C:  {197+}
C: From: b@example.test
C: Subject: two
C: MIME-Version: 1.0
C: Content-Type: multipart/mixed; boundary=xx
C:
C: --xx
C: Content-Type: text/plain
C:
C: part one
C: --xx
C: Content-Type: text/plain
C:
C: part two
C: --xx--
C:
S: a4 OK [APPENDUID * 1:2] APPEND completed
# TEXT only, a synchronising literal: invited as in a plain APPEND
C: a5 APPEND Dst (\\Seen) CATENATE (TEXT {55}
S: + Ready for literal data
C: From: c@example.test
C: Subject: text only
C:
C: Just text
C: )
S: a5 OK [APPENDUID * 1] APPEND completed
# a header from one message, a new body
C: a6 APPEND Dst CATENATE (URL "/Src/;UID=1/;SECTION=HEADER" TEXT {15+}
C: Replaced body
C: )
S: a6 OK [APPENDUID * 2] APPEND completed
# a part of a multipart, another message's TEXT by an absolute URL, a PARTIAL
C: a7 APPEND Dst CATENATE (TEXT {40+}
C: From: c@example.test
C: Subject: parts
C:
C:  URL "/Src/;uid=2/;section=2" TEXT {2+}
C:
C:  URL "imap://alice%40example.test@localhost/Src/;UID=1/;SECTION=TEXT" URL "/Src/;UID=1/;PARTIAL=0.4" TEXT {2+}
C:
C: )
S: a7 OK [APPENDUID * 3] APPEND completed
# the URL as a literal: the whole message
C: a8 APPEND Dst CATENATE (URL {11}
S: + Ready for literal data
C: /Src/;UID=1)
S: a8 OK [APPENDUID * 4] APPEND completed
# relative to the selected mailbox
C: a9 SELECT Src
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] *
S: * 2 EXISTS
S: * 2 RECENT
S: * OK [UNSEEN 1] *
S: * OK [UIDVALIDITY *] *
S: * OK [UIDNEXT 3] *
S: a9 OK [READ-WRITE] SELECT completed
C: a10 APPEND Dst CATENATE (TEXT {21+}
C: Subject: relative
C:
C:  URL ";UID=2/;SECTION=1")
S: a10 OK [APPENDUID * 5] APPEND completed
# URLs that name nothing: the synchronising literal after the first is never invited
C: a11 APPEND Dst CATENATE (URL "/Src;UIDVALIDITY=12345/;UID=1" TEXT {5}
S: a11 NO [BADURL /Src;UIDVALIDITY=12345/;UID=1] UIDVALIDITY has changed
C: a12 APPEND Dst CATENATE (TEXT {11+}
C: Hdr: 1
C:
C: x URL "/Src/;UID=99" TEXT {6+}
C: more
C: )
S: a12 NO [BADURL /Src/;UID=99] No such message
C: a13 APPEND Dst CATENATE (URL "/Src/;UID=2/;SECTION=9")
S: a13 NO [BADURL /Src/;UID=2/;SECTION=9] No such part
C: a14 APPEND Dst CATENATE (URL "/Nope/;UID=1")
S: a14 NO [BADURL /Nope/;UID=1] No such mailbox
C: a15 APPEND Dst CATENATE (URL "imap://bob%40example.test@localhost/Src/;UID=1")
S: a15 NO [BADURL imap://bob%40example.test@localhost/Src/;UID=1] Another user's mailbox
C: a16 APPEND Dst CATENATE (URL "imap://elsewhere.example/Src/;UID=1")
S: a16 NO [BADURL imap://elsewhere.example/Src/;UID=1] Another server's message
C: a17 APPEND Dst CATENATE (URL "/Src/;UID=1;URLAUTH=anonymous:internal:0123")
S: a17 NO [BADURL /Src/;UID=1;URLAUTH=anonymous:internal:0123] URLAUTH is not supported
C: a18 APPEND Dst CATENATE (URL "Src;UID=1")
S: a18 NO [BADURL Src;UID=1] Not an IMAP URL of a message
# the mailbox is checked first
C: a19 APPEND Nope CATENATE (URL "/Src/;UID=1" TEXT {5}
S: a19 NO [TRYCREATE] Mailbox does not exist
# grammar: in the first part (found with the command) and in a later one (found after a literal)
C: a20 APPEND Dst CATENATE ()
S: a20 BAD APPEND: invalid CATENATE part (TEXT or URL)
C: a21 APPEND Dst CATENATE (TEXT {3+}
C: abc FOO "x")
S: a21 BAD APPEND: invalid CATENATE part (TEXT or URL)
# MULTIAPPEND: a catenated message, then a plain one; then all or nothing
C: a22 APPEND Dst CATENATE (URL "/Src/;UID=1") (\\Flagged) {25+}
C: Subject: plain
C:
C: plain
C:
S: a22 OK [APPENDUID * 6:7] APPEND completed
C: a23 APPEND Dst {25+}
C: Subject: plain
C:
C: plain
C:  CATENATE (URL "/Src/;UID=77")
S: a23 NO [BADURL /Src/;UID=77] No such message
C: a24 STATUS Dst (MESSAGES)
S: * STATUS "Dst" (MESSAGES 7)
S: a24 OK STATUS completed
C: a25 EXAMINE Dst
S: * FLAGS *
S: * OK [PERMANENTFLAGS ()] *
S: * 7 EXISTS
S: * 7 RECENT
S: * OK [UNSEEN 2] *
S: * OK [UIDVALIDITY *] *
S: * OK [UIDNEXT 8] *
S: a25 OK [READ-ONLY] EXAMINE completed
C: a26 FETCH 1:7 (FLAGS BODY.PEEK[])
S: * 1 FETCH (FLAGS (\\Seen \\Recent) BODY[] {55}
S: From: c@example.test
S: Subject: text only
S:
S: Just text
S: )
S: * 2 FETCH (FLAGS (\\Recent) BODY[] {53}
S: From: a@example.test
S: Subject: one
S:
S: Replaced body
S: )
S: * 3 FETCH (FLAGS (\\Recent) BODY[] {69}
S: From: c@example.test
S: Subject: parts
S:
S: part two
S: Hello world
S: From
S: )
S: * 4 FETCH (FLAGS (\\Recent) BODY[] {51}
S: From: a@example.test
S: Subject: one
S:
S: Hello world
S: )
S: * 5 FETCH (FLAGS (\\Recent) BODY[] {29}
S: Subject: relative
S:
S: part one)
S: * 6 FETCH (FLAGS (\\Recent) BODY[] {51}
S: From: a@example.test
S: Subject: one
S:
S: Hello world
S: )
S: * 7 FETCH (FLAGS (\\Flagged \\Recent) BODY[] {25}
S: Subject: plain
S:
S: plain
S: )
S: a26 OK FETCH completed
C: a27 LOGOUT
S: * BYE *
S: a27 OK *
