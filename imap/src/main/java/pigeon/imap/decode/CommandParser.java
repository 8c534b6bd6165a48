package pigeon.imap.decode;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.ImapCommand.*;

/**
 * Dispatches on the command name (RFC 9051 §9 {@code command-any}, {@code command-auth},
 * {@code command-nonauth}, {@code command-select}, {@code uid}) and parses the small commands itself.
 * Stops after the last argument: the reader checks the line end.
 */
final class CommandParser {
    private final Cursor c;
    private final MailboxParser mailboxes;
    private final SearchParser search;
    private final FetchParser fetch;
    private final StoreParser store;
    private final AppendParser append;
    /** The command being parsed, for error texts ("UID FETCH: invalid sequence set"); null before. */
    String name;

    CommandParser(Cursor c, Continuation continuation) {
        this.c = c;
        this.mailboxes = new MailboxParser(c);
        this.search = new SearchParser(c);
        this.fetch = new FetchParser(c);
        this.store = new StoreParser(c);
        this.append = new AppendParser(c, continuation);
    }

    ImapCommand parse(String tag, String command) throws SyntaxException, IOException {
        name = command;
        return switch (command) {
            case "CAPABILITY" -> new Capability(tag);
            case "NOOP" -> new Noop(tag);
            case "LOGOUT" -> new Logout(tag);
            case "STARTTLS" -> new Starttls(tag);
            case "NAMESPACE" -> new Namespace(tag);
            case "IDLE" -> new Idle(tag);
            case "CHECK" -> new Check(tag);
            case "CLOSE" -> new Close(tag);
            case "UNSELECT" -> new Unselect(tag);
            case "EXPUNGE" -> new Expunge(tag);
            case "LOGIN" -> login(tag);
            case "AUTHENTICATE" -> authenticate(tag);
            case "ENABLE" -> enable(tag);
            case "ID" -> id(tag);
            case "CANCELUPDATE" -> cancelUpdate(tag);
            case "SELECT", "EXAMINE" -> mailboxes.select(tag, command.equals("EXAMINE"));
            case "CREATE" -> mailboxes.create(tag);
            case "DELETE" -> new Delete(tag, mailboxes.mailbox());
            case "SUBSCRIBE" -> new Subscribe(tag, mailboxes.mailbox());
            case "UNSUBSCRIBE" -> new Unsubscribe(tag, mailboxes.mailbox());
            case "RENAME" -> new Rename(tag, mailboxes.mailbox(), mailboxes.mailbox());
            case "LIST" -> mailboxes.list(tag);
            case "LSUB" -> mailboxes.lsub(tag);
            case "STATUS" -> mailboxes.status(tag);
            case "APPEND" -> append.append(tag);
            case "SEARCH" -> search.search(tag, false);
            case "SORT" -> search.sort(tag, false);
            case "THREAD" -> search.thread(tag, false);
            case "FETCH" -> fetch.fetch(tag, false);
            case "STORE" -> store.store(tag, false);
            case "COPY" -> store.copy(tag, false);
            case "MOVE" -> store.move(tag, false);
            case "UID" -> uid(tag);
            default -> {
                name = null;
                throw SyntaxException.general("Unknown command");
            }
        };
    }

    /** RFC 9051 {@code uid}, plus RFC 4315 UID EXPUNGE, RFC 6851 UID MOVE, RFC 5256 UID SORT/THREAD. */
    private ImapCommand uid(String tag) throws SyntaxException, IOException {
        c.sp();
        String sub = c.keyword("command name");
        name = "UID " + sub;
        return switch (sub) {
            case "FETCH" -> fetch.fetch(tag, true);
            case "STORE" -> store.store(tag, true);
            case "COPY" -> store.copy(tag, true);
            case "MOVE" -> store.move(tag, true);
            case "SEARCH" -> search.search(tag, true);
            case "SORT" -> search.sort(tag, true);
            case "THREAD" -> search.thread(tag, true);
            case "EXPUNGE" -> store.uidExpunge(tag);
            default -> {
                name = "UID";
                throw SyntaxException.of("unknown UID command");
            }
        };
    }

    private Login login(String tag) throws SyntaxException, IOException {
        c.sp();
        String user = c.astring("user name");
        c.sp();
        return new Login(tag, user, c.astring("password"));
    }

    /** RFC 9051 {@code authenticate}; the initial response is RFC 4959's {@code (base64 / "=")}. */
    private Authenticate authenticate(String tag) throws SyntaxException {
        c.sp();
        String mechanism = c.keyword("mechanism");
        if (!c.tryChar(' ')) return new Authenticate(tag, mechanism, Optional.empty());
        String response = c.atom("initial response");
        if (!response.equals("=") && !isBase64(response)) throw SyntaxException.of("invalid initial response");
        return new Authenticate(tag, mechanism, Optional.of(response));
    }

    /** RFC 9051 {@code base64}: groups of four, padding only at the end. */
    private static boolean isBase64(String s) {
        if (s.isEmpty() || s.length() % 4 != 0) return false;
        int pad = s.endsWith("==") ? 2 : s.endsWith("=") ? 1 : 0;
        for (int i = 0; i < s.length() - pad; i++) {
            char ch = s.charAt(i);
            if (!(ch >= 'A' && ch <= 'Z' || ch >= 'a' && ch <= 'z' || ch >= '0' && ch <= '9' || ch == '+' || ch == '/')) return false;
        }
        return true;
    }

    /** RFC 5161: {@code ENABLE 1*(SP capability)}. */
    private Enable enable(String tag) throws SyntaxException {
        List<String> caps = new ArrayList<>();
        do {
            c.sp();
            caps.add(c.keyword("capability"));
        } while (!c.atEnd());
        return new Enable(tag, caps);
    }

    /** RFC 5267 §4.3: {@code CANCELUPDATE SP tag-string *(SP tag-string)}, {@code tag-string = string}. */
    private CancelUpdate cancelUpdate(String tag) throws SyntaxException, IOException {
        List<String> tags = new ArrayList<>();
        do {
            c.sp();
            tags.add(c.string("tag"));
        } while (!c.atEnd());
        return new CancelUpdate(tag, tags);
    }

    /** RFC 2971: {@code ID ("name" "value" …)} or {@code ID NIL}; field names are strings, values nstrings. */
    private Id id(String tag) throws SyntaxException, IOException {
        c.sp();
        if (c.tryNil()) return new Id(tag, Optional.empty());
        c.expect('(');
        Map<String, Optional<String>> params = new LinkedHashMap<>();
        if (!c.tryChar(')')) {
            do {
                String field = c.string("field name");
                c.sp();
                params.putIfAbsent(field, c.nstring("field value"));
            } while (c.tryChar(' '));
            c.expect(')');
        }
        return new Id(tag, Optional.of(Collections.unmodifiableMap(params)));
    }
}
