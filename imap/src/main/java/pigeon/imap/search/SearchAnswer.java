package pigeon.imap.search;

import java.util.List;
import java.util.Optional;

/**
 * What the session sends and keeps after a successful SEARCH.
 *
 * @param untagged the untagged response lines, without CRLF (none for {@code RETURN (SAVE)} alone)
 * @param saved    RFC 5182: the UIDs to keep as the new {@code $} (ascending), when SAVE was asked for
 */
public record SearchAnswer(List<String> untagged, Optional<List<Long>> saved) {
    public SearchAnswer {
        untagged = List.copyOf(untagged);
        saved = saved.map(List::copyOf);
    }
}
