package pigeon.imap.search;

import java.io.IOException;
import java.util.List;
import pigeon.imap.message.MessageView;

/** One message being tested, with its header fields read at most once and only when a key needs them. */
final class Candidate {
    final MessageView message;
    private List<HeaderBlock.Field> header;

    Candidate(MessageView message) {
        this.message = message;
    }

    /** The top-level header fields, read from the header's byte range on first use. */
    List<HeaderBlock.Field> header() throws IOException {
        if (header == null) header = HeaderBlock.read(message, message.description().body().span().header());
        return header;
    }

    boolean hasFlag(String name) {
        for (String f : message.flags()) if (f.equalsIgnoreCase(name)) return true;
        return false;
    }
}
