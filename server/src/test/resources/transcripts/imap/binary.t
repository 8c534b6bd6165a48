# BINARY (RFC 3516, in RFC 9051 too): FETCH BINARY[section]<partial>, BINARY.PEEK and BINARY.SIZE undo
# base64 and quoted-printable; decoded data with a NUL goes as a literal8 ~{n}; an encoding the server
# can't undo gets NO [UNKNOWN-CTE]; sections that are not leaf parts (the whole message, TEXT, MIME
# headers) go as stored. APPEND takes a literal8 (~{n}, ~{n+}), and a NUL in a plain literal is a BAD.
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY * MULTIAPPEND CATENATE BINARY *] Logged in
C: a2 APPEND INBOX {225+}
C: Subject: b
C: Content-Type: multipart/mixed; boundary=x
C:
C: --x
C: Content-Transfer-Encoding: quoted-printable
C:
C: caf=C3=A9 =
C: ok
C: --x
C: Content-Type: application/octet-stream
C: Content-Transfer-Encoding: base64
C:
C: AAECQQ==
C: --x--
C:
S: a2 OK [APPENDUID * 1] APPEND completed
# a literal8: the NUL is kept
C: a3 APPEND INBOX ~{56}
S: + Ready for literal data
C: Subject: nul
C: Content-Transfer-Encoding: binary
C:
C: a\x00b
C:
S: a3 OK [APPENDUID * 2] APPEND completed
C: a4 APPEND INBOX ~{72+}
C: Subject: uu
C: Content-Transfer-Encoding: x-uuencode
C:
C: begin 644 f
C: end
C:
S: a4 OK [APPENDUID * 3] APPEND completed
# RFC 9051 §4.3: a plain literal carries no NUL
C: a5 APPEND INBOX {56+}
C: Subject: nul
C: Content-Transfer-Encoding: binary
C:
C: a\x00b
C:
S: a5 BAD *NUL*
C: a6 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 3 EXISTS
S: * 3 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: a6 OK [READ-WRITE] SELECT completed
C: a7 FETCH 1 (BINARY.SIZE[1] BINARY.PEEK[1] BINARY.SIZE[2] BINARY.PEEK[2])
S: * 1 FETCH (BINARY.SIZE[1] 8 BINARY[1] {8}
S: café ok BINARY.SIZE[2] 4 BINARY[2] ~{4}
S: \x00\x01\x02A)
S: a7 OK FETCH completed
# a partial of the decoded data; without a NUL in it, a plain literal
C: a8 FETCH 1 (BINARY.PEEK[2]<1.2> BINARY.PEEK[2]<0.1>)
S: * 1 FETCH (BINARY[2]<1> {2}
S: \x01\x02 BINARY[2]<0> ~{1}
S: \x00)
S: a8 OK FETCH completed
# not leaf parts: sent as BODY would send them
C: a9 FETCH 1 (BINARY.SIZE[] BINARY.SIZE[TEXT] BINARY.PEEK[1.MIME])
S: * 1 FETCH (BINARY.SIZE[] 225 BINARY.SIZE[TEXT] 168 BINARY[1.MIME] {47}
S: Content-Transfer-Encoding: quoted-printable
S:
S: )
S: a9 OK FETCH completed
C: a10 FETCH 2 (BINARY.PEEK[1] BINARY.SIZE[1])
S: * 2 FETCH (BINARY[1] ~{5}
S: a\x00b
S:  BINARY.SIZE[1] 5)
S: a10 OK FETCH completed
# all or nothing: nothing is sent, and BINARY (not .PEEK) sets no \Seen
C: a11 FETCH 1:3 (BINARY[1])
S: a11 NO [UNKNOWN-CTE] *
C: a12 FETCH 1:3 (FLAGS BODY.PEEK[1])
S: * 1 FETCH (FLAGS (\\Recent) BODY[1] {15}
S: caf=C3=A9 =
S: ok)
S: * 2 FETCH (FLAGS (\\Recent) BODY[1] {5}
S: a\x00b
S: )
S: * 3 FETCH (FLAGS (\\Recent) BODY[1] {18}
S: begin 644 f
S: end
S: )
S: a12 OK FETCH completed
C: a13 FETCH 1 BINARY[1]
S: * 1 FETCH (BINARY[1] {8}
S: café ok FLAGS (\\Seen \\Recent))
S: a13 OK FETCH completed
