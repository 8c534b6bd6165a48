# Served with smtp.max-errors = 5: the fifth failure is answered, then the session is closed.
S: 220 *
C: one
S: 500 *
C: two
S: 500 *
C: three
S: 500 *
C: four
S: 500 *
C: five
S: 500 *
S: 421 4.7.0 mx.example.test Too many errors, closing connection
S: <closed>
