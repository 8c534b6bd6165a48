package pigeon.pop3.command;

import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * A parsed POP3 command (RFC 1939, RFC 2449 CAPA, RFC 5034 AUTH). Message numbers are as the
 * client wrote them; whether they exist is for the session to say. {@code toString()} never
 * shows a password or a SASL response, so commands can be logged as they are.
 */
public sealed interface Pop3Command {
    record User(String name) implements Pop3Command {}
    record Pass(String password) implements Pop3Command {
        @Override public String toString() { return "Pass[***]"; }
    }
    /** @param initialResponse RFC 5034 §4: the base64 response, "=" for an empty one */
    record Auth(Optional<String> mechanism, Optional<String> initialResponse) implements Pop3Command {
        @Override public String toString() { return "Auth[" + mechanism.orElse("") + (initialResponse.isPresent() ? " ***" : "") + "]"; }
    }
    record Capa() implements Pop3Command {}
    /** RFC 2595 §4: start TLS, in the AUTHORIZATION state only. */
    record Stls() implements Pop3Command {}
    record Quit() implements Pop3Command {}
    record Stat() implements Pop3Command {}
    record List(OptionalInt message) implements Pop3Command {}
    record Uidl(OptionalInt message) implements Pop3Command {}
    record Retr(int message) implements Pop3Command {}
    record Top(int message, int lines) implements Pop3Command {}
    record Dele(int message) implements Pop3Command {}
    record Rset() implements Pop3Command {}
    record Noop() implements Pop3Command {}

    Set<Phase> AUTHORIZATION = Set.of(Phase.AUTHORIZATION);
    Set<Phase> TRANSACTION = Set.of(Phase.TRANSACTION);
    Set<Phase> ANY = Set.of(Phase.AUTHORIZATION, Phase.TRANSACTION);

    /** The states this command is valid in (RFC 1939 §4–§6, RFC 2449 §5 for CAPA). */
    default Set<Phase> validIn() {
        return switch (this) {
            case User u -> AUTHORIZATION;
            case Pass p -> AUTHORIZATION;
            case Auth a -> AUTHORIZATION;
            case Capa c -> ANY;
            case Stls s -> AUTHORIZATION;
            case Quit q -> ANY;
            case Stat s -> TRANSACTION;
            case List l -> TRANSACTION;
            case Uidl u -> TRANSACTION;
            case Retr r -> TRANSACTION;
            case Top t -> TRANSACTION;
            case Dele d -> TRANSACTION;
            case Rset r -> TRANSACTION;
            case Noop n -> TRANSACTION;
        };
    }
}
