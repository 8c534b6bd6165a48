package pigeon.webmail;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import pigeon.store.Account;
import pigeon.store.Flag;
import pigeon.store.MailboxInfo;
import pigeon.store.Mailboxes;
import pigeon.store.Mailboxes.Counts;
import pigeon.store.Mailboxes.FlagMode;
import pigeon.store.MessageEntry;

/** Reading: the folder list with counts, a folder's messages, one message, its attachments. */
final class MailRoutes {
    private final AccountMail mail;
    private final MessageList list;
    private final Pages pages;

    MailRoutes(AccountMail mail, MessageList list, Pages pages) {
        this.mail = mail;
        this.list = list;
        this.pages = pages;
    }

    void home(Context ctx) { ctx.redirect("/box/" + mail.inbox(Security.session(ctx).account()).id()); }

    /** The folder sidebar: every mailbox with its unread count, the current one marked. */
    List<Map<String, Object>> folders(Account a, long current) {
        Map<Long, Counts> counts = mail.mailboxes.counts(a.id());
        List<Map<String, Object>> out = new ArrayList<>();
        for (MailboxInfo m : mail.list(a)) {
            Counts c = counts.getOrDefault(m.id(), new Counts(0, 0));
            out.add(Map.of("id", m.id(), "name", m.name(), "unseen", c.unseen() > 0 ? String.valueOf(c.unseen()) : "",
                    "current", m.id() == current, "depth", m.name().chars().filter(ch -> ch == Mailboxes.DELIMITER).count()));
        }
        return out;
    }

    void folder(Context ctx) {
        Account a = Security.session(ctx).account();
        MailboxInfo box = mail.mailbox(a, ctx.pathParam("box"));
        String q = Optional.ofNullable(ctx.queryParam("q")).orElse("").trim();
        int page = Optional.ofNullable(ctx.queryParam("page")).map(p -> { try { return Integer.parseInt(p); } catch (NumberFormatException e) { return 1; } }).orElse(1);
        MessageList.Page p = list.page(box, page, q);
        String base = "/box/" + box.id() + "?" + (q.isEmpty() ? "" : "q=" + URLEncoder.encode(q, StandardCharsets.UTF_8) + "&") + "page=";
        Map<String, Object> v = new HashMap<>();
        v.put("title", box.name());
        v.put("mailboxId", box.id());
        v.put("mailbox", box.name());
        v.put("isTrash", AccountMail.isTrash(box));
        v.put("folders", folders(a, box.id()));
        v.put("targets", mail.list(a).stream().filter(m -> m.id() != box.id()).map(m -> Map.of("id", m.id(), "name", m.name())).toList());
        v.put("rows", p.rows());
        v.put("empty", p.rows().isEmpty());
        v.put("q", q);
        v.put("total", p.total());
        v.put("page", p.page());
        v.put("pages", p.pages());
        if (p.page() > 1) v.put("prev", base + (p.page() - 1));
        if (p.page() < p.pages()) v.put("next", base + (p.page() + 1));
        pages.render(ctx, "folder", v);
    }

    /** One message; opening it marks it read (\Seen), which IMAP sessions see at once. */
    void message(Context ctx) throws IOException {
        Account a = Security.session(ctx).account();
        MailboxInfo box = mail.mailbox(a, ctx.pathParam("box"));
        long uid = AccountMail.number(ctx.pathParam("uid"));
        MessageEntry e = mail.entry(box, uid);
        if (!e.flags().contains(Flag.SEEN))
            mail.mailboxes.setFlags(box.id(), List.of(uid), FlagMode.ADD, Set.of(Flag.SEEN), Set.of(), OptionalLong.empty());
        MessageView view;
        try (InputStream in = mail.mailboxes.openContent(e.messageId())) {
            view = MessageView.of(in);
        }
        boolean images = "1".equals(ctx.queryParam("images"));
        Map<String, Object> v = new HashMap<>();
        v.put("title", view.subject().isBlank() ? "(no subject)" : view.subject());
        v.put("mailboxId", box.id());
        v.put("mailbox", box.name());
        v.put("uid", uid);
        v.put("ref", box.id() + ":" + uid);
        v.put("isTrash", AccountMail.isTrash(box));
        v.put("isDraft", e.flags().contains(Flag.DRAFT));
        v.put("flagged", e.flags().contains(Flag.FLAGGED));
        v.put("folders", folders(a, box.id()));
        v.put("targets", mail.list(a).stream().filter(m -> m.id() != box.id()).map(m -> Map.of("id", m.id(), "name", m.name())).toList());
        v.put("from", view.from());
        v.put("to", view.to());
        v.put("cc", view.cc());
        v.put("date", list.longDate(view.date().orElse(e.internalDate().toInstant())));
        v.put("size", MessageList.size(e.size()));
        if (view.html().isPresent()) {
            HtmlSanitizer.Clean clean = HtmlSanitizer.clean(view.html().get(), images);
            v.put("html", clean.html());
            if (clean.remoteImagesBlocked()) v.put("imagesBlocked", "/box/" + box.id() + "/" + uid + "?images=1");
            if (images) ctx.header("Content-Security-Policy", Pages.CSP_REMOTE_IMAGES);
        } else {
            v.put("text", view.text().orElse(""));
        }
        v.put("attachments", view.attachments().stream().map(at -> Map.of("name", at.filename(), "type", at.type(),
                "size", MessageList.size(at.size()), "url", "/box/" + box.id() + "/" + uid + "/part/" + at.index())).toList());
        v.put("hasAttachments", !view.attachments().isEmpty());
        pages.render(ctx, "message", v);
    }

    /**
     * An attachment, always as a download (never shown inline, so never run as our page), with its
     * declared type, and cached by the browser: a stored message never changes.
     */
    void part(Context ctx) throws IOException {
        Account a = Security.session(ctx).account();
        MailboxInfo box = mail.mailbox(a, ctx.pathParam("box"));
        long uid = AccountMail.number(ctx.pathParam("uid"));
        int index = (int) AccountMail.number(ctx.pathParam("part"));
        MessageEntry e = mail.entry(box, uid);
        if (Conditional.notModified(ctx, "\"m" + e.messageId() + "-" + index + "\"", e.internalDate().toInstant())) return;
        try (InputStream in = mail.mailboxes.openContent(e.messageId())) {
            MimeMessage m = MessageView.parse(in);
            Part p = MessageView.leaf(m, index).orElseThrow(() -> new HttpResponseException(404, "No such attachment."));
            var ct = MessageView.contentType(p);
            String type = ct.getBaseType().toLowerCase(java.util.Locale.ROOT);
            String charset = ct.getParameter("charset");
            String name = MessageView.filename(p).orElse("part-" + (index + 1));
            ctx.header("Content-Disposition", Disposition.attachment(name));
            ctx.header("Content-Security-Policy", "default-src 'none'; sandbox");
            ctx.contentType(type.startsWith("text/") && charset != null ? type + "; charset=" + charset.replaceAll("[^A-Za-z0-9._-]", "") : type);
            ctx.result(p.getInputStream().readAllBytes());
        } catch (MessagingException x) {
            throw new IOException(x);
        }
    }
}
