# The internal date keeps the zone APPEND gave it (RFC 9051 §2.3.3): INTERNALDATE shows it as sent,
# and SEARCH BEFORE/ON/SINCE compare its day "disregarding time and timezone" (§6.4.4), i.e. the day
# in that zone, whatever the server's (imaptest "search-intdate").
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 CREATE Dates
S: a2 OK CREATE completed
C: b1 APPEND Dates "24-Mar-2007 23:00:00 +0200" {15+}
C: Subject: d
C:
C: d
S: b1 OK [APPENDUID * 1] APPEND completed
C: b2 APPEND Dates "25-Mar-2007 00:00:00 +0200" {15+}
C: Subject: d
C:
C: d
S: b2 OK [APPENDUID * 2] APPEND completed
C: b3 APPEND Dates "25-Mar-2007 23:00:00 +0300" {15+}
C: Subject: d
C:
C: d
S: b3 OK [APPENDUID * 3] APPEND completed
C: b4 APPEND Dates "26-Mar-2007 00:00:00 +0300" {15+}
C: Subject: d
C:
C: d
S: b4 OK [APPENDUID * 4] APPEND completed
C: a3 EXAMINE Dates
S: * FLAGS *
S: * OK [PERMANENTFLAGS ()] No permanent flags permitted.
S: * 4 EXISTS
S: * 4 RECENT
S: * OK [UNSEEN 1] First unseen.
S: * OK [UIDVALIDITY *] UIDs valid
S: * OK [UIDNEXT 5] Predicted next UID
S: a3 OK [READ-ONLY] EXAMINE completed
C: a4 FETCH 1:4 (INTERNALDATE)
S: * 1 FETCH (INTERNALDATE "24-Mar-2007 23:00:00 +0200")
S: * 2 FETCH (INTERNALDATE "25-Mar-2007 00:00:00 +0200")
S: * 3 FETCH (INTERNALDATE "25-Mar-2007 23:00:00 +0300")
S: * 4 FETCH (INTERNALDATE "26-Mar-2007 00:00:00 +0300")
S: a4 OK FETCH completed
C: a5 SEARCH ON 24-Mar-2007
S: * SEARCH 1
S: a5 OK SEARCH completed
C: a6 SEARCH ON 25-Mar-2007
S: * SEARCH 2 3
S: a6 OK SEARCH completed
C: a7 SEARCH BEFORE 26-Mar-2007
S: * SEARCH 1 2 3
S: a7 OK SEARCH completed
C: a8 SEARCH SINCE 26-Mar-2007
S: * SEARCH 4
S: a8 OK SEARCH completed
# ARRIVAL compares the instants, whatever their zones
C: a9 SORT (ARRIVAL) US-ASCII ALL
S: * SORT 1 2 3 4
S: a9 OK SORT completed
