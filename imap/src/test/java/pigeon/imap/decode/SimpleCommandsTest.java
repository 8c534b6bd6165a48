package pigeon.imap.decode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static pigeon.imap.decode.Parse.command;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import pigeon.imap.command.ImapCommand.*;

class SimpleCommandsTest {

    @Test void commandsWithoutArgumentsInAnyCase() {
        assertEquals(new Capability("a1"), command("a1 CAPABILITY"));
        assertEquals(new Capability("a1"), command("a1 capability"));
        assertEquals(new Noop("x"), command("x NoOp"));
        assertEquals(new Logout("3"), command("3 LOGOUT"));
        assertEquals(new Starttls("a"), command("a starttls"));
        assertEquals(new Namespace("a"), command("a NAMESPACE"));
        assertEquals(new Idle("a"), command("a idle"));
        assertEquals(new Check("a"), command("a CHECK"));
        assertEquals(new Close("a"), command("a CLOSE"));
        assertEquals(new Unselect("a"), command("a UNSELECT"));
        assertEquals(new Expunge("a"), command("a expunge"));
    }

    @Test void tagsMayBeAnyAstringCharExceptPlus() {
        assertEquals(new Noop("A0001"), command("A0001 NOOP"));
        assertEquals(new Noop("a]b.c-d_e$f!g"), command("a]b.c-d_e$f!g NOOP"));
        assertEquals(new Noop("12345"), command("12345 NOOP"));
    }

    @Test void login() {
        assertEquals(new Login("a1", "alice@localhost", "secret"), command("a1 LOGIN alice@localhost secret"));
        assertEquals(new Login("a1", "alice", "pa ss\"w\\d"), command("a1 login \"alice\" \"pa ss\\\"w\\\\d\""));
        assertEquals(new Login("a1", "", ""), command("a1 LOGIN \"\" \"\""));
        assertEquals(new Login("a1", "jörg", "pässwörd"), command("a1 LOGIN \"jörg\" \"pässwörd\""), "UTF-8 in quoted strings (RFC 9051)");
        assertEquals(new Login("a1", "a]b", "x"), command("a1 LOGIN a]b x"), "']' is an ASTRING-CHAR");
        assertFalse(command("a1 LOGIN alice hunter2").toString().contains("hunter2"), "never shows the password");
    }

    @Test void authenticateWithAndWithoutInitialResponse() {
        assertEquals(new Authenticate("a", "PLAIN", Optional.empty()), command("a authenticate plain"));
        String ir = "AGFsaWNlAHNlY3JldA==";
        assertEquals(new Authenticate("a", "PLAIN", Optional.of(ir)), command("a AUTHENTICATE PLAIN " + ir));
        assertEquals(new Authenticate("a", "PLAIN", Optional.of("=")), command("a AUTHENTICATE PLAIN ="), "RFC 4959: = is an empty response");
        assertFalse(command("a AUTHENTICATE PLAIN " + ir).toString().contains(ir));
    }

    @Test void enable() {
        assertEquals(new Enable("a", List.of("UTF8=ACCEPT")), command("a ENABLE utf8=accept"));
        assertEquals(new Enable("a", List.of("CONDSTORE", "QRESYNC")), command("a ENABLE CONDSTORE QRESYNC"));
    }

    @Test void id() {
        Map<String, Optional<String>> params = new LinkedHashMap<>();
        params.put("name", Optional.of("Thunderbird"));
        params.put("version", Optional.of("153.0"));
        params.put("vendor", Optional.empty());
        Id id = command("a ID (\"name\" \"Thunderbird\" \"version\" \"153.0\" \"vendor\" NIL)", Id.class);
        assertEquals(Optional.of(params), id.params());
        assertEquals(List.of("name", "version", "vendor"), List.copyOf(id.params().orElseThrow().keySet()), "order kept");
        assertEquals(new Id("a", Optional.empty()), command("a ID NIL"));
        assertEquals(new Id("a", Optional.of(Map.of())), command("a id ()"));
    }

    @Test void mailboxCommandsKeepNamesAsSent() {
        assertEquals(new Delete("a", "Trash"), command("a DELETE Trash"));
        assertEquals(new Subscribe("a", "Sent"), command("a subscribe \"Sent\""));
        assertEquals(new Unsubscribe("a", "inbox"), command("a UNSUBSCRIBE inbox"));
        assertEquals(new Rename("a", "Entw&APw-rfe", "Drafts"), command("a RENAME Entw&APw-rfe Drafts"));
        assertEquals(new Create("a", "Archive/2024", List.of()), command("a CREATE \"Archive/2024\""));
        assertEquals(new Lsub("a", "", "*"), command("a lsub \"\" \"*\""));
        assertEquals(new Lsub("a", "", "%"), command("a LSUB \"\" %"));
    }

    @Test void uidExpungeCopyMove() {
        assertEquals(new UidExpunge("a", pigeon.imap.command.SequenceSet.parse("3:5,9")), command("a UID EXPUNGE 3:5,9"));
        Copy copy = command("a uid copy 1:* \"Archive\"", Copy.class);
        assertTrue(copy.uid());
        assertEquals("1:*", copy.set().toString());
        assertEquals("Archive", copy.mailbox());
        assertEquals(new Move("a", false, pigeon.imap.command.SequenceSet.parse("2"), "Trash"), command("a MOVE 2 Trash"));
        assertTrue(command("a UID MOVE 2 Trash", Move.class).uid());
    }
}
