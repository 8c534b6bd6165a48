package pigeon.webmail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetHeaders;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import pigeon.store.Flag;
import pigeon.store.MailboxInfo;
import pigeon.store.Mailboxes;
import pigeon.store.MessageEntry;
import pigeon.store.MessageSummary;

/** One page of a folder's messages, newest first, optionally only those matching a search. */
final class MessageList {
    /** Enough of a message's start to read its top-level Content-Type. */
    private static final int HEADER_PEEK = 16 * 1024;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT),
            DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ROOT), FULL = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ROOT),
            LONG = DateTimeFormatter.ofPattern("EEE, d MMM yyyy HH:mm", Locale.ROOT);

    record Row(long uid, String from, String subject, String date, String size, boolean unread, boolean flagged,
               boolean attachment, boolean answered) {}

    record Page(List<Row> rows, int page, int pages, int total) {}

    private final Mailboxes mailboxes;
    private final int pageSize;
    private final ZoneId zone;

    MessageList(Mailboxes mailboxes, int pageSize, ZoneId zone) {
        this.mailboxes = mailboxes;
        this.pageSize = pageSize;
        this.zone = zone;
    }

    Page page(MailboxInfo box, int page, String query) {
        List<MessageEntry> entries = new ArrayList<>(mailboxes.entries(box.id()));
        entries.sort(Comparator.comparingLong(MessageEntry::uid).reversed());  // newest (highest UID) first
        Map<Long, MessageSummary> summaries;
        if (query != null && !query.isBlank()) {
            summaries = mailboxes.summaries(entries.stream().map(MessageEntry::messageId).toList());
            Search search = new Search(query, mailboxes);
            entries.removeIf(e -> !search.matches(e, summaries.get(e.messageId())));
        } else {
            summaries = null;
        }
        int total = entries.size(), pages = Math.max(1, (total + pageSize - 1) / pageSize);
        int p = Math.min(Math.max(page, 1), pages);
        List<MessageEntry> slice = entries.subList(Math.min(total, (p - 1) * pageSize), Math.min(total, p * pageSize));
        Map<Long, MessageSummary> s = summaries != null ? summaries
                : mailboxes.summaries(slice.stream().map(MessageEntry::messageId).collect(Collectors.toSet()));
        List<Row> rows = new ArrayList<>(slice.size());
        Map<Long, Boolean> attachments = new HashMap<>();
        for (MessageEntry e : slice) {
            MessageSummary m = s.get(e.messageId());
            Instant when = m == null ? e.internalDate().toInstant() : m.sentDate().orElse(e.internalDate().toInstant());
            rows.add(new Row(e.uid(), m == null || m.from() == null ? "(nobody)" : shortName(m.from()),
                    m == null || m.subject() == null || m.subject().isBlank() ? "(no subject)" : m.subject(),
                    date(when), size(e.size()), !e.flags().contains(Flag.SEEN), e.flags().contains(Flag.FLAGGED),
                    attachments.computeIfAbsent(e.messageId(), this::hasAttachments), e.flags().contains(Flag.ANSWERED)));
        }
        return new Page(rows, p, pages, total);
    }

    /**
     * A top-level multipart/mixed (or a single part that is neither text nor multipart) is what
     * mail clients send attachments as; read from the header only, parsed by Jakarta Mail.
     */
    private boolean hasAttachments(long messageId) {
        try (InputStream in = mailboxes.openContent(messageId, 0, HEADER_PEEK)) {
            String[] ct = new InternetHeaders(in).getHeader("Content-Type");
            if (ct == null) return false;
            String type = new jakarta.mail.internet.ContentType(ct[0]).getBaseType().toLowerCase(Locale.ROOT);
            return type.equals("multipart/mixed") || !(type.startsWith("text/") || type.startsWith("multipart/"));
        } catch (IOException | MessagingException | RuntimeException e) {
            return false;
        }
    }

    /** "Bob Smith" for "Bob Smith <bob@example.org>"; the address when there is no name. */
    static String shortName(String from) {
        List<jakarta.mail.internet.InternetAddress> a = MessageView.parsed(from);
        if (a.isEmpty()) return from;
        String personal = a.get(0).getPersonal();
        return personal != null && !personal.isBlank() ? personal : a.get(0).getAddress();
    }

    String date(Instant i) {
        var t = i.atZone(zone);
        LocalDate today = LocalDate.now(zone);
        if (t.toLocalDate().equals(today)) return TIME.format(t);
        return t.getYear() == today.getYear() ? DAY.format(t) : FULL.format(t);
    }

    /** Date and time in full, for a message's own page. */
    String longDate(Instant i) { return LONG.format(i.atZone(zone)); }

    static String size(long octets) {
        if (octets < 1024) return octets + " B";
        if (octets < 1024 * 1024) return (octets + 512) / 1024 + " KB";
        return String.format(Locale.ROOT, "%.1f MB", octets / 1048576.0);
    }
}
