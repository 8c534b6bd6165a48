# RETR and TOP dot-stuff lines that start with "." and end a message that lacks its final CRLF.
S: +OK Pigeon POP3 server ready
C: user alice
S: +OK Send PASS
C: pass secret
S: +OK Maildrop has 3 messages (150 octets)
C: retr 2
S: +OK 57 octets
S: Subject: dots
S:
S: ..leading dot
S: ...two dots
S: ..
S: last line
S: .
C: RETR 3
S: +OK 40 octets
S: Subject: three
S:
S: line 1
S: line 2
S: line 3
S: .
C: TOP 2 2
S: +OK top of message follows
S: Subject: dots
S:
S: ..leading dot
S: ...two dots
S: .
C: TOP 3 2
S: +OK top of message follows
S: Subject: three
S:
S: line 1
S: line 2
S: .
C: TOP 3 99
S: +OK top of message follows
S: Subject: three
S:
S: line 1
S: line 2
S: line 3
S: .
C: QUIT
S: +OK pop.example.test POP3 server signing off (3 messages left)
CLOSED
