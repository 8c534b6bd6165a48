package pigeon.webmail;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import pigeon.store.Account;

/**
 * Logged-in browsers, in memory (a restart logs everyone out). The cookie carries only a random
 * id; each session has its own CSRF token, which every form posts back.
 */
final class Sessions {
    private static final SecureRandom RANDOM = new SecureRandom();

    record WebSession(String id, Account account, String csrfToken, Instant lastSeen) {}

    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();
    private final Duration timeout;
    private final Clock clock;

    Sessions(Duration timeout, Clock clock) {
        this.timeout = timeout;
        this.clock = clock;
    }

    WebSession create(Account account) {
        expire();
        WebSession s = new WebSession(token(), account, token(), clock.instant());
        sessions.put(s.id(), s);
        return s;
    }

    /** The live session of this id, its idle clock restarted; an expired one is removed. */
    Optional<WebSession> find(String id) {
        if (id == null) return Optional.empty();
        WebSession s = sessions.get(id);
        if (s == null) return Optional.empty();
        Instant now = clock.instant();
        if (s.lastSeen().plus(timeout).isBefore(now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        WebSession touched = new WebSession(s.id(), s.account(), s.csrfToken(), now);
        sessions.replace(id, s, touched);
        return Optional.of(touched);
    }

    void remove(String id) { if (id != null) sessions.remove(id); }

    /** Drops sessions idle past the timeout (called at each login, so the map stays small). */
    private void expire() {
        Instant limit = clock.instant().minus(timeout);
        sessions.values().removeIf(s -> s.lastSeen().isBefore(limit));
    }

    int maxAgeSeconds() { return (int) Math.min(Integer.MAX_VALUE, timeout.toSeconds()); }

    /** 256 random bits, URL-safe. */
    static String token() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }
}
