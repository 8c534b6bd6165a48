package pigeon.webmail;

import static org.junit.jupiter.api.Assertions.*;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import pigeon.protocol.delivery.MailAddress;
import pigeon.store.Account;

/** Idle sessions end; failed logins are counted per address and per user within the window. */
class SessionsTest {
    /** A clock the test moves by hand. */
    private static final class ManualClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
        @Override public Clock withZone(java.time.ZoneId zone) { return this; }
        @Override public Instant instant() { return now; }
    }

    private final ManualClock clock = new ManualClock();
    private final Account alice = new Account(1, MailAddress.parse("alice@example.test"));

    @Test void sessionsEndAfterTheIdleTimeoutButNotWhileUsed() {
        Sessions s = new Sessions(Duration.ofMinutes(30), clock);
        Sessions.WebSession a = s.create(alice);
        assertNotEquals(a.id(), a.csrfToken());
        clock.now = clock.now.plus(Duration.ofMinutes(20));
        assertTrue(s.find(a.id()).isPresent(), "used after 20 minutes: the idle clock restarts");
        clock.now = clock.now.plus(Duration.ofMinutes(25));
        assertTrue(s.find(a.id()).isPresent());
        clock.now = clock.now.plus(Duration.ofMinutes(31));
        assertTrue(s.find(a.id()).isEmpty(), "idle for 31 minutes");
        assertTrue(s.find("made-up").isEmpty());
        assertTrue(s.find(null).isEmpty());
    }
}
