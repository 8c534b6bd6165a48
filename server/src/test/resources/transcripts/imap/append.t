# APPEND (RFC 9051 §6.3.12) with flags and date, APPENDUID (RFC 4315), synchronising and
# non-synchronising literals (LITERAL+, RFC 7888), TRYCREATE, TOOBIG. The message is 22 octets:
# "Subject: hi" CRLF CRLF "Hello" CRLF; the last "C:" ends the command line.
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 APPEND Sent (\\Seen) {22+}
C: Subject: hi
C:
C: Hello
C:
S: a2 OK [APPENDUID * 1] APPEND completed
C: a3 APPEND INBOX {22}
S: + Ready for literal data
C: Subject: hi
C:
C: Hello
C:
S: a3 OK [APPENDUID * 1] APPEND completed
C: a4 APPEND Drafts (\\Draft $Forwarded) "17-Jul-1996 02:44:25 -0700" {22+}
C: Subject: hi
C:
C: Hello
C:
S: a4 OK [APPENDUID * 1] APPEND completed
C: a5 STATUS Sent (MESSAGES UNSEEN SIZE UIDNEXT)
S: * STATUS "Sent" (MESSAGES 1 UNSEEN 0 SIZE 22 UIDNEXT 2)
S: a5 OK STATUS completed
C: a6 SELECT Drafts
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft $Forwarded \\\*)] Flags permitted.
S: * 1 EXISTS
S: * 1 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 2] Predicted next UID
S: a6 OK [READ-WRITE] SELECT completed
# Appending to the selected mailbox: EXISTS before the tagged reply
C: a7 APPEND Drafts {22+}
C: Subject: hi
C:
C: Hello
C:
S: * 2 EXISTS
S: * 2 RECENT
S: a7 OK [APPENDUID * 2] APPEND completed
# A missing mailbox: no continuation for {n}; {n+} octets are skipped
C: a8 APPEND Nope {22}
S: a8 NO [TRYCREATE] Mailbox does not exist
C: a9 APPEND Nope {22+}
C: Subject: hi
C:
C: Hello
C:
S: a9 NO [TRYCREATE] Mailbox does not exist
C: a10 APPEND INBOX {999999999}
S: a10 NO [TOOBIG] *
C: a11 APPEND INBOX (\\Seen) "not a date" {22}
S: a11 BAD *
C: a12 NOOP
S: a12 OK NOOP completed
