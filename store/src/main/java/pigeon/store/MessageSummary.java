package pigeon.store;

import java.time.Instant;
import java.util.Optional;

/**
 * The header fields stored beside a message for listing and searching, decoded (RFC 2047) and
 * possibly cut short (subject and from at 1,000 characters, to and cc at 4,000); a field the
 * message lacks is null.
 *
 * @param sentDate the Date field, when it parses
 */
public record MessageSummary(String subject, String from, String to, String cc, Optional<Instant> sentDate) {}
