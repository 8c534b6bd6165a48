package pigeon.webmail;

import io.javalin.http.Context;
import io.javalin.http.HttpResponseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import pigeon.store.Account;
import pigeon.store.Flag;
import pigeon.store.MailboxInfo;
import pigeon.store.Mailboxes.FlagMode;

/**
 * Moving, deleting and flagging messages, and creating, renaming and deleting folders: each one
 * store call, whose change event reaches IMAP sessions (and other browsers) at once.
 */
final class OrganiseRoutes {
    private final AccountMail mail;
    private final MailRoutes read;
    private final Pages pages;
    private final Push push;

    OrganiseRoutes(AccountMail mail, MailRoutes read, Pages pages, Push push) {
        this.mail = mail;
        this.read = read;
        this.pages = pages;
        this.push = push;
    }

    /** {@code op} on the selected {@code uid}s: read, unread, flag, unflag, move (to {@code target}), delete. */
    void act(Context ctx) {
        Account a = Security.session(ctx).account();
        MailboxInfo box = mail.mailbox(a, ctx.pathParam("box"));
        List<Long> uids = ctx.formParams("uid").stream().map(AccountMail::number).toList();
        String op = Optional.ofNullable(ctx.formParam("op")).orElse("");
        String back = Optional.ofNullable(ctx.formParam("back")).filter(b -> b.startsWith("/box/")).orElse("/box/" + box.id());
        if (uids.isEmpty()) {
            ctx.redirect(back);
            return;
        }
        switch (op) {
            case "read" -> flags(box, uids, FlagMode.ADD, Flag.SEEN);
            case "unread" -> flags(box, uids, FlagMode.REMOVE, Flag.SEEN);
            case "flag" -> flags(box, uids, FlagMode.ADD, Flag.FLAGGED);
            case "unflag" -> flags(box, uids, FlagMode.REMOVE, Flag.FLAGGED);
            case "move" -> {
                MailboxInfo target = mail.mailbox(a, ctx.formParam("target"));
                if (target.id() != box.id()) mail.mailboxes.move(box.id(), uids, target.id());
                back = "/box/" + box.id();
            }
            case "delete" -> {
                // From Trash for good; from anywhere else into Trash (or for good if there is none).
                Optional<MailboxInfo> trash = mail.special(a, "Trash");
                if (AccountMail.isTrash(box) || trash.isEmpty()) mail.mailboxes.expunge(box.id(), uids);
                else mail.mailboxes.move(box.id(), uids, trash.get().id());
                back = "/box/" + box.id();
            }
            default -> throw new HttpResponseException(400, "Unknown action.");
        }
        ctx.redirect(back);
    }

    private void flags(MailboxInfo box, List<Long> uids, FlagMode mode, Flag flag) {
        mail.mailboxes.setFlags(box.id(), uids, mode, Set.of(flag), Set.of(), OptionalLong.empty());
    }

    void page(Context ctx) { page(ctx, null); }

    private void page(Context ctx, String error) {
        Account a = Security.session(ctx).account();
        List<Map<String, Object>> folders = read.folders(a, -1);
        java.util.HashMap<String, Object> v = new java.util.HashMap<>();
        v.put("title", "Folders");
        v.put("folders", folders);
        v.put("editable", mail.list(a).stream().filter(m -> !m.name().equals("INBOX")).map(m -> Map.of("id", m.id(), "name", m.name())).toList());
        if (error != null) v.put("error", error);
        pages.render(ctx, "folders", v);
    }

    void create(Context ctx) {
        Account a = Security.session(ctx).account();
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").trim();
        try {
            push.know(mail.mailboxes.create(a.id(), name, Optional.empty()));
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            page(ctx, "Cannot create “" + name + "”: " + e.getMessage());
            return;
        }
        ctx.redirect("/folders");
    }

    void rename(Context ctx) {
        Account a = Security.session(ctx).account();
        MailboxInfo box = mail.mailbox(a, ctx.formParam("id"));
        String name = Optional.ofNullable(ctx.formParam("name")).orElse("").trim();
        try {
            mail.mailboxes.rename(box.id(), name);
            mail.list(a).forEach(push::know);  // renaming INBOX makes a new mailbox
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            page(ctx, "Cannot rename “" + box.name() + "”: " + e.getMessage());
            return;
        }
        ctx.redirect("/folders");
    }

    void delete(Context ctx) {
        Account a = Security.session(ctx).account();
        MailboxInfo box = mail.mailbox(a, ctx.formParam("id"));
        try {
            mail.mailboxes.delete(box.id());
        } catch (IllegalArgumentException e) {
            ctx.status(400);
            page(ctx, "Cannot delete “" + box.name() + "”: " + e.getMessage());
            return;
        }
        ctx.redirect("/folders");
    }
}
