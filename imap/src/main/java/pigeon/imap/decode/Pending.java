package pigeon.imap.decode;

import java.io.IOException;

/** An APPEND message still on the wire, as the reader sees it: what it must skip before the next command. */
interface Pending {
    /** Skips what the handler left unread of this message and of those after it, as far as the client is sending them. */
    void finish() throws IOException;
}
