# AUTH LOGIN, step by step as a person would type it (base64 of the user name, then the password).
@fixture accounts
S: 220 *
C: EHLO typist
S{
S: 250-mx.example.test Hello typist
S: 250-PIPELINING
S: 250-SIZE 26214400
S: 250-8BITMIME
S: 250-SMTPUTF8
S: 250-ENHANCEDSTATUSCODES
S: 250-STARTTLS
S: 250-AUTH PLAIN LOGIN
S}
S: 250 HELP
C: AUTH LOGIN
S: 334 VXNlcm5hbWU6
C: YWxpY2VAZXhhbXBsZS50ZXN0
S: 334 UGFzc3dvcmQ6
C: c2VjcmV0
S: 235 2.7.0 Authentication successful
C: AUTH LOGIN
S: 503 5.5.1 Already authenticated
C: QUIT
S: 221 *
