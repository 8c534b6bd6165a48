package pigeon.imap.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.SearchKey;
import pigeon.imap.command.SequenceSet;
import pigeon.imap.command.StoreMode;
import pigeon.imap.session.CommandStates.Phase;
import pigeon.protocol.delivery.MailAddress;
import pigeon.store.Account;

class CommandStatesTest {
    private static final SequenceSet ONE = SequenceSet.single(1);

    @Test void anyStateCommands() {
        for (ImapCommand c : List.of(new ImapCommand.Capability("a"), new ImapCommand.Noop("a"), new ImapCommand.Logout("a"),
                new ImapCommand.Id("a", Optional.empty())))
            assertEquals(EnumSet.allOf(Phase.class), CommandStates.validIn(c), c.toString());
    }

    @Test void loginOnlyBeforeAuthentication() {
        assertEquals(EnumSet.of(Phase.NOT_AUTHENTICATED), CommandStates.validIn(new ImapCommand.Login("a", "u", "p")));
        assertEquals(EnumSet.of(Phase.NOT_AUTHENTICATED), CommandStates.validIn(new ImapCommand.Authenticate("a", "PLAIN", Optional.empty())));
    }

    @Test void enableOnlyInAuthenticatedState() {
        assertEquals(EnumSet.of(Phase.AUTHENTICATED), CommandStates.validIn(new ImapCommand.Enable("a", List.of("CONDSTORE"))));
    }

    @Test void mailboxCommandsInAuthenticatedAndSelected() {
        for (ImapCommand c : List.of(new ImapCommand.Select("a", "INBOX", false, Optional.empty()), new ImapCommand.Idle("a"),
                new ImapCommand.Create("a", "x", List.of()), new ImapCommand.Lsub("a", "", "*"), new ImapCommand.Namespace("a")))
            assertEquals(EnumSet.of(Phase.AUTHENTICATED, Phase.SELECTED), CommandStates.validIn(c), c.toString());
    }

    @Test void messageCommandsOnlyWhenSelected() {
        for (ImapCommand c : List.of(new ImapCommand.Fetch("a", false, ONE, List.of(), OptionalLong.empty(), false),
                new ImapCommand.Close("a"), new ImapCommand.Expunge("a"), new ImapCommand.UidExpunge("a", ONE),
                new ImapCommand.Copy("a", true, ONE, "x"), new ImapCommand.Check("a")))
            assertEquals(EnumSet.of(Phase.SELECTED), CommandStates.validIn(c), c.toString());
    }

    @Test void phaseOfEachState() {
        Account a = new Account(1, new MailAddress("a", "b.test"));
        assertEquals(Phase.NOT_AUTHENTICATED, CommandStates.phase(new ImapState.NotAuthenticated(0)));
        assertEquals(Phase.AUTHENTICATED, CommandStates.phase(new ImapState.Authenticated(a)));
    }

    @Test void wrongStateTexts() {
        assertEquals("Log in first", CommandStates.wrongState(Phase.NOT_AUTHENTICATED, EnumSet.of(Phase.SELECTED)));
        assertEquals("Already logged in", CommandStates.wrongState(Phase.SELECTED, EnumSet.of(Phase.NOT_AUTHENTICATED)));
        assertEquals("No mailbox selected", CommandStates.wrongState(Phase.AUTHENTICATED, EnumSet.of(Phase.SELECTED)));
    }

    /** RFC 9051 §7.5.1: no EXPUNGE after FETCH, STORE, SEARCH by sequence number; fine after UID forms and others. */
    @Test void expungesAllowedExceptAfterSequenceNumberCommands() {
        assertFalse(CommandStates.expungesAllowed(new ImapCommand.Fetch("a", false, ONE, List.of(), OptionalLong.empty(), false)));
        assertTrue(CommandStates.expungesAllowed(new ImapCommand.Fetch("a", true, ONE, List.of(), OptionalLong.empty(), false)));
        assertFalse(CommandStates.expungesAllowed(new ImapCommand.Store("a", false, ONE, OptionalLong.empty(), StoreMode.ADD, false, List.of())));
        assertTrue(CommandStates.expungesAllowed(new ImapCommand.Store("a", true, ONE, OptionalLong.empty(), StoreMode.ADD, false, List.of())));
        assertFalse(CommandStates.expungesAllowed(new ImapCommand.Search("a", false, Optional.empty(), Optional.empty(), new SearchKey.All())));
        assertTrue(CommandStates.expungesAllowed(new ImapCommand.Noop("a")));
        assertTrue(CommandStates.expungesAllowed(new ImapCommand.Idle("a")));
        assertTrue(CommandStates.expungesAllowed(new ImapCommand.Check("a")));
        assertTrue(CommandStates.expungesAllowed(new ImapCommand.Copy("a", false, ONE, "x")));
    }
}
