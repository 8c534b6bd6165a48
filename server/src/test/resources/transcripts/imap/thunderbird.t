# Thunderbird's start-up against a plain server on localhost (design.md, "What real clients do"):
# three connections, odd tags, lower-case commands, quoted names, a Sent copy by APPEND with a
# non-synchronising literal, STATUS of Sent, IDLE on INBOX; it never says LOGOUT.
# (Its UID FETCHes come with the FETCH step.)
@fixture accounts
@fixture alice-inbox-2
S: * OK [CAPABILITY IMAP4rev1 IMAP4rev2 * AUTH=PLAIN] Pigeon IMAP4rev2 ready
C: 1 capability
S: * CAPABILITY IMAP4rev1 IMAP4rev2 * AUTH=PLAIN
S: 1 OK CAPABILITY completed
# "\0alice@example.test\0secret"
C: 2 authenticate PLAIN AGFsaWNlQGV4YW1wbGUudGVzdABzZWNyZXQ=
S: 2 OK [CAPABILITY *] Logged in
C: 3 ID ("name" "Thunderbird" "version" "153.0")
S: * ID ("name" "Pigeon" "version" "0.1")
S: 3 OK ID completed
C: 4 ENABLE UTF8=ACCEPT
S: * ENABLED UTF8=ACCEPT
S: 4 OK ENABLE completed
C: 5 LIST (SUBSCRIBED) "" "*" RETURN (SPECIAL-USE)
S: * LIST (\\HasNoChildren \\Subscribed) "/" "INBOX"
S: * LIST (\\HasNoChildren \\Subscribed \\Archive) "/" "Archive"
S: * LIST (\\HasNoChildren \\Subscribed \\Drafts) "/" "Drafts"
S: * LIST (\\HasNoChildren \\Subscribed \\Junk) "/" "Junk"
S: * LIST (\\HasNoChildren \\Subscribed \\Sent) "/" "Sent"
S: * LIST (\\HasNoChildren \\Subscribed \\Trash) "/" "Trash"
S: 5 OK LIST completed
C: 6 list "" "*"
S: * LIST (\\HasNoChildren) "/" "INBOX"
S: * LIST (\\HasNoChildren \\Archive) "/" "Archive"
S: * LIST (\\HasNoChildren \\Drafts) "/" "Drafts"
S: * LIST (\\HasNoChildren \\Junk) "/" "Junk"
S: * LIST (\\HasNoChildren \\Sent) "/" "Sent"
S: * LIST (\\HasNoChildren \\Trash) "/" "Trash"
S: 6 OK LIST completed
C: 7 lsub "" "*"
S: * LSUB () "/" "INBOX"
S: * LSUB () "/" "Archive"
S: * LSUB () "/" "Drafts"
S: * LSUB () "/" "Junk"
S: * LSUB () "/" "Sent"
S: * LSUB () "/" "Trash"
S: 7 OK LSUB completed
C: 8 list "" "INBOX"
S: * LIST (\\HasNoChildren) "/" "INBOX"
S: 8 OK LIST completed
C: 9 list "" "Trash"
S: * LIST (\\HasNoChildren \\Trash) "/" "Trash"
S: 9 OK LIST completed
C: 10 select "INBOX"
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 2 EXISTS
S: * 2 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 3] Predicted next UID
S: 10 OK [READ-WRITE] SELECT completed
C: 11 IDLE
S: + idling

# The connection for Sent copies.
SESSION 2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: 1 capability
S: * CAPABILITY *
S: 1 OK CAPABILITY completed
C: 2 login "alice@example.test" "secret"
S: 2 OK [CAPABILITY *] Logged in
C: 3 STATUS "Sent" (UIDNEXT MESSAGES UNSEEN RECENT)
S: * STATUS "Sent" (UIDNEXT 1 MESSAGES 0 UNSEEN 0 RECENT 0)
S: 3 OK STATUS completed
C: 4 append "Sent" (\\Seen) {22+}
C: Subject: hi
C:
C: Hello
C:
S: 4 OK [APPENDUID * 1] APPEND completed
C: 5 STATUS "Sent" (UIDNEXT MESSAGES UNSEEN RECENT)
S: * STATUS "Sent" (UIDNEXT 2 MESSAGES 1 UNSEEN 0 RECENT 1)
S: 5 OK STATUS completed
# and a reply lands in INBOX, for the idling connection
C: 6 append "INBOX" {22+}
C: Subject: hi
C:
C: Hello
C:
S: 6 OK [APPENDUID * 3] APPEND completed
DROP

SESSION 1
S: * 3 EXISTS
S: * 3 RECENT
C: DONE
S: 11 OK IDLE terminated
C: 12 noop
S: 12 OK NOOP completed
DROP
