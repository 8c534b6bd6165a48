package pigeon.protocol.net;

import java.io.IOException;

/** A protocol's side of a listener. */
public interface ConnectionHandler {
    /** Runs one whole session on its own (virtual) thread; the listener closes the connection after. */
    void serve(Connection connection) throws IOException;

    /** Called instead of {@link #serve} when a limit refuses the connection: write the protocol's "busy" greeting. */
    void refuse(Connection connection) throws IOException;
}
