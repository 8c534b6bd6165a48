# Served with imap.max-line-length = 1024, imap.max-literal-size = 1K, imap.max-nesting = 3 and
# smtp.max-message-size = 4K (so APPEND's limit is 4K too). Each limit answers with its own error,
# a synchronising literal over a limit is never invited, and the session goes on.
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: @bytes 2000 x
S: * BAD Line too long
C: a3 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] *
S: * 0 EXISTS
S: * 0 RECENT
S: * OK [UIDVALIDITY *] *
S: * OK [UIDNEXT 1] *
S: a3 OK [READ-WRITE] SELECT completed
C: a4 SEARCH NOT NOT ALL
S: * SEARCH
S: a4 OK SEARCH completed
C: a5 SEARCH NOT NOT NOT NOT ALL
S: a5 BAD *nested too deeply*
C: a6 APPEND INBOX {5000}
S: a6 NO [TOOBIG] *
C: a7 SEARCH HEADER Subject {2000}
S: a7 BAD [TOOBIG] *
C: a8 NOOP
S: a8 OK NOOP completed
