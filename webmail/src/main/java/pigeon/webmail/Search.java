package pigeon.webmail;

import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import pigeon.store.Mailboxes;
import pigeon.store.MessageEntry;
import pigeon.store.MessageSummary;

/**
 * A folder search: every word must occur (case-insensitively) in from, to, cc, subject or the
 * body text. The header fields come from the store's summaries; only messages they do not settle
 * are opened and their text parts decoded (by Jakarta Mail, HTML reduced to its text).
 */
final class Search {
    private final String[] words;
    private final Mailboxes mailboxes;

    Search(String query, Mailboxes mailboxes) {
        this.words = query.toLowerCase(Locale.ROOT).trim().split("\\s+");
        this.mailboxes = mailboxes;
    }

    boolean matches(MessageEntry e, MessageSummary s) {
        String headers = s == null ? "" : (nz(s.from()) + "\n" + nz(s.to()) + "\n" + nz(s.cc()) + "\n" + nz(s.subject())).toLowerCase(Locale.ROOT);
        String body = null;
        for (String w : words) {
            if (headers.contains(w)) continue;
            if (body == null) body = body(e);
            if (!body.contains(w)) return false;
        }
        return true;
    }

    private String body(MessageEntry e) {
        try (InputStream in = mailboxes.openContent(e.messageId())) {
            MessageView v = MessageView.of(in);
            return (v.text().orElse("") + "\n" + v.html().map(HtmlSanitizer::text).orElse("")).toLowerCase(Locale.ROOT);
        } catch (IOException | RuntimeException x) {
            return "";
        }
    }

    private static String nz(String s) { return s == null ? "" : s; }
}
