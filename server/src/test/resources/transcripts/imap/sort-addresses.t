# SORT by FROM/TO/CC (RFC 5256 §3): the addr-mailbox of the first address structure, as ENVELOPE
# gives it (for a group, the group name), encoded words decoded (as Dovecot decodes the header);
# ties keep sequence order, also under REVERSE. DISPLAYFROM/DISPLAYTO (RFC 5957): the display name.
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 CREATE Sorting
S: a2 OK CREATE completed
C: b1 APPEND Sorting {36+}
C: From: Zed <b@x>
C: Cc: team: a@x;
C:
C: 1
S: b1 OK [APPENDUID * 1] APPEND completed
C: b2 APPEND Sorting {54+}
C: From: =?utf-8?q?c?=@x
C: Cc: =?utf-8?q?xray?=: a@x;
C:
C: 2
S: b2 OK [APPENDUID * 2] APPEND completed
C: b3 APPEND Sorting {29+}
C: From: a@z
C: Cc: Aaa <b@x>
C:
C: 3
S: b3 OK [APPENDUID * 3] APPEND completed
C: a3 EXAMINE Sorting
S: * FLAGS *
S: * OK [PERMANENTFLAGS ()] No permanent flags permitted.
S: * 3 EXISTS
S: * 3 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 4] Predicted next UID
S: a3 OK [READ-ONLY] EXAMINE completed
# from: b, c (decoded from an encoded word), a
C: a4 SORT (FROM) US-ASCII ALL
S: * SORT 3 1 2
S: a4 OK SORT completed
# cc: team (the group's name, not its member a), xray (decoded), b; a missing To ties all three
C: a5 SORT (CC) US-ASCII ALL
S: * SORT 3 1 2
S: a5 OK SORT completed
C: a6 SORT (REVERSE CC) US-ASCII ALL
S: * SORT 2 1 3
S: a6 OK SORT completed
C: a7 SORT (TO) US-ASCII ALL
S: * SORT 1 2 3
S: a7 OK SORT completed
C: a8 SORT (REVERSE TO) US-ASCII ALL
S: * SORT 1 2 3
S: a8 OK SORT completed
C: a9 SORT (TO REVERSE ARRIVAL) US-ASCII ALL
S: * SORT 3 2 1
S: a9 OK SORT completed
# RFC 5957 SORT=DISPLAY: the display name, else the address: a@z, c@x (decoded), Zed; no To ties all
C: a10 SORT (DISPLAYFROM) US-ASCII ALL
S: * SORT 3 2 1
S: a10 OK SORT completed
C: a11 SORT (REVERSE DISPLAYFROM) US-ASCII ALL
S: * SORT 1 2 3
S: a11 OK SORT completed
C: a12 SORT (DISPLAYTO) UTF-8 ALL
S: * SORT 1 2 3
S: a12 OK SORT completed
