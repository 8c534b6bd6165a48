# LOGIN and AUTHENTICATE PLAIN (RFC 9051 §6.2.2-3, SASL-IR RFC 4959): failures, continuation,
# cancellation, and the BYE after too many failures (imap.max-failed-logins, 3 by default).
# The continuation "+ " ends in a space, written \x20 here.
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test wrong
S: a1 NO [AUTHENTICATIONFAILED] Invalid credentials
C: a2 AUTHENTICATE CRAM-MD5
S: a2 NO Unsupported authentication mechanism
C: a3 AUTHENTICATE PLAIN
S: +\x20
C: *
S: a3 BAD Authentication cancelled
# "\0alice@example.test\0secret" as an initial response
C: a4 authenticate plain AGFsaWNlQGV4YW1wbGUudGVzdABzZWNyZXQ=
S: a4 OK [CAPABILITY IMAP4rev1 * THREAD=ORDEREDSUBJECT] Logged in
C: a5 LOGIN alice@example.test secret
S: a5 BAD Already logged in
C: a6 LOGOUT
S: * BYE *
S: a6 OK LOGOUT completed
S: <closed>

# The response on a line of its own; the user name in quotes for LOGIN.
SESSION 2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: b1 AUTHENTICATE PLAIN
S: +\x20
C: AGJvYkBleGFtcGxlLnRlc3QAc2VjcmV0
S: b1 OK [CAPABILITY *] Logged in
C: b2 LOGOUT
S: * BYE *
S: b2 OK LOGOUT completed
S: <closed>

# Three failures close the connection; garbage counts as a failure.
SESSION 3
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: c1 login "alice@example.test" "nope"
S: c1 NO [AUTHENTICATIONFAILED] Invalid credentials
C: c2 AUTHENTICATE PLAIN bm90IGEgdmFsaWQgcmVzcG9uc2U=
S: c2 NO [AUTHENTICATIONFAILED] Invalid credentials
C: c3 LOGIN nobody@example.test secret
S: * BYE Too many failed login attempts
S: c3 NO [AUTHENTICATIONFAILED] Invalid credentials
S: <closed>

# An authorization identity other than the user itself is refused.
SESSION 4
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
# "bob@example.test\0alice@example.test\0secret"
C: d1 AUTHENTICATE PLAIN Ym9iQGV4YW1wbGUudGVzdABhbGljZUBleGFtcGxlLnRlc3QAc2VjcmV0
S: d1 NO [AUTHENTICATIONFAILED] Invalid credentials
C: d2 LOGIN alice@example.test secret
S: d2 OK [CAPABILITY *] Logged in
