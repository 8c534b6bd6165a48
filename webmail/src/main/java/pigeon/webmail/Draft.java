package pigeon.webmail;

import java.util.List;
import java.util.Optional;

/**
 * What the compose form posted, parsed: the fields as typed (addresses are checked when the message
 * is built), new attachments, and parts to carry over from a stored message (a forwarded message's
 * attachments, or those of the draft being edited).
 *
 * @param inReplyTo the message this answers, if any: its Message-ID and References go into ours
 * @param carry     the stored message whose parts {@code keep} lists
 * @param replacing the draft (in Drafts) that this one replaces, removed once this is saved or sent
 */
record Draft(String to, String cc, String bcc, String subject, String body, List<Upload> uploads,
             Optional<MessageRef> inReplyTo, Optional<MessageRef> carry, List<Integer> keep,
             Optional<Long> replacing) {

    record Upload(String filename, String contentType, byte[] content) {}

    /** A message in one of the session's mailboxes. */
    record MessageRef(long mailboxId, long uid) {
        /** "12:345" → (12, 345). */
        static Optional<MessageRef> parse(String s) {
            if (s == null || s.isBlank()) return Optional.empty();
            int colon = s.indexOf(':');
            try {
                return Optional.of(new MessageRef(Long.parseLong(s.substring(0, colon)), Long.parseLong(s.substring(colon + 1))));
            } catch (RuntimeException e) {
                return Optional.empty();
            }
        }

        @Override public String toString() { return mailboxId + ":" + uid; }
    }
}
