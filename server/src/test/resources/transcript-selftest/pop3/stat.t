# POP3 log-in, a failed one first, then STAT and RETR of the one message.
@fixture empty
@fixture alice-has-1
S: +OK *
C: USER alice
S: +OK*
C: PASS wrong
S: -ERR*
C: USER alice
S: +OK*
C: PASS secret
S: +OK*
C: STAT
S: +OK 1 *
C: RETR 1
S: +OK*
S{
  S: Subject: Hello
  S: From: bob@example.org
  S: To: alice@localhost
  S: Date: *
  S: Message-ID: <*>
  S: MIME-Version: 1.0
  S: Content-Type: text/plain*
  S: Content-Transfer-Encoding: 7bit
S}
S:
S: Hi Alice.
S: .
C: QUIT
S: +OK*
S: <closed>
