package pigeon.imap.session;

import java.util.Optional;

/**
 * How a command ended: the state the session goes on in, and the tagged reply. A handler's untagged
 * responses are already written; the session adds the mailbox updates, this reply, and flushes.
 *
 * @param code a response code without brackets ({@code READ-WRITE}, {@code APPENDUID 3 7})
 */
public record Outcome(ImapState state, Status status, Optional<String> code, String text) {
    public enum Status { OK, NO, BAD }

    public static Outcome ok(ImapState state, String text) { return new Outcome(state, Status.OK, Optional.empty(), text); }

    public static Outcome ok(ImapState state, String code, String text) { return new Outcome(state, Status.OK, Optional.of(code), text); }

    public static Outcome no(ImapState state, String code, String text) { return new Outcome(state, Status.NO, Optional.ofNullable(code), text); }
}
