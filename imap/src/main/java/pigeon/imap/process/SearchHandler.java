package pigeon.imap.process;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import pigeon.imap.command.ImapCommand;
import pigeon.imap.command.SearchKey;
import pigeon.imap.command.SearchReturn;
import pigeon.imap.message.MessageView;
import pigeon.imap.mime.ImapStrings;
import pigeon.imap.search.SearchAnswer;
import pigeon.imap.search.SearchContext;
import pigeon.imap.search.SearchEngine;
import pigeon.imap.search.SearchResponses;
import pigeon.imap.search.Sorter;
import pigeon.imap.search.ThreadResponses;
import pigeon.imap.search.Threader;
import pigeon.imap.session.ImapException;
import pigeon.imap.session.ImapState.Selected;
import pigeon.imap.session.Outcome;
import pigeon.imap.session.SelectedMailbox;
import pigeon.imap.session.SessionContext;
import pigeon.store.MessageGoneException;

/**
 * SEARCH (RFC 9051 §6.4.4; ESEARCH RFC 4731; SAVE RFC 5182; MODSEQ RFC 7162 §3.1.5; OLDER/YOUNGER RFC 5032),
 * SORT (with ESORT's RETURN, RFC 5267) and THREAD (RFC 5256), plain and UID forms, over the {@link pigeon.imap.search} package;
 * RFC 5267's contexts (RETURN (UPDATE), CANCELUPDATE; kept in {@link pigeon.imap.session.SearchUpdates}) and
 * RFC 9394's RETURN (PARTIAL).
 *
 * <p>CHARSET: US-ASCII and UTF-8 (the two RFC 9051 requires); any other is {@code NO [BADCHARSET
 * (US-ASCII UTF-8)]}. Messages expunged elsewhere but not yet announced never match (their bytes may
 * be gone), though {@code *} still counts them; so does one expunged while the command reads it. A SEARCH with SAVE that fails leaves {@code $} empty
 * (RFC 5182 §2.1). An unknown THREAD algorithm is {@code BAD}: only those advertised are arguments.
 */
final class SearchHandler {
    private static final String BADCHARSET = "BADCHARSET (US-ASCII UTF-8)";

    Outcome search(ImapCommand.Search c, Selected state, SessionContext ctx) throws IOException, ImapException {
        SelectedMailbox m = state.mailbox();
        boolean save = c.returnOptions().map(o -> o.contains(SearchReturn.SAVE)).orElse(false);
        try {
            if (c.charset().isPresent()) checkCharset(c.charset().get());
            boolean update = keepsUpdated(c.tag(), c.returnOptions(), m, ctx);
            boolean modSeq = SearchEngine.usesModSeq(c.key());
            if (modSeq) MessageSets.enableCondstore(ctx, m);
            Set<Long> saved = Set.copyOf(m.savedResult());
            Found found = live(m, () -> matches(m, c.key()));
            SearchAnswer answer = SearchResponses.answer(c, found.matches, modSeq, ctx.rev2());
            for (String line : answer.untagged()) ctx.out().line(line);
            answer.saved().ifPresent(m::saveResult);
            if (update) m.contexts().add(c.tag(), c.uid(), c.key(), Optional.empty(), saved, found.matches, found.mark);
        } catch (ImapException | IOException | RuntimeException e) {
            if (save) m.saveResult(List.of());
            throw e;
        }
        return Outcome.ok(state, c.uid() ? "UID SEARCH completed" : "SEARCH completed");
    }

    Outcome sort(ImapCommand.Sort c, Selected state, SessionContext ctx) throws IOException, ImapException {
        checkCharset(c.charset());
        SelectedMailbox m = state.mailbox();
        boolean modSeq = SearchEngine.usesModSeq(c.key());
        if (modSeq) MessageSets.enableCondstore(ctx, m);
        Optional<Set<SearchReturn>> returns = c.returnOptions();
        boolean save = returns.map(o -> o.contains(SearchReturn.SAVE)).orElse(false);
        boolean update = keepsUpdated(c.tag(), returns, m, ctx);
        try {
            Set<Long> saved = Set.copyOf(m.savedResult());
            Found found = live(m, () -> {
                Found f = matches(m, c.key());
                return new Found(Sorter.sort(f.matches, c.criteria()), f.mark);  // sorting reads headers too
            });
            List<MessageView> sorted = found.matches;
            if (returns.isEmpty()) {
                ctx.out().line(SearchResponses.sort(sorted, c.uid(), modSeq));
            } else {
                // RFC 5267 §3.1: ESORT answers in one ESEARCH; RFC 5182 §2.4: SAVE keeps the set, whatever its order
                if (!returns.get().equals(Set.of(SearchReturn.SAVE)))
                    ctx.out().line(SearchResponses.esort(c.tag(), sorted, c.uid(), returns.get(), c.partial(), modSeq));
                if (save) m.saveResult(SearchResponses.savedUidsOfSort(sorted, returns.get(), c.partial()));
            }
            if (update) m.contexts().add(c.tag(), c.uid(), c.key(), Optional.of(c.criteria()), saved, sorted, found.mark);
        } catch (IOException | RuntimeException e) {
            if (save) m.saveResult(List.of());
            throw e;
        }
        return Outcome.ok(state, c.uid() ? "UID SORT completed" : "SORT completed");
    }

    Outcome thread(ImapCommand.Thread c, Selected state, SessionContext ctx) throws IOException, ImapException {
        if (!Threader.ALGORITHMS.contains(c.algorithm().toUpperCase(Locale.ROOT)))
            throw ImapException.bad("Unknown threading algorithm " + c.algorithm());
        checkCharset(c.charset());
        SelectedMailbox m = state.mailbox();
        if (SearchEngine.usesModSeq(c.key())) MessageSets.enableCondstore(ctx, m);
        ctx.out().line(ThreadResponses.thread(live(m, () -> Threader.thread(c.algorithm(), matches(m, c.key()).matches)), c.uid()));
        return Outcome.ok(state, c.uid() ? "UID THREAD completed" : "THREAD completed");
    }

    /** RFC 5267 §4.3: CANCELUPDATE ends the contexts of the tags named (NO, ending none, when one is not a context). */
    Outcome cancelUpdate(ImapCommand.CancelUpdate c, Selected state) throws ImapException {
        if (!state.mailbox().contexts().cancel(c.tags())) throw ImapException.no(null, "Unknown context tag");
        return Outcome.ok(state, "CANCELUPDATE completed");
    }

    /**
     * Whether the search is to be kept up to date (RETURN (UPDATE), RFC 5267 §4.3). A tag that already names a
     * context is BAD; past {@code imap.max-search-contexts} the server answers the search but says
     * {@code * NO [NOUPDATE "tag"]} (§4.3.1) and keeps nothing.
     */
    private static boolean keepsUpdated(String tag, Optional<Set<SearchReturn>> returns, SelectedMailbox m, SessionContext ctx)
            throws IOException, ImapException {
        if (!returns.map(o -> o.contains(SearchReturn.UPDATE)).orElse(false)) return false;
        if (m.contexts().has(tag)) throw ImapException.bad("Tag " + tag + " already names a context");
        if (!m.contexts().full()) return true;
        ctx.out().untagged("NO [NOUPDATE " + ImapStrings.quoted(tag) + "] Too many contexts, this one is not kept up to date");
        return false;
    }

    private static void checkCharset(String charset) throws ImapException {
        String name = charset.toUpperCase(Locale.ROOT);
        if (!name.equals("UTF-8") && !name.equals("US-ASCII")) throw ImapException.no(BADCHARSET, "Unsupported charset " + charset);
    }

    /** What a search found, and the highest MODSEQ of the messages it looked at (where a context's updates start). */
    private record Found(List<MessageView> matches, long mark) {}

    /** Work over the messages' contents. */
    private interface OverMessages<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work}; when a message's bytes are gone as it reads them (another session expunged it after
     * this command synced the view), learns that expunge and runs it again without the message, as the
     * view's unannounced expunges are left out. A few such races in a row end as the store failure.
     */
    private static <T> T live(SelectedMailbox m, OverMessages<T> work) throws IOException {
        for (int attempt = 1; ; attempt++) {
            try {
                return work.run();
            } catch (MessageGoneException e) {
                if (attempt == 3) throw e;
                m.resync();
            }
        }
    }

    /** The messages that match, in sequence order; {@code $} in the key is the saved result. */
    private static Found matches(SelectedMailbox m, SearchKey key) throws IOException {
        List<MessageView> all = m.all();
        long maxUid = all.isEmpty() ? 0 : all.getLast().uid();
        SearchContext context = new SearchContext(all.size(), maxUid, Set.copyOf(m.savedResult()));
        List<MessageView> live = new ArrayList<>(all.size());
        for (MessageView v : all) if (!m.isExpunged(v.uid())) live.add(v);
        return new Found(new SearchEngine().search(key, live, context), SearchResponses.highestModSeq(all).orElse(0));
    }
}
