# SORT and THREAD (RFC 5256), plain and UID: base subjects ("Re:", "Fwd:" dropped), DATE is the
# Date: field, ARRIVAL the internal date, FROM the first mailbox name, REVERSE per criterion;
# ORDEREDSUBJECT and REFERENCES threads; an unknown algorithm is BAD, an unknown charset
# NO [BADCHARSET]; no match gives an empty response.
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: p1 APPEND INBOX "01-Jan-2020 10:00:00 +0000" {109+}
C: From: Zed <zed@x.test>
C: Subject: Lunch
C: Message-ID: <1@x>
C: Date: Wed, 01 Jan 2020 10:00:00 +0000
C:
C: hello 1
C:
S: p1 OK [APPENDUID * 1] APPEND completed
C: p2 APPEND INBOX "01-Jan-2020 11:05:00 +0000" {132+}
C: From: Amy <amy@x.test>
C: Subject: Re: Lunch
C: Message-ID: <2@x>
C: References: <1@x>
C: Date: Wed, 01 Jan 2020 11:00:00 +0000
C:
C: hello 2
C:
S: p2 OK [APPENDUID * 2] APPEND completed
C: p3 APPEND INBOX "02-Jan-2020 09:00:00 +0000" {110+}
C: From: Bob <bob@x.test>
C: Subject: Report
C: Message-ID: <3@x>
C: Date: Tue, 31 Dec 2019 09:00:00 +0000
C:
C: hello 3
C:
S: p3 OK [APPENDUID * 3] APPEND completed
C: p4 APPEND INBOX "02-Jan-2020 08:00:00 +0000" {138+}
C: From: Amy <amy@x.test>
C: Subject: Re: Lunch
C: Message-ID: <4@x>
C: References: <1@x> <2@x>
C: Date: Thu, 02 Jan 2020 08:00:00 +0000
C:
C: hello 4
C:
S: p4 OK [APPENDUID * 4] APPEND completed
C: p5 APPEND INBOX "03-Jan-2020 07:00:00 +0000" {117+}
C: From: Carl <carl@x.test>
C: Subject: Fwd: Report
C: Message-ID: <5@x>
C: Date: Fri, 03 Jan 2020 07:00:00 +0000
C:
C: hello 5
C:
S: p5 OK [APPENDUID * 5] APPEND completed
C: a2 SELECT INBOX
S: * FLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft)
S: * OK [PERMANENTFLAGS (\\Answered \\Flagged \\Deleted \\Seen \\Draft \\\*)] Flags permitted.
S: * 5 EXISTS
S: * 5 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 6] Predicted next UID
S: a2 OK [READ-WRITE] SELECT completed
C: a3 SORT (SUBJECT) UTF-8 ALL
S: * SORT 1 2 4 3 5
S: a3 OK SORT completed
C: a4 SORT (DATE) UTF-8 ALL
S: * SORT 3 1 2 4 5
S: a4 OK SORT completed
C: a5 SORT (REVERSE ARRIVAL) US-ASCII ALL
S: * SORT 5 3 4 2 1
S: a5 OK SORT completed
C: a6 SORT (FROM REVERSE SIZE) UTF-8 ALL
S: * SORT 4 2 3 5 1
S: a6 OK SORT completed
C: a7 UID SORT (SUBJECT DATE) UTF-8 NOT FROM bob
S: * SORT 1 2 4 5
S: a7 OK UID SORT completed
C: a8 SORT (SUBJECT) KOI8-R ALL
S: a8 NO [BADCHARSET (US-ASCII UTF-8)] Unsupported charset KOI8-R
C: a9 THREAD ORDEREDSUBJECT UTF-8 ALL
S: * THREAD (3 5)(1 (2)(4))
S: a9 OK THREAD completed
C: a10 THREAD REFERENCES UTF-8 ALL
S: * THREAD (3 5)(1 2 4)
S: a10 OK THREAD completed
C: a11 UID THREAD REFERENCES US-ASCII SUBJECT lunch
S: * THREAD (1 2 4)
S: a11 OK UID THREAD completed
C: a12 THREAD SHUFFLE UTF-8 ALL
S: a12 BAD Unknown threading algorithm SHUFFLE
C: a13 THREAD REFERENCES UTF-8 SUBJECT nothing
S: * THREAD
S: a13 OK THREAD completed
C: a14 SORT (SIZE) UTF-8 SUBJECT nothing
S: * SORT
S: a14 OK SORT completed
C: a15 LOGOUT
S: * BYE Pigeon IMAP4rev2 server logging out
S: a15 OK LOGOUT completed
