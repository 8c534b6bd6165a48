package pigeon.imap.mime;

import java.util.List;

/**
 * Renders ENVELOPE, BODYSTRUCTURE and BODY exactly as RFC 9051 §7.5.2 / §9 (formal syntax)
 * and RFC 3501 §7.4.2 write them. The result is to be written to the wire as UTF-8.
 *
 * <p>{@code utf8} is true when the session may receive UTF-8 in quoted strings (IMAP4rev2,
 * or UTF8=ACCEPT enabled). When it is false, strings holding 8-bit characters go as literals,
 * and RFC 2231 extended parameters (stored decoded) are re-encoded as
 * {@code NAME* "UTF-8''%XX…"}, the form rev1 clients that know RFC 2231 decode (and the one
 * Dovecot sends); when it is true they go decoded, as RFC 9051 §7.5.2 asks.
 */
public final class ImapRenderer {
    private ImapRenderer() {}

    public static String envelope(Envelope e, boolean utf8) {
        StringBuilder out = new StringBuilder(256);
        appendEnvelope(out, e, utf8);
        return out.toString();
    }

    /** BODYSTRUCTURE: with extension data. */
    public static String bodyStructure(MimePart p, boolean utf8) {
        StringBuilder out = new StringBuilder(256);
        appendPart(out, p, utf8, true);
        return out.toString();
    }

    /** BODY: the non-extensible form. */
    public static String body(MimePart p, boolean utf8) {
        StringBuilder out = new StringBuilder(256);
        appendPart(out, p, utf8, false);
        return out.toString();
    }

    static void appendEnvelope(StringBuilder out, Envelope e, boolean utf8) {
        out.append('(');
        ImapStrings.appendNstring(out, e.date(), utf8);
        out.append(' ');
        ImapStrings.appendNstring(out, e.subject(), utf8);
        for (List<Address> list : List.of(opt(e.from()), opt(e.sender()), opt(e.replyTo()), opt(e.to()),
                opt(e.cc()), opt(e.bcc()))) {
            out.append(' ');
            appendAddresses(out, list, utf8);
        }
        out.append(' ');
        ImapStrings.appendNstring(out, e.inReplyTo(), utf8);
        out.append(' ');
        ImapStrings.appendNstring(out, e.messageId(), utf8);
        out.append(')');
    }

    private static List<Address> opt(List<Address> list) {
        return list == null ? List.of() : list;
    }

    /** env-from etc.: "(" 1*address ")" / nil — addresses follow one another without a space. */
    private static void appendAddresses(StringBuilder out, List<Address> list, boolean utf8) {
        if (list.isEmpty()) {
            out.append("NIL");
            return;
        }
        out.append('(');
        for (Address a : list) {
            out.append('(');
            ImapStrings.appendNstring(out, a.name(), utf8);
            out.append(' ');
            ImapStrings.appendNstring(out, a.adl(), utf8);
            out.append(' ');
            ImapStrings.appendNstring(out, a.mailbox(), utf8);
            out.append(' ');
            ImapStrings.appendNstring(out, a.host(), utf8);
            out.append(')');
        }
        out.append(')');
    }

    private static void appendPart(StringBuilder out, MimePart p, boolean utf8, boolean extended) {
        out.append('(');
        switch (p) {
            case MultiPart m -> {
                // body-type-mpart = 1*body SP media-subtype [SP body-ext-mpart]
                for (MimePart child : m.parts()) appendPart(out, child, utf8, extended);
                out.append(' ');
                ImapStrings.appendString(out, m.subtype(), utf8);
                if (extended) {
                    out.append(' ');
                    appendParams(out, m.params(), utf8);
                    appendExtension(out, m.disposition(), m.language(), m.location(), utf8);
                }
            }
            case SinglePart s -> {
                // body-fields = body-fld-param SP body-fld-id SP body-fld-desc SP body-fld-enc SP body-fld-octets
                ImapStrings.appendString(out, s.type(), utf8);
                out.append(' ');
                ImapStrings.appendString(out, s.subtype(), utf8);
                out.append(' ');
                appendParams(out, s.params(), utf8);
                out.append(' ');
                ImapStrings.appendNstring(out, s.id(), utf8);
                out.append(' ');
                ImapStrings.appendNstring(out, s.description(), utf8);
                out.append(' ');
                ImapStrings.appendString(out, s.encoding(), utf8);
                out.append(' ').append(s.size());
                if (s.message() != null) {
                    // body-type-msg = media-message SP body-fields SP envelope SP body SP body-fld-lines
                    out.append(' ');
                    appendEnvelope(out, s.message().envelope(), utf8);
                    out.append(' ');
                    appendPart(out, s.message().body(), utf8, extended);
                    out.append(' ').append(s.lines());
                } else if (s.isText()) {
                    out.append(' ').append(s.lines()); // body-type-text
                }
                if (extended) {
                    // body-ext-1part = body-fld-md5 [SP body-fld-dsp [SP body-fld-lang [SP body-fld-loc …]]]
                    out.append(' ');
                    ImapStrings.appendNstring(out, s.md5(), utf8);
                    appendExtension(out, s.disposition(), s.language(), s.location(), utf8);
                }
            }
        }
        out.append(')');
    }

    /** SP body-fld-dsp SP body-fld-lang SP body-fld-loc */
    private static void appendExtension(StringBuilder out, Disposition d, List<String> language, String location,
                                        boolean utf8) {
        out.append(' ');
        if (d == null) {
            out.append("NIL");
        } else {
            out.append('(');
            ImapStrings.appendString(out, d.type(), utf8);
            out.append(' ');
            appendParams(out, d.params(), utf8);
            out.append(')');
        }
        out.append(' ');
        if (language == null) {
            out.append("NIL");
        } else if (language.size() == 1) {
            ImapStrings.appendString(out, language.get(0), utf8);
        } else {
            out.append('(');
            for (int i = 0; i < language.size(); i++) {
                if (i > 0) out.append(' ');
                ImapStrings.appendString(out, language.get(i), utf8);
            }
            out.append(')');
        }
        out.append(' ');
        ImapStrings.appendNstring(out, location, utf8);
    }

    /** body-fld-param = "(" string SP string *(SP string SP string) ")" / nil */
    private static void appendParams(StringBuilder out, List<Param> params, boolean utf8) {
        if (params.isEmpty()) {
            out.append("NIL");
            return;
        }
        out.append('(');
        for (int i = 0; i < params.size(); i++) {
            Param p = params.get(i);
            if (i > 0) out.append(' ');
            ImapStrings.appendString(out, p.name(), utf8);
            out.append(' ');
            String value = p.extended() && !utf8 ? Rfc2231.encode(p.value()) : p.value();
            ImapStrings.appendString(out, value, utf8);
        }
        out.append(')');
    }
}
