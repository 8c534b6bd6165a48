# Raw sends: a command split over two writes, a NUL byte, an overlong command.
S: 220 *
C+ HE
C: LO client.example
S: 250-/127.0.0.1
S: 250 AUTH PLAIN LOGIN
C: NOOP\x00
S: 500 Invalid command. Must be 4 characters
C: @bytes 2000 Z
S: 500 *
C: QUIT
S: 221 *
S: <closed>
