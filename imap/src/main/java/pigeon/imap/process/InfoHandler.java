package pigeon.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.session.Capabilities.Extension;
import pigeon.imap.session.ImapState;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SessionContext;

/** CAPABILITY, LOGOUT, ID, ENABLE and NAMESPACE: what the client learns about the server. */
final class InfoHandler {
    /** RFC 9051 §6.1.1. */
    Outcome capability(ImapCommand.Capability c, ImapState state, SessionContext ctx) throws IOException {
        ctx.out().untagged("CAPABILITY " + ctx.capabilities(!(state instanceof ImapState.NotAuthenticated)));
        return Outcome.ok(state, "CAPABILITY completed");
    }

    /** RFC 9051 §6.1.3: BYE, then the tagged OK, then the connection closes. */
    Outcome logout(ImapState state, SessionContext ctx) throws IOException {
        ctx.out().untagged("BYE Pigeon IMAP4rev2 server logging out");
        return Outcome.ok(new ImapState.LoggedOut(), "LOGOUT completed");
    }

    /**
     * RFC 2971 §3.3: {@code * ID ("name" "Pigeon" "version" "0.1")} — exactly this shape: a bad ID
     * reply has broken Outlook's login. What the client says about itself goes to the log only.
     */
    Outcome id(ImapState state, SessionContext ctx) throws IOException {
        ctx.out().untagged("ID (\"name\" \"Pigeon\" \"version\" \"0.1\")");
        return Outcome.ok(state, "ID completed");
    }

    /** RFC 5161: turns on what we know; names we don't know are ignored, as §3.1 says. */
    Outcome enable(ImapCommand.Enable e, ImapState state, SessionContext ctx) throws IOException {
        List<String> now = new ArrayList<>();
        for (String name : e.capabilities()) {
            Optional<Extension> ext = Extension.named(name);
            if (ext.isPresent() && ctx.enable(ext.get())) now.add(ext.get().wireName);
        }
        // RFC 5161 §3.1: ENABLED lists what this command enabled (possibly nothing)
        ctx.out().untagged(now.isEmpty() ? "ENABLED" : "ENABLED " + String.join(" ", now));
        return Outcome.ok(state, "ENABLE completed");
    }

    /** RFC 2342: one personal namespace with the "/" delimiter; no shared or other users' mailboxes. */
    Outcome namespace(ImapState state, SessionContext ctx) throws IOException {
        ctx.out().untagged("NAMESPACE ((\"\" \"/\")) NIL NIL");
        return Outcome.ok(state, "NAMESPACE completed");
    }
}
