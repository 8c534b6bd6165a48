package pigeon.protocol.sasl;

import java.util.Optional;

/** Checks a user name and password; answers the canonical account name (its address) on success. */
@FunctionalInterface
public interface Authenticator {
    Optional<String> authenticate(String username, String password);
}
