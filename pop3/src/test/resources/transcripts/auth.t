# AUTH PLAIN (RFC 5034) with an initial response, with a continuation, cancelled, and refused.
# (The server challenge "S: + " ends in a space.)
S: +OK Pigeon POP3 server ready
C: AUTH
S: +OK Supported mechanisms follow
S: PLAIN
S: .
C: AUTH CRAM-MD5
S: -ERR Unsupported authentication mechanism
C: AUTH PLAIN
S: + 
C: *
S: -ERR Authentication cancelled
C: AUTH PLAIN AGFsaWNlQGV4YW1wbGUudGVzdAB3cm9uZw==
S: -ERR [AUTH] Invalid user name or password
C: AUTH plain AGFsaWNlQGV4YW1wbGUudGVzdABzZWNyZXQ=
S: +OK Maildrop has 3 messages (150 octets)
C: STAT
S: +OK 3 150
C: QUIT
S: +OK pop.example.test POP3 server signing off (3 messages left)
CLOSED

SESSION 2
S: +OK Pigeon POP3 server ready
C: AUTH PLAIN
S: + 
C: AGJvYkBleGFtcGxlLnRlc3QAaHVudGVyMg==
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
S: +OK pop.example.test POP3 server signing off (maildrop empty)
CLOSED

# The authorization identity may name the user itself, nobody else; garbage is a failed login.
SESSION 3
S: +OK Pigeon POP3 server ready
C: AUTH PLAIN Ym9iQGV4YW1wbGUudGVzdABhbGljZUBleGFtcGxlLnRlc3QAc2VjcmV0
S: -ERR [AUTH] Invalid user name or password
C: AUTH PLAIN
S: + 
C: not base64!
S: -ERR [AUTH] Invalid user name or password
C: AUTH PLAIN YWxpY2VAZXhhbXBsZS50ZXN0AGFsaWNlQGV4YW1wbGUudGVzdABzZWNyZXQ=
S: +OK Maildrop has 3 messages (150 octets)
C: QUIT
S: +OK pop.example.test POP3 server signing off (3 messages left)
CLOSED
