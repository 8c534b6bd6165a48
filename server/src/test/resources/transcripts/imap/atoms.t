# Every character the grammar allows in an atom (RFC 9051 §9 ATOM-CHAR, and "]" in an astring)
# gets a tagged reply as a mailbox name or a LIST pattern, and the session goes on. "&'+,-" is no
# valid modified UTF-7 (RFC 3501 §5.1.3), so no such mailbox can exist: NO, not BAD.
@fixture accounts
S: * OK [CAPABILITY *] Pigeon IMAP4rev2 ready
C: a1 LOGIN alice@example.test secret
S: a1 OK [CAPABILITY *] Logged in
C: a2 SELECT !#$&'+,-.0123456789:;<=>?@^_`|[}
S: a2 NO [CANNOT] Mailbox name is not valid modified UTF-7
C: a3 LIST "" !#$&'+,-.0123456789:;<=>?@^_`|[}%*
S: a3 OK LIST completed
C: a4 CREATE !#$&'+,-.0123456789:;<=>?@^_`|[}
S: a4 NO [CANNOT] Mailbox name is not valid modified UTF-7
C: a5 SELECT !#$&-'+,-.0123456789:;<=>?@^_`|[]}
S: a5 NO [NONEXISTENT] Mailbox does not exist
C: a6 CREATE !#$&-'+,-.0123456789:;<=>?@^_`|[]}
S: a6 OK CREATE completed
C: a7 LIST "" !#$&-'+,-.0123456789:;<=>?@^_`|[]}%*
S: * LIST (\\HasNoChildren) "/" "!#$&-'+,-.0123456789:;<=>?@^_`|[]}"
S: a7 OK LIST completed
C: a8 NOOP
S: a8 OK NOOP completed
