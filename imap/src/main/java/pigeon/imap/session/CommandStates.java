package pigeon.imap.session;

import java.util.EnumSet;
import java.util.Set;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.ImapCommand.*;

/** Which states each command is valid in (RFC 9051 §6), as data, checked once by the session. */
public final class CommandStates {
    public enum Phase { NOT_AUTHENTICATED, AUTHENTICATED, SELECTED }

    private static final Set<Phase> ANY = EnumSet.allOf(Phase.class);
    private static final Set<Phase> NOT_AUTHENTICATED = EnumSet.of(Phase.NOT_AUTHENTICATED);
    private static final Set<Phase> AUTHENTICATED = EnumSet.of(Phase.AUTHENTICATED, Phase.SELECTED);
    private static final Set<Phase> AUTHENTICATED_ONLY = EnumSet.of(Phase.AUTHENTICATED);
    private static final Set<Phase> SELECTED = EnumSet.of(Phase.SELECTED);

    private CommandStates() {}

    public static Set<Phase> validIn(ImapCommand command) {
        return switch (command) {
            // RFC 9051 §6.1
            case Capability c -> ANY;
            case Noop n -> ANY;
            case Logout l -> ANY;
            case Id i -> ANY;                        // RFC 2971 §3.1: any state
            // RFC 9051 §6.2
            case Starttls s -> NOT_AUTHENTICATED;
            case Login l -> NOT_AUTHENTICATED;
            case Authenticate a -> NOT_AUTHENTICATED;
            // RFC 5161 §3.1: "only valid in the authenticated state"
            case Enable e -> AUTHENTICATED_ONLY;
            // RFC 9051 §6.3 (also valid in the selected state)
            case Namespace n -> AUTHENTICATED;
            case Select s -> AUTHENTICATED;
            case Examine e -> AUTHENTICATED;
            case Create c -> AUTHENTICATED;
            case Delete d -> AUTHENTICATED;
            case Rename r -> AUTHENTICATED;
            case Subscribe s -> AUTHENTICATED;
            case Unsubscribe u -> AUTHENTICATED;
            case ImapCommand.List l -> AUTHENTICATED;
            case Lsub l -> AUTHENTICATED;
            case Status s -> AUTHENTICATED;
            case Append a -> AUTHENTICATED;
            case Idle i -> AUTHENTICATED;            // RFC 2177 §3
            // RFC 9051 §6.4
            case Check c -> SELECTED;
            case Close c -> SELECTED;
            case Unselect u -> SELECTED;
            case Expunge e -> SELECTED;
            case UidExpunge u -> SELECTED;
            case Search s -> SELECTED;
            case CancelUpdate u -> SELECTED;
            case Sort s -> SELECTED;
            case ImapCommand.Thread t -> SELECTED;
            case Fetch f -> SELECTED;
            case Store s -> SELECTED;
            case Copy c -> SELECTED;
            case Move m -> SELECTED;
        };
    }

    public static Phase phase(ImapState state) {
        return switch (state) {
            case ImapState.NotAuthenticated n -> Phase.NOT_AUTHENTICATED;
            case ImapState.Authenticated a -> Phase.AUTHENTICATED;
            case ImapState.Selected s -> Phase.SELECTED;
            case ImapState.LoggedOut l -> throw new IllegalStateException("logged out");
        };
    }

    /** The reply to a command sent in the wrong state. */
    static String wrongState(Phase phase, Set<Phase> valid) {
        if (phase == Phase.NOT_AUTHENTICATED) return "Log in first";
        if (valid.equals(NOT_AUTHENTICATED)) return "Already logged in";
        if (valid.equals(SELECTED)) return "No mailbox selected";
        return "Command not valid in this state";
    }

    /**
     * RFC 9051 §7.5.1: no EXPUNGE (or VANISHED) while responding to FETCH, STORE or SEARCH by sequence
     * number, nor SORT or THREAD, whose answers are sequence numbers too; the UID forms may get them.
     * EXISTS and flag updates may follow any command.
     */
    public static boolean expungesAllowed(ImapCommand command) {
        return switch (command) {
            case Fetch f -> f.uid();
            case Store s -> s.uid();
            case Search s -> s.uid();
            case Sort s -> s.uid();
            case ImapCommand.Thread t -> t.uid();
            default -> true;
        };
    }
}
