# Thunderbird's start-up against a plain server on localhost (design.md, "What real clients do"):
# three connections, odd tags, lower-case commands, quoted names, a Sent copy by APPEND with a
# non-synchronising literal, STATUS of Sent, IDLE on INBOX; it never says LOGOUT.
# Then its UID FETCHes: flags of all, headers of the new, whole messages in the background; after
# IDLE brings news, the new message's flags and headers, marking read, and a delete by UID MOVE.
@fixture accounts
@fixture alice-inbox-2
S: * OK [CAPABILITY IMAP4rev1 IMAP4rev2 * STARTTLS AUTH=PLAIN] Pigeon IMAP4rev2 ready
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
S: * LIST (\\Subscribed) "/" "INBOX"
S: * LIST (\\Subscribed \\Archive) "/" "Archive"
S: * LIST (\\Subscribed \\Drafts) "/" "Drafts"
S: * LIST (\\Subscribed \\Junk) "/" "Junk"
S: * LIST (\\Subscribed \\Sent) "/" "Sent"
S: * LIST (\\Subscribed \\Trash) "/" "Trash"
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
C: 11 UID fetch 1:* (FLAGS)
S: * 1 FETCH (UID 1 FLAGS (\\Recent))
S: * 2 FETCH (UID 2 FLAGS (\\Recent))
S: 11 OK UID FETCH completed
C: 12 UID fetch 1:2 (UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS (From To Cc Bcc Subject Date Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type Reply-To)])
S: * 1 FETCH (UID 1 RFC822.SIZE 114 FLAGS (\\Recent) BODY[HEADER.FIELDS (From To Cc Bcc Subject Date Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type Reply-To)] {68}
S: From: carol@far.test
S: To: alice@example.test
S: Subject: message 1
S:
S: )
S: * 2 FETCH (UID 2 RFC822.SIZE 114 FLAGS (\\Recent) BODY[HEADER.FIELDS (From To Cc Bcc Subject Date Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type Reply-To)] {68}
S: From: carol@far.test
S: To: alice@example.test
S: Subject: message 2
S:
S: )
S: 12 OK UID FETCH completed
C: 13 UID fetch 1 (UID RFC822.SIZE BODY.PEEK[])
S: * 1 FETCH (UID 1 RFC822.SIZE 114 BODY[] {114}
S: From: carol@far.test
S: To: alice@example.test
S: Subject: message 1
S:
S: line one of 1
S: .starts with a dot
S: last line
S: )
S: 13 OK UID FETCH completed
C: 14 IDLE
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
S: 14 OK IDLE terminated
C: 15 UID fetch 3:* (FLAGS)
S: * 3 FETCH (UID 3 FLAGS (\\Recent))
S: 15 OK UID FETCH completed
C: 16 UID fetch 3 (UID RFC822.SIZE FLAGS BODY.PEEK[HEADER.FIELDS (From To Cc Bcc Subject Date Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type Reply-To)])
S: * 3 FETCH (UID 3 RFC822.SIZE 22 FLAGS (\\Recent) BODY[HEADER.FIELDS (From To Cc Bcc Subject Date Message-ID Priority X-Priority References Newsgroups In-Reply-To Content-Type Reply-To)] {15}
S: Subject: hi
S:
S: )
S: 16 OK UID FETCH completed
# the user reads message 1 (already fetched, so Thunderbird stores \Seen itself) and deletes message 2
C: 17 uid store 1 +Flags (\\Seen)
S: * 1 FETCH (UID 1 FLAGS (\\Seen \\Recent))
S: 17 OK UID STORE completed
C: 18 uid move 2 "Trash"
S: * OK [COPYUID * 2 1] Moved
S: * 2 EXPUNGE
S: 18 OK UID MOVE completed
C: 19 noop
S: 19 OK NOOP completed
DROP
