# AUTH PLAIN (RFC 5034) with an initial response, with a continuation, cancelled, and refused.
# The server's challenge "+ " ends in a space, written \x20 here.
@fixture accounts
@fixture alice-inbox-3
S: +OK Pigeon POP3 server ready
C: AUTH
S: +OK Supported mechanisms follow
S: PLAIN
S: .
C: AUTH CRAM-MD5
S: -ERR Unsupported authentication mechanism
C: AUTH PLAIN
S: +\x20
C: *
S: -ERR Authentication cancelled
# "\0alice@example.test\0wrong", then "\0alice@example.test\0secret"
C: AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdAB3cm9uZw==
S: -ERR [AUTH] Invalid user name or password
C: AUTH plain AGFsaWNlQGV4YW1wbGUudGVzdABzZWNyZXQ=
S: +OK Maildrop has 3 messages (342 octets)
C: STAT
S: +OK 3 342
C: QUIT
S: +OK mx.example.test POP3 server signing off (3 messages left)
S: <closed>

# The response on a line of its own: "\0bob@example.test\0secret".
SESSION 2
S: +OK Pigeon POP3 server ready
C: AUTH PLAIN
S: +\x20
C: AGJvYkBleGFtcGxlLnRlc3QAc2VjcmV0
S: +OK Maildrop has 0 messages (0 octets)
C: STAT
S: +OK 0 0
C: LIST
S: +OK 0 messages (0 octets)
S: .
C: UIDL
S: +OK Unique-id listing follows
S: .
C: QUIT
S: +OK mx.example.test POP3 server signing off (maildrop empty)
S: <closed>

# The authorization identity may name the user itself, nobody else; garbage is a failed login.
SESSION 3
S: +OK Pigeon POP3 server ready
# "bob@example.test\0alice@example.test\0secret"
C: AUTH PLAIN Ym9iQGV4YW1wbGUudGVzdABhbGljZUBleGFtcGxlLnRlc3QAc2VjcmV0
S: -ERR [AUTH] Invalid user name or password
C: AUTH PLAIN
S: +\x20
C: not base64!
S: -ERR [AUTH] Invalid user name or password
# "alice@example.test\0alice@example.test\0secret"
C: AUTH PLAIN YWxpY2VAZXhhbXBsZS50ZXN0AGFsaWNlQGV4YW1wbGUudGVzdABzZWNyZXQ=
S: +OK Maildrop has 3 messages (342 octets)
C: QUIT
S: +OK mx.example.test POP3 server signing off (3 messages left)
S: <closed>
