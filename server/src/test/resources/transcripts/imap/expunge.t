# EXPUNGE (RFC 9051 §6.4.3), UID EXPUNGE (RFC 4315 §2.1) and CLOSE's silent expunge (§6.4.2).
# Messages get \Deleted by APPEND here (STORE is another step's).
@fixture accounts
@fixture alice-inbox-2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 APPEND INBOX (\\Deleted) {22+}
C: Subject: hi
C:
C: Hello
C:
S: a2 OK [APPENDUID * 3] APPEND completed
C: a3 APPEND INBOX (\\Deleted \\Seen) {22+}
C: Subject: hi
C:
C: Hello
C:
S: a3 OK [APPENDUID * 4] APPEND completed
C: a4 APPEND INBOX {22+}
C: Subject: hi
C:
C: Hello
C:
S: a4 OK [APPENDUID * 5] APPEND completed
C: a5 APPEND INBOX (\\Deleted) {22+}
C: Subject: hi
C:
C: Hello
C:
S: a5 OK [APPENDUID * 6] APPEND completed
C: a6 SELECT INBOX
S: * FLAGS *
S: * OK [PERMANENTFLAGS *] Flags permitted.
S: * 6 EXISTS
S: * 6 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 7] Predicted next UID
S: a6 OK [READ-WRITE] SELECT completed
C: a7 UID EXPUNGE 4:5
S: * 4 EXPUNGE
S: a7 OK UID EXPUNGE completed
# the numbers count the removals before them: UIDs 3 and 6 were messages 3 and 5
C: a8 EXPUNGE
S: * 3 EXPUNGE
S: * 4 EXPUNGE
S: a8 OK EXPUNGE completed
C: a9 EXPUNGE
S: a9 OK EXPUNGE completed
C: a10 STATUS INBOX (MESSAGES DELETED)
S: * STATUS "INBOX" (MESSAGES 3 DELETED 0)
S: a10 OK STATUS completed
# CLOSE expunges without a word
C: a11 APPEND INBOX (\\Deleted) {22+}
C: Subject: hi
C:
C: Hello
C:
S: * 4 EXISTS
S: * 4 RECENT
S: a11 OK [APPENDUID * 7] APPEND completed
C: a12 CLOSE
S: a12 OK CLOSE completed
C: a13 STATUS INBOX (MESSAGES)
S: * STATUS "INBOX" (MESSAGES 3)
S: a13 OK STATUS completed
