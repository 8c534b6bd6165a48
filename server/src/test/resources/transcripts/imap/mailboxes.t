# CREATE (with USE, RFC 6154 §3), DELETE, RENAME, SUBSCRIBE, UNSUBSCRIBE and their refusals;
# modified UTF-7 names (RFC 3501 §5.1.3) for a rev1 client, UTF-8 after ENABLE UTF8=ACCEPT.
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 CREATE Projects/
S: a2 OK CREATE completed
C: a3 CREATE Projects
S: a3 NO [ALREADYEXISTS] Mailbox already exists
C: a4 create inbox
S: a4 NO [ALREADYEXISTS] Mailbox already exists
C: a5 CREATE "Spam" (USE (\\Junk))
S: a5 OK CREATE completed
C: a6 CREATE Everything (USE (\\All))
S: a6 NO [USEATTR] Special-use attribute not supported
C: a7 CREATE "a*b"
S: a7 NO [CANNOT] Invalid mailbox name
C: a8 LIST "" "Spam"
S: * LIST (\\HasNoChildren \\Junk) "/" "Spam"
S: a8 OK LIST completed
C: a9 RENAME Projects Work
S: a9 OK RENAME completed
C: a10 RENAME Projects Other
S: a10 NO [NONEXISTENT] Mailbox does not exist
C: a11 RENAME Work Sent
S: a11 NO [ALREADYEXISTS] A mailbox of that name already exists
C: a12 RENAME Work Work/Inner
S: a12 NO [CANNOT] Cannot rename a mailbox into itself
C: a13 DELETE INBOX
S: a13 NO [CANNOT] INBOX cannot be deleted
C: a14 DELETE Nope
S: a14 NO [NONEXISTENT] Mailbox does not exist
C: a15 SUBSCRIBE Nope
S: a15 NO [NONEXISTENT] Mailbox does not exist
C: a16 UNSUBSCRIBE Work
S: a16 OK UNSUBSCRIBE completed
C: a17 LSUB "" "W*"
S: a17 OK LSUB completed
C: a18 SUBSCRIBE Work
S: a18 OK SUBSCRIBE completed
C: a19 LSUB "" "W*"
S: * LSUB () "/" "Work"
S: a19 OK LSUB completed
C: a20 DELETE Work
S: a20 OK DELETE completed
C: a21 LIST "" "W*"
S: a21 OK LIST completed
# "Entwürfe" in modified UTF-7; an invalid shift names no mailbox that can exist: NO
C: a22 CREATE "Entw&APw-rfe"
S: a22 OK CREATE completed
C: a23 LIST "" "Entw*"
S: * LIST (\\HasNoChildren) "/" "Entw&APw-rfe"
S: a23 OK LIST completed
C: a24 CREATE "bad&-shift&Jjo"
S: a24 NO [CANNOT] Mailbox name is not valid modified UTF-7
C: a25 ENABLE UTF8=ACCEPT
S: * ENABLED UTF8=ACCEPT
S: a25 OK ENABLE completed
C: a26 LIST "" "Entw*"
S: * LIST (\\HasNoChildren) "/" "Entwürfe"
S: a26 OK LIST completed
C: a27 STATUS "Entwürfe" (MESSAGES)
S: * STATUS "Entwürfe" (MESSAGES 0)
S: a27 OK STATUS completed
C: a28 ENABLE UTF8=ACCEPT
S: * ENABLED
S: a28 OK ENABLE completed
