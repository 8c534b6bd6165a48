package pigeon.webmail;

import jakarta.activation.DataHandler;
import jakarta.mail.Message.RecipientType;
import jakarta.mail.MessagingException;
import jakarta.mail.Part;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Builds the RFC 5322 message for a {@link Draft} with Jakarta Mail: text, then attachments. */
final class MessageBuilder {
    private final String hostname;

    MessageBuilder(String hostname) { this.hostname = hostname; }

    /** A carried-over part: the stored one, as it is (its headers and encoding kept). */
    record Carried(Part part) {}

    /**
     * @param inReplyTo  the answered message's Message-ID and References, if any (RFC 5322 §3.6.4)
     * @throws AddressException for an address the user typed that does not parse
     */
    MimeMessage build(Draft d, InternetAddress from, Optional<MessageView> inReplyTo, List<Part> carried)
            throws MessagingException, IOException {
        MimeMessage m = new MimeMessage(MessageView.SESSION) {
            @Override protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", "<" + Sessions.token() + "@" + hostname + ">");
            }
        };
        m.setFrom(from);
        set(m, RecipientType.TO, d.to());
        set(m, RecipientType.CC, d.cc());
        set(m, RecipientType.BCC, d.bcc());
        m.setSubject(d.subject(), "UTF-8");
        m.setSentDate(new Date());
        inReplyTo.ifPresent(v -> v.messageId().ifPresent(id -> {
            try {
                m.setHeader("In-Reply-To", id);
                m.setHeader("References", v.references().map(r -> r + " ").orElse("") + id);
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }));
        String text = d.body().replace("\r\n", "\n").replace('\r', '\n').replace("\n", "\r\n");
        if (d.uploads().isEmpty() && carried.isEmpty()) {
            m.setText(text, "UTF-8");
        } else {
            MimeMultipart mixed = new MimeMultipart("mixed");
            MimeBodyPart body = new MimeBodyPart();
            body.setText(text, "UTF-8");
            mixed.addBodyPart(body);
            for (Part p : carried) {
                MimeBodyPart copy = new MimeBodyPart();
                copy.setDataHandler(p.getDataHandler());
                copy.setDisposition(Part.ATTACHMENT);
                Optional<String> name = MessageView.filename(p);
                if (name.isPresent()) copy.setFileName(name.get());
                else if (p.isMimeType("message/rfc822")) copy.setFileName("message.eml");
                mixed.addBodyPart(copy);
            }
            for (Draft.Upload u : d.uploads()) {
                MimeBodyPart part = new MimeBodyPart();
                part.setDataHandler(new DataHandler(new ByteArrayDataSource(u.content(), u.contentType())));
                part.setFileName(u.filename());
                part.setDisposition(Part.ATTACHMENT);
                mixed.addBodyPart(part);
            }
            m.setContent(mixed);
        }
        m.saveChanges();
        return m;
    }

    /** The whole message with CRLF line endings; without Bcc for what is delivered (RFC 5322 §3.6.3). */
    static byte[] bytes(MimeMessage m, boolean withBcc) throws MessagingException, IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out, withBcc ? null : new String[] {"Bcc"});
        return out.toByteArray();
    }

    /** Every envelope recipient: To, Cc and Bcc. */
    static List<InternetAddress> recipients(MimeMessage m) throws MessagingException {
        List<InternetAddress> out = new ArrayList<>();
        for (RecipientType t : new RecipientType[] {RecipientType.TO, RecipientType.CC, RecipientType.BCC}) {
            var a = m.getRecipients(t);
            if (a != null) for (var x : a) out.add((InternetAddress) x);
        }
        return out;
    }

    private static void set(MimeMessage m, RecipientType type, String typed) throws MessagingException {
        if (typed == null || typed.isBlank()) return;
        InternetAddress[] parsed = InternetAddress.parse(typed, true);  // strict: the user sees a clear error
        m.setRecipients(type, parsed);
    }
}
