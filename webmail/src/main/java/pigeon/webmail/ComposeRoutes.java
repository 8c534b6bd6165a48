package pigeon.webmail;

import io.javalin.http.Context;
import io.javalin.http.UploadedFile;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import pigeon.store.Account;
import pigeon.store.Flag;
import pigeon.store.MailboxInfo;
import pigeon.store.Mailboxes.FlagMode;
import pigeon.store.MessageEntry;
import pigeon.webmail.Draft.MessageRef;

/** Writing: new, reply, reply-all, forward and editing a draft; sending or saving as a draft. */
final class ComposeRoutes {
    private static final java.time.format.DateTimeFormatter WROTE =
            java.time.format.DateTimeFormatter.ofPattern("EEE, d MMM yyyy 'at' HH:mm", Locale.ROOT);

    private final AccountMail mail;
    private final Sender sender;
    private final MessageBuilder builder;
    private final Pages pages;

    ComposeRoutes(AccountMail mail, Sender sender, MessageBuilder builder, Pages pages) {
        this.mail = mail;
        this.sender = sender;
        this.builder = builder;
        this.pages = pages;
    }

    /** A stored message of this account, parsed, with its entry; 404 if it is not the account's. */
    private record Stored(MailboxInfo box, MessageEntry entry, MimeMessage mime, MessageView view) {}

    private Stored load(Account a, MessageRef ref) throws IOException {
        MailboxInfo box = mail.mailbox(a, ref.mailboxId());
        MessageEntry e = mail.entry(box, ref.uid());
        byte[] bytes;
        try (InputStream in = mail.mailboxes.openContent(e.messageId())) { bytes = in.readAllBytes(); }
        return new Stored(box, e, MessageView.parse(new java.io.ByteArrayInputStream(bytes)), MessageView.of(new java.io.ByteArrayInputStream(bytes)));
    }

    void form(Context ctx) throws IOException {
        Account a = Security.session(ctx).account();
        Map<String, Object> v = new HashMap<>();
        v.put("title", "Write");
        Optional<MessageRef> reply = MessageRef.parse(ctx.queryParam("reply")), forward = MessageRef.parse(ctx.queryParam("forward")),
                draft = MessageRef.parse(ctx.queryParam("draft"));
        if (reply.isPresent()) {
            MessageView o = load(a, reply.get()).view();
            String to = o.replyTo().isBlank() ? o.from() : o.replyTo();
            if ("1".equals(ctx.queryParam("all"))) {
                List<String> others = new ArrayList<>();
                for (InternetAddress x : MessageView.parsed(o.to() + (o.cc().isBlank() ? "" : ", " + o.cc())))
                    if (!x.getAddress().equalsIgnoreCase(a.address().toString()) && !to.toLowerCase(Locale.ROOT).contains(x.getAddress().toLowerCase(Locale.ROOT)))
                        others.add(x.toUnicodeString());
                v.put("cc", String.join(", ", others));
            }
            v.put("to", to);
            v.put("subject", o.subject().regionMatches(true, 0, "Re:", 0, 3) ? o.subject() : "Re: " + o.subject());
            v.put("body", "\n\nOn " + o.date().map(d -> WROTE.format(d.atZone(java.time.ZoneId.systemDefault()))).orElse("an earlier day")
                    + ", " + o.from() + " wrote:\n" + quote(bodyText(o)));
            v.put("inReplyTo", reply.get().toString());
        } else if (forward.isPresent()) {
            MessageView o = load(a, forward.get()).view();
            v.put("subject", "Fwd: " + o.subject());
            v.put("body", "\n\n-------- Forwarded message --------\nFrom: " + o.from() + "\nTo: " + o.to() + "\nSubject: " + o.subject()
                    + "\n\n" + bodyText(o));
            carry(v, forward.get(), o);
        } else if (draft.isPresent()) {
            Stored s = load(a, draft.get());
            MessageView o = s.view();
            v.put("to", o.to());
            v.put("cc", o.cc());
            v.put("bcc", Optional.ofNullable(header(s.mime(), "Bcc")).orElse(""));
            v.put("subject", o.subject());
            v.put("body", o.text().orElse(""));
            v.put("replacing", draft.get().uid());
            carry(v, draft.get(), o);
        } else {
            v.put("to", Optional.ofNullable(ctx.queryParam("to")).orElse(""));
        }
        pages.render(ctx, "compose", v);
    }

    private static void carry(Map<String, Object> v, MessageRef ref, MessageView o) {
        v.put("carry", ref.toString());
        v.put("hasCarried", !o.attachments().isEmpty());
        v.put("carried", o.attachments().stream().map(at -> Map.of("index", at.index(), "name", at.filename(), "size", MessageList.size(at.size()))).toList());
    }

    void submit(Context ctx) throws IOException, MessagingException {
        Account a = Security.session(ctx).account();
        Draft d = parse(ctx);
        boolean asDraft = "draft".equals(ctx.formParam("action"));
        try {
            Optional<MessageView> answered = Optional.empty();
            if (d.inReplyTo().isPresent()) answered = Optional.of(load(a, d.inReplyTo().get()).view());
            List<Part> carried = new ArrayList<>();
            if (d.carry().isPresent() && !d.keep().isEmpty()) {
                MimeMessage source = load(a, d.carry().get()).mime();
                for (int i : d.keep()) MessageView.leaf(source, i).ifPresent(carried::add);
            }
            InternetAddress from = new InternetAddress(a.address().toString());
            MimeMessage m = builder.build(d, from, answered, carried);
            if (asDraft) {
                sender.saveDraft(a, m);
            } else {
                sender.send(a, m, InetAddress.getByName(ctx.ip()));
                d.inReplyTo().ifPresent(r -> mail.mailboxes.setFlags(r.mailboxId(), List.of(r.uid()), FlagMode.ADD, Set.of(Flag.ANSWERED),
                        Set.of(), OptionalLong.empty()));
            }
            d.replacing().ifPresent(uid -> mail.special(a, "Drafts").ifPresent(drafts -> mail.mailboxes.expunge(drafts.id(), List.of(uid))));
            ctx.redirect(asDraft ? "/box/" + mail.special(a, "Drafts").map(MailboxInfo::id).orElse(mail.inbox(a).id())
                    : "/box/" + mail.inbox(a).id());
        } catch (AddressException e) {
            again(ctx, d, "Check the addresses: " + e.getRef());
        } catch (Sender.Refused e) {
            again(ctx, d, e.getMessage());
        }
    }

    /** The form once more, as typed, with what went wrong; nothing was sent or saved. */
    private void again(Context ctx, Draft d, String error) {
        Map<String, Object> v = new HashMap<>();
        v.put("title", "Write");
        v.put("error", error + (d.uploads().isEmpty() ? "" : " (Attach your files again.)"));
        v.put("to", d.to());
        v.put("cc", d.cc());
        v.put("bcc", d.bcc());
        v.put("subject", d.subject());
        v.put("body", d.body());
        d.inReplyTo().ifPresent(r -> v.put("inReplyTo", r.toString()));
        d.replacing().ifPresent(r -> v.put("replacing", r));
        ctx.status(400);
        pages.render(ctx, "compose", v);
    }

    private static Draft parse(Context ctx) throws IOException {
        List<Draft.Upload> uploads = new ArrayList<>();
        for (UploadedFile f : ctx.uploadedFiles("attachment")) {
            if (f.filename() == null || f.filename().isBlank()) continue;  // the empty file input
            try (InputStream in = f.content()) {
                String type = f.contentType() == null || f.contentType().isBlank() ? "application/octet-stream" : f.contentType();
                uploads.add(new Draft.Upload(Disposition.safeName(f.filename()), type, in.readAllBytes()));
            }
        }
        List<Integer> keep = ctx.formParams("keep").stream().map(k -> (int) AccountMail.number(k)).toList();
        Optional<Long> replacing = Security.nonBlank(ctx.formParam("replacing")).map(AccountMail::number);
        return new Draft(field(ctx, "to"), field(ctx, "cc"), field(ctx, "bcc"), field(ctx, "subject"), field(ctx, "body"), uploads,
                MessageRef.parse(ctx.formParam("inReplyTo")), MessageRef.parse(ctx.formParam("carry")), keep, replacing);
    }

    private static String field(Context ctx, String name) { return Optional.ofNullable(ctx.formParam(name)).orElse(""); }

    private static String bodyText(MessageView o) { return o.text().orElseGet(() -> o.html().map(HtmlSanitizer::text).orElse("")); }

    private static String quote(String text) {
        StringBuilder b = new StringBuilder();
        for (String line : text.split("\r?\n", -1)) b.append("> ").append(line).append('\n');
        return b.toString();
    }

    private static String header(MimeMessage m, String name) {
        try {
            return m.getHeader(name, ", ");
        } catch (MessagingException e) {
            return null;
        }
    }
}
