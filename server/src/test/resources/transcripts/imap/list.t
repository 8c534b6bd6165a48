# LIST (RFC 9051 §6.3.9) with the standard mailboxes and their special-use attributes (RFC 6154),
# patterns, references, LIST-EXTENDED (RFC 5258), LIST-STATUS (RFC 5819), and LSUB (RFC 3501).
@fixture accounts
@fixture alice-inbox-2
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 list "" ""
S: * LIST (\\Noselect) "/" ""
S: a2 OK LIST completed
C: a3 list "" "*"
S: * LIST (\\HasNoChildren) "/" "INBOX"
S: * LIST (\\HasNoChildren \\Archive) "/" "Archive"
S: * LIST (\\HasNoChildren \\Drafts) "/" "Drafts"
S: * LIST (\\HasNoChildren \\Junk) "/" "Junk"
S: * LIST (\\HasNoChildren \\Sent) "/" "Sent"
S: * LIST (\\HasNoChildren \\Trash) "/" "Trash"
S: a3 OK LIST completed
C: a4 CREATE "Archive/2026/March"
S: a4 OK CREATE completed
C: a5 LIST "" "Archive/%"
S: * LIST (\\HasChildren) "/" "Archive/2026"
S: a5 OK LIST completed
C: a6 LIST "Archive/" "*"
S: * LIST (\\HasChildren) "/" "Archive/2026"
S: * LIST (\\HasNoChildren) "/" "Archive/2026/March"
S: a6 OK LIST completed
C: a7 LIST "" "inbox"
S: * LIST (\\HasNoChildren) "/" "INBOX"
S: a7 OK LIST completed
C: a8 LIST "" "%"
S: * LIST (\\HasNoChildren) "/" "INBOX"
S: * LIST (\\HasChildren \\Archive) "/" "Archive"
S: * LIST (\\HasNoChildren \\Drafts) "/" "Drafts"
S: * LIST (\\HasNoChildren \\Junk) "/" "Junk"
S: * LIST (\\HasNoChildren \\Sent) "/" "Sent"
S: * LIST (\\HasNoChildren \\Trash) "/" "Trash"
S: a8 OK LIST completed
# A parent that only exists through its child: \\Noselect (basic LIST), \\NonExistent (extended);
# the extended syntax gives child attributes only with RETURN (CHILDREN) (RFC 5258 §4)
C: a9 DELETE Archive/2026
S: a9 OK DELETE completed
C: a10 LIST "" "Archive/*"
S: * LIST (\\Noselect \\HasChildren) "/" "Archive/2026"
S: * LIST (\\HasNoChildren) "/" "Archive/2026/March"
S: a10 OK LIST completed
C: a11 LIST () "" "Archive/%"
S: * LIST (\\NonExistent) "/" "Archive/2026"
S: a11 OK LIST completed
C: a11b LIST () "" "Archive/%" RETURN (CHILDREN)
S: * LIST (\\NonExistent \\HasChildren) "/" "Archive/2026"
S: a11b OK LIST completed
# CREATE doesn't subscribe; the standard mailboxes start subscribed
C: a11c SUBSCRIBE Archive/2026/March
S: a11c OK SUBSCRIBE completed
# Thunderbird: subscribed mailboxes with their special use
C: a12 UNSUBSCRIBE Junk
S: a12 OK UNSUBSCRIBE completed
C: a13 LIST (SUBSCRIBED) "" "*" RETURN (SPECIAL-USE)
S: * LIST (\\Subscribed) "/" "INBOX"
S: * LIST (\\Subscribed \\Archive) "/" "Archive"
S: * LIST (\\Subscribed) "/" "Archive/2026/March"
S: * LIST (\\Subscribed \\Drafts) "/" "Drafts"
S: * LIST (\\Subscribed \\Sent) "/" "Sent"
S: * LIST (\\Subscribed \\Trash) "/" "Trash"
S: a13 OK LIST completed
# Unsubscribed mailboxes are never hidden from a plain LIST
C: a14 LIST "" Junk RETURN (SUBSCRIBED CHILDREN)
S: * LIST (\\HasNoChildren \\Junk) "/" "Junk"
S: a14 OK LIST completed
C: a15 LIST (SPECIAL-USE) "" "*"
S: * LIST (\\Archive) "/" "Archive"
S: * LIST (\\Drafts) "/" "Drafts"
S: * LIST (\\Junk) "/" "Junk"
S: * LIST (\\Sent) "/" "Sent"
S: * LIST (\\Trash) "/" "Trash"
S: a15 OK LIST completed
C: a16 UNSUBSCRIBE Archive
S: a16 OK UNSUBSCRIBE completed
C: a17 LIST (SUBSCRIBED RECURSIVEMATCH) "" "%" RETURN (CHILDREN)
S: * LIST (\\Subscribed \\HasNoChildren) "/" "INBOX"
S: * LIST (\\HasChildren \\Archive) "/" "Archive" ("CHILDINFO" ("SUBSCRIBED"))
S: * LIST (\\Subscribed \\HasNoChildren \\Drafts) "/" "Drafts"
S: * LIST (\\Subscribed \\HasNoChildren \\Sent) "/" "Sent"
S: * LIST (\\Subscribed \\HasNoChildren \\Trash) "/" "Trash"
S: a17 OK LIST completed
# LIST-STATUS: a STATUS after each mailbox's LIST
C: a18 LIST "" (INBOX Sent) RETURN (STATUS (MESSAGES UIDNEXT UNSEEN))
S: * LIST () "/" "INBOX"
S: * STATUS "INBOX" (MESSAGES 2 UIDNEXT 3 UNSEEN 2)
S: * LIST (\\Sent) "/" "Sent"
S: * STATUS "Sent" (MESSAGES 0 UIDNEXT 1 UNSEEN 0)
S: a18 OK LIST completed
C: a19 lsub "" "*"
S: * LSUB () "/" "INBOX"
S: * LSUB () "/" "Archive/2026/March"
S: * LSUB () "/" "Drafts"
S: * LSUB () "/" "Sent"
S: * LSUB () "/" "Trash"
S: a19 OK LSUB completed
C: a20 LSUB "" "%"
S: * LSUB () "/" "INBOX"
S: * LSUB (\\Noselect) "/" "Archive"
S: * LSUB () "/" "Drafts"
S: * LSUB () "/" "Sent"
S: * LSUB () "/" "Trash"
S: a20 OK LSUB completed
C: a21 LIST "" Nothing*
S: a21 OK LIST completed
