# LIST-EXTENDED (RFC 5258) selection and return options as Dovecot's imaptest "listext" and
# "subscribe" groups check them: CREATE doesn't subscribe; a subscription is a name that outlives
# its mailbox (\NonExistent \Subscribed, RFC 5258 §3.1; RFC 3501 §6.3.6); child attributes with
# the extended syntax only for RETURN (CHILDREN); RECURSIVEMATCH's CHILDINFO only for a subscribed
# descendant the patterns don't match (RFC 5258 §3.5); LSUB's \Noselect for an unsubscribed parent
# of a subscribed child under % (RFC 3501 §6.3.9).
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 CREATE x/test1
S: a2 OK CREATE completed
C: a3 CREATE x/test2/test1
S: a3 OK CREATE completed
C: a4 CREATE x/test3
S: a4 OK CREATE completed
C: a5 CREATE x/test6
S: a5 OK CREATE completed
C: a6 CREATE x/test7/test7
S: a6 OK CREATE completed
C: a7 CREATE x/test8/test8
S: a7 OK CREATE completed
C: a8 CREATE x/test8/test9
S: a8 OK CREATE completed
C: a9 SUBSCRIBE x/test1
S: a9 OK SUBSCRIBE completed
C: a10 SUBSCRIBE x/test2/test1
S: a10 OK SUBSCRIBE completed
C: a11 SUBSCRIBE x/test6
S: a11 OK SUBSCRIBE completed
C: a12 SUBSCRIBE x/test7/test7
S: a12 OK SUBSCRIBE completed
C: a13 SUBSCRIBE x/test8/test8
S: a13 OK SUBSCRIBE completed
C: a14 SUBSCRIBE x/test8/test9
S: a14 OK SUBSCRIBE completed
C: a15 DELETE x/test6
S: a15 OK DELETE completed
C: a16 LIST (SUBSCRIBED) "" x/*
S: * LIST (\\Subscribed) "/" "x/test1"
S: * LIST (\\Subscribed) "/" "x/test2/test1"
S: * LIST (\\NonExistent \\Subscribed) "/" "x/test6"
S: * LIST (\\Subscribed) "/" "x/test7/test7"
S: * LIST (\\Subscribed) "/" "x/test8/test8"
S: * LIST (\\Subscribed) "/" "x/test8/test9"
S: a16 OK LIST completed
C: a17 LIST (SUBSCRIBED RECURSIVEMATCH) "" x/test2% RETURN (CHILDREN)
S: * LIST (\\HasChildren) "/" "x/test2" ("CHILDINFO" ("SUBSCRIBED"))
S: a17 OK LIST completed
C: a18 LIST "" x/% RETURN (CHILDREN SUBSCRIBED)
S: * LIST (\\Subscribed \\HasNoChildren) "/" "x/test1"
S: * LIST (\\HasChildren) "/" "x/test2"
S: * LIST (\\HasNoChildren) "/" "x/test3"
S: * LIST (\\HasChildren) "/" "x/test7"
S: * LIST (\\HasChildren) "/" "x/test8"
S: a18 OK LIST completed
# x/test7/test7 matches the pattern itself: no CHILDINFO for x/test7
C: a19 LIST (SUBSCRIBED RECURSIVEMATCH) "" *test7
S: * LIST (\\Subscribed) "/" "x/test7/test7"
S: a19 OK LIST completed
C: a20 LIST (SUBSCRIBED RECURSIVEMATCH) "" *test8
S: * LIST () "/" "x/test8" ("CHILDINFO" ("SUBSCRIBED"))
S: * LIST (\\Subscribed) "/" "x/test8/test8"
S: a20 OK LIST completed
C: a21 LIST (SUBSCRIBED RECURSIVEMATCH) "" (x/test2)
S: * LIST () "/" "x/test2" ("CHILDINFO" ("SUBSCRIBED"))
S: a21 OK LIST completed
C: a22 LIST (SUBSCRIBED RECURSIVEMATCH) "" (x/test2 x/test2/test1)
S: * LIST (\\Subscribed) "/" "x/test2/test1"
S: a22 OK LIST completed
C: a23 LIST "" (x/test7 x/test7/test7)
S: * LIST () "/" "x/test7"
S: * LIST () "/" "x/test7/test7"
S: a23 OK LIST completed
# a plain LIST doesn't show a subscription without its mailbox; LSUB does
C: a24 LIST "" x/test6
S: a24 OK LIST completed
C: a25 LSUB "" x/%
S: * LSUB () "/" "x/test1"
S: * LSUB (\\Noselect) "/" "x/test2"
S: * LSUB (\\Noselect) "/" "x/test6"
S: * LSUB (\\Noselect) "/" "x/test7"
S: * LSUB (\\Noselect) "/" "x/test8"
S: a25 OK LSUB completed
# the subscription of a deleted mailbox can be dropped
C: a26 UNSUBSCRIBE x/test6
S: a26 OK UNSUBSCRIBE completed
C: a27 LSUB "" *test6
S: a27 OK LSUB completed
C: a28 LSUB "" *test
S: a28 OK LSUB completed
C: a29 LSUB "" *test1
S: * LSUB () "/" "x/test1"
S: * LSUB () "/" "x/test2/test1"
S: a29 OK LSUB completed
