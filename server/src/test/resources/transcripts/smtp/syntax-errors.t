# Bad commands and arguments: 500 for what is not a command, 501 for bad arguments, 555 for
# unknown MAIL parameters; nothing breaks the session.
@fixture accounts
S: 220 *
C: EHLO
S: 501 5.5.2 *
C: ehlo syntax.test
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250-*
S: 250-STARTTLS
S: 250-AUTH PLAIN LOGIN
S: 250 HELP
C: FOO bar
S: 500 5.5.1 Command not recognized
C: MAIL alice@example.test
S: 501 5.5.2 *
C: MAIL FROM:<not an address>
S: 501 5.1.7 *
C: MAIL FROM:<a@far.test> FROBNICATE=1
S: 555 5.5.4 *
C: mail from: <a@far.test>
S: 250 2.1.0 *
C: RCPT TO:<@>
S: 501 5.1.3 *
C: RCPT TO:alice@example.test
S: 501 5.5.2 *
C: rcpt to:<ALICE@example.test>
S: 250 2.1.5 *
C: \xff\xfe garbage
S: 500 5.5.2 *
C: @bytes 3000 A
S: 500 5.5.2 Line too long
C: NOOP
S: 250 2.0.0 OK
C: QUIT
S: 221 *
