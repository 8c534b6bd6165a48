# RETR and TOP dot-stuff lines that start with "." (a lone "." too) and end a message that
# lacks its final CRLF. alice-dot-lines is 55 octets and has no CRLF after "last line".
@fixture accounts
@fixture alice-inbox-1
@fixture alice-dot-lines
S: +OK Pigeon POP3 server ready
C: user alice@example.test
S: +OK Send PASS
C: pass secret
S: +OK Maildrop has 2 messages (169 octets)
C: retr 1
S: +OK 114 octets
S: From: carol@far.test
S: To: alice@example.test
S: Subject: message 1
S:
S: line one of 1
S: ..starts with a dot
S: last line
S: .
C: RETR 2
S: +OK 55 octets
S: Subject: dots
S:
S: ..leading dot
S: ...two dots
S: ..
S: last line
S: .
C: TOP 1 2
S: +OK top of message follows
S: From: carol@far.test
S: To: alice@example.test
S: Subject: message 1
S:
S: line one of 1
S: ..starts with a dot
S: .
C: TOP 2 3
S: +OK top of message follows
S: Subject: dots
S:
S: ..leading dot
S: ...two dots
S: ..
S: .
C: TOP 2 99
S: +OK top of message follows
S: Subject: dots
S:
S: ..leading dot
S: ...two dots
S: ..
S: last line
S: .
C: QUIT
S: +OK mx.example.test POP3 server signing off (2 messages left)
S: <closed>
