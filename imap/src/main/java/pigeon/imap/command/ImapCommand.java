package pigeon.imap.command;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A parsed IMAP command (RFC 9051 §6, RFC 3501 §6, and the extensions the server advertises). Every
 * record carries the client's tag. Mailbox names are the strings as sent (before modified UTF-7 or
 * INBOX handling, see {@link MailboxNames}); sequence sets may hold {@code *} and {@code $}. Which
 * states a command is valid in is the session's business. {@code toString()} never shows a password
 * or a SASL response. IDLE's {@code DONE} is not a command: the session reads it.
 *
 * <p>(Inside this file {@code List} is the LIST command; lists are spelled {@code java.util.List}.)
 */
public sealed interface ImapCommand {
    String tag();

    // --- any state (RFC 9051 §6.1) ---
    record Capability(String tag) implements ImapCommand {}
    record Noop(String tag) implements ImapCommand {}
    record Logout(String tag) implements ImapCommand {}
    /** RFC 5161. Capability names are upper-cased. */
    record Enable(String tag, java.util.List<String> capabilities) implements ImapCommand {
        public Enable { capabilities = java.util.List.copyOf(capabilities); }
    }
    /**
     * RFC 2971. {@code params} is empty for {@code ID NIL}; otherwise the field/value pairs in order,
     * a NIL value being an empty Optional.
     */
    record Id(String tag, Optional<Map<String, Optional<String>>> params) implements ImapCommand {}

    // --- not authenticated (RFC 9051 §6.2) ---
    record Starttls(String tag) implements ImapCommand {}
    record Login(String tag, String user, String password) implements ImapCommand {
        @Override public String toString() { return "Login[tag=" + tag + ", user=" + user + ", password=***]"; }
    }
    /**
     * @param mechanism       upper-cased SASL mechanism name
     * @param initialResponse RFC 4959 SASL-IR: the base64 text as sent, {@code "="} for an empty response
     */
    record Authenticate(String tag, String mechanism, Optional<String> initialResponse) implements ImapCommand {
        @Override public String toString() {
            return "Authenticate[tag=" + tag + ", mechanism=" + mechanism + (initialResponse.isPresent() ? ", ***" : "") + "]";
        }
    }

    // --- authenticated (RFC 9051 §6.3) ---
    /** RFC 2342. */
    record Namespace(String tag) implements ImapCommand {}
    /**
     * @param condstore the CONDSTORE select parameter (RFC 7162 §3.1.8)
     * @param qresync   the QRESYNC select parameter (RFC 7162 §3.2.5)
     */
    record Select(String tag, String mailbox, boolean condstore, Optional<QResync> qresync) implements ImapCommand {}
    record Examine(String tag, String mailbox, boolean condstore, Optional<QResync> qresync) implements ImapCommand {}
    /** @param specialUse RFC 6154 §3 {@code USE (…)} attributes, canonical case for the known ones */
    record Create(String tag, String mailbox, java.util.List<String> specialUse) implements ImapCommand {
        public Create { specialUse = java.util.List.copyOf(specialUse); }
    }
    record Delete(String tag, String mailbox) implements ImapCommand {}
    record Rename(String tag, String from, String to) implements ImapCommand {}
    record Subscribe(String tag, String mailbox) implements ImapCommand {}
    record Unsubscribe(String tag, String mailbox) implements ImapCommand {}
    /**
     * LIST, basic or extended (RFC 9051 §6.3.9, RFC 5258, RFC 5819 LIST-STATUS, RFC 6154 SPECIAL-USE).
     *
     * @param patterns   one or more mailbox patterns ({@code %}, {@code *} wildcards)
     * @param selection  selection options; RECURSIVEMATCH only comes with SUBSCRIBED or SPECIAL-USE
     * @param returns    return options; STATUS is present exactly when {@code statusItems} isn't empty
     * @param extended   whether the extended syntax was used (selection options, several patterns or RETURN)
     */
    record List(String tag, String reference, java.util.List<String> patterns, Set<ListSelectOption> selection,
                Set<ListReturnOption> returns, java.util.List<StatusItem> statusItems, boolean extended) implements ImapCommand {
        public List {
            patterns = java.util.List.copyOf(patterns);
            selection = Set.copyOf(selection);
            returns = Set.copyOf(returns);
            statusItems = java.util.List.copyOf(statusItems);
            if (returns.contains(ListReturnOption.STATUS) == statusItems.isEmpty())
                throw new IllegalArgumentException("STATUS return option and status items go together");
        }
    }
    /** RFC 3501 §6.3.9. */
    record Lsub(String tag, String reference, String pattern) implements ImapCommand {}
    /** @param items the requested items, in order, without repeats */
    record Status(String tag, String mailbox, java.util.List<StatusItem> items) implements ImapCommand {
        public Status { items = java.util.List.copyOf(items); }
    }
    /**
     * One message of an APPEND (RFC 3502 {@code append-message}): the first is in {@link Append}, the
     * ones after it come from {@link AppendData#next()}.
     */
    record AppendMessage(java.util.List<Flag> flags, Optional<OffsetDateTime> date, boolean utf8, AppendData data) {
        public AppendMessage { flags = java.util.List.copyOf(flags); }
    }

    /**
     * @param date    the internal date to give the message, if the client named one
     * @param utf8    RFC 6855 §4 {@code UTF8 (~{n})}: the message may contain UTF-8 headers
     * @param data    the message octets (or RFC 4469 CATENATE parts), still on the wire: see {@link MessageLiteral}
     */
    record Append(String tag, String mailbox, java.util.List<Flag> flags, Optional<OffsetDateTime> date, boolean utf8,
                  AppendData data) implements ImapCommand {
        public Append { flags = java.util.List.copyOf(flags); }

        /** The first message; more may follow through {@link AppendData#next()} (MULTIAPPEND). */
        public AppendMessage first() { return new AppendMessage(flags, date, utf8, data); }

        /** The first message's literal, when it is one (not a CATENATE). */
        public MessageLiteral literal() {
            if (data instanceof MessageLiteral l) return l;
            throw new IllegalStateException("a CATENATE, not a message literal");
        }
    }
    /** RFC 2177. The session then reads lines until {@code DONE}. */
    record Idle(String tag) implements ImapCommand {}

    // --- selected (RFC 9051 §6.4) ---
    /** RFC 3501 §6.4.1 (removed in RFC 9051, where it is NOOP). */
    record Check(String tag) implements ImapCommand {}
    record Close(String tag) implements ImapCommand {}
    /** RFC 3691. */
    record Unselect(String tag) implements ImapCommand {}
    record Expunge(String tag) implements ImapCommand {}
    /** {@code UID EXPUNGE set} (RFC 4315 §2.1). */
    record UidExpunge(String tag, SequenceSet set) implements ImapCommand {}
    /**
     * @param charset       the CHARSET argument, if any (strings in {@code key} are already decoded with it
     *                      when Java supports it; the session answers NO [BADCHARSET] when it doesn't)
     * @param returnOptions RFC 4731: absent without RETURN (a SEARCH response), else the options
     *                      (empty for {@code RETURN ()}, which means ALL)
     * @param partial       RFC 9394: PARTIAL's range, present exactly when {@code returnOptions} holds PARTIAL
     * @param key           the criteria: one key, or an {@link SearchKey.And} of several
     */
    record Search(String tag, boolean uid, Optional<String> charset, Optional<Set<SearchReturn>> returnOptions,
                  Optional<PartialRange> partial, SearchKey key) implements ImapCommand {
        public Search {
            returnOptions = returnOptions.map(Set::copyOf);
            checkPartial(returnOptions, partial);
        }

        public Search(String tag, boolean uid, Optional<String> charset, Optional<Set<SearchReturn>> returnOptions, SearchKey key) {
            this(tag, uid, charset, returnOptions, Optional.empty(), key);
        }
    }
    /**
     * RFC 5256 §3.
     *
     * @param returnOptions RFC 5267 ESORT: absent without RETURN (a SORT response), else the options
     *                      (empty for {@code RETURN ()}, which means ALL); SAVE is RFC 5182 §2.4's
     * @param partial       RFC 9394: PARTIAL's range, present exactly when {@code returnOptions} holds PARTIAL
     */
    record Sort(String tag, boolean uid, Optional<Set<SearchReturn>> returnOptions, Optional<PartialRange> partial,
                java.util.List<SortCriterion> criteria, String charset, SearchKey key) implements ImapCommand {
        public Sort {
            returnOptions = returnOptions.map(Set::copyOf);
            checkPartial(returnOptions, partial);
            criteria = java.util.List.copyOf(criteria);
        }

        public Sort(String tag, boolean uid, Optional<Set<SearchReturn>> returnOptions, java.util.List<SortCriterion> criteria,
                    String charset, SearchKey key) {
            this(tag, uid, returnOptions, Optional.empty(), criteria, charset, key);
        }
    }

    private static void checkPartial(Optional<Set<SearchReturn>> returnOptions, Optional<PartialRange> partial) {
        if (returnOptions.map(o -> o.contains(SearchReturn.PARTIAL)).orElse(false) != partial.isPresent())
            throw new IllegalArgumentException("PARTIAL and its range go together");
    }
    /** RFC 5256 §3. {@code algorithm} is upper-cased (ORDEREDSUBJECT, REFERENCES, or another the session refuses). */
    record Thread(String tag, boolean uid, String algorithm, String charset, SearchKey key) implements ImapCommand {}
    /**
     * @param items        the data items, the macros ALL/FAST/FULL expanded; UID FETCH does not add UID here
     * @param changedSince RFC 7162 §3.1.4 CHANGEDSINCE modifier
     * @param vanished     RFC 7162 §3.2.6 VANISHED modifier (only with UID FETCH and CHANGEDSINCE)
     * @param partial      RFC 9394 §3.2 PARTIAL modifier: only the messages at these positions among those the set
     *                     (and CHANGEDSINCE) chose
     */
    record Fetch(String tag, boolean uid, SequenceSet set, java.util.List<FetchItem> items, OptionalLong changedSince,
                 boolean vanished, Optional<PartialRange> partial) implements ImapCommand {
        public Fetch { items = java.util.List.copyOf(items); }

        public Fetch(String tag, boolean uid, SequenceSet set, java.util.List<FetchItem> items, OptionalLong changedSince, boolean vanished) {
            this(tag, uid, set, items, changedSince, vanished, Optional.empty());
        }
    }
    /** @param unchangedSince RFC 7162 §3.1.3 UNCHANGEDSINCE modifier (0 allowed) */
    record Store(String tag, boolean uid, SequenceSet set, OptionalLong unchangedSince, StoreMode mode, boolean silent,
                 java.util.List<Flag> flags) implements ImapCommand {
        public Store { flags = java.util.List.copyOf(flags); }
    }
    record Copy(String tag, boolean uid, SequenceSet set, String mailbox) implements ImapCommand {}
    /** RFC 5267 §4.3: {@code CANCELUPDATE "tag" *(SP "tag")}. */
    record CancelUpdate(String tag, java.util.List<String> tags) implements ImapCommand {
        public CancelUpdate { tags = java.util.List.copyOf(tags); }
    }
    /** RFC 6851. */
    record Move(String tag, boolean uid, SequenceSet set, String mailbox) implements ImapCommand {}
}
