# CATENATE under smtp.max-message-size = 4K: the catenated message counts against the limit, not
# each part. A TEXT part that would take it over is refused before it is invited; URL parts are
# counted as they are read; nothing is stored (RFC 4469 §5: NO [TOOBIG]).
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 CREATE Big
S: a2 OK CREATE completed
C: a3 APPEND Big {2122+}
C: Subject: big
C:
C: @bytes 700 x
C: @bytes 700 y
C: @bytes 700 z
C:
S: a3 OK [APPENDUID * 1] APPEND completed
C: a4 APPEND Big CATENATE (URL "/Big/;UID=1" URL "/Big/;UID=1")
S: a4 NO [TOOBIG] Message too large
C: a5 APPEND Big CATENATE (URL "/Big/;UID=1" TEXT {2000}
S: a5 NO [TOOBIG] Message too large
C: a6 APPEND Big CATENATE (URL "/Big/;UID=1" TEXT {2000+}
C: @bytes 1998 w
C: )
S: a6 NO [TOOBIG] Message too large
C: a7 APPEND Big CATENATE (URL "/Big/;UID=1/;SECTION=HEADER" TEXT {1000+}
C: @bytes 998 v
C: )
S: a7 OK [APPENDUID * 2] APPEND completed
C: a8 STATUS Big (MESSAGES SIZE)
S: * STATUS "Big" (MESSAGES 2 SIZE 3138)
S: a8 OK STATUS completed
