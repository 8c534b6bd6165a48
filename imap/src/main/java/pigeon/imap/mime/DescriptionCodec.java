package pigeon.imap.mime;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The stored form of a {@link MessageDescription}: a byte array for one database column.
 *
 * <pre>
 * description = version(0x01) varint(size) envelope part
 * part        = 0x00 span str(type) str(subtype) params str(id) str(description) str(encoding)
 *                    varint(lines) str(md5) disposition language str(location)
 *                    (0x00 / 0x01 envelope part)            ; the encapsulated message
 *             / 0x01 span str(subtype) params disposition language str(location) varint(n) n*part
 * span        = varint(start) varint(headerLength) varint(bodyLength)
 * envelope    = str(date) str(subject) addrs(from) addrs(sender) addrs(reply-to) addrs(to)
 *               addrs(cc) addrs(bcc) str(in-reply-to) str(message-id)
 * addrs       = varint(0) ; NIL  / varint(1) ; same as from  / varint(n+2) n*(4*str)
 * params      = varint(n) n*(str(name) str(value) (0x00 / 0x01 ; RFC 2231 extended))
 * disposition = 0x00 / 0x01 str(type) params
 * language    = varint(0) ; NIL  / varint(n+1) n*str
 * str         = varint(0) ; null  / varint(1..D) ; entry of the fixed dictionary below
 *             / varint(D+1+n) n*octet ; n octets of UTF-8
 * varint      = unsigned LEB128
 * </pre>
 *
 * A new layout or dictionary needs a new version byte; {@link #decode} refuses versions it
 * does not know, so that old rows can be recomputed from the stored message.
 */
public final class DescriptionCodec {
    public static final int VERSION = 1;

    private static final List<String> DICTIONARY = List.of(
            "TEXT", "PLAIN", "HTML", "MULTIPART", "MIXED", "ALTERNATIVE", "RELATED", "MESSAGE", "RFC822",
            "APPLICATION", "OCTET-STREAM", "PDF", "IMAGE", "JPEG", "PNG", "CHARSET", "US-ASCII", "UTF-8",
            "utf-8", "ISO-8859-1", "iso-8859-1", "BOUNDARY", "NAME", "FILENAME", "FILENAME*", "NAME*",
            "7BIT", "8BIT", "BASE64", "QUOTED-PRINTABLE", "BINARY", "ATTACHMENT", "INLINE", "REPORT",
            "DELIVERY-STATUS", "RFC822-HEADERS", "REPORT-TYPE", "FORMAT", "flowed", "DELSP", "yes", "");
    private static final Map<String, Integer> INDEX = new HashMap<>();

    static {
        for (int i = 0; i < DICTIONARY.size(); i++) INDEX.put(DICTIONARY.get(i), i + 1);
    }

    private DescriptionCodec() {}

    public static byte[] encode(MessageDescription d) {
        Writer w = new Writer();
        w.out.write(VERSION);
        w.varint(d.size());
        w.envelope(d.envelope());
        w.part(d.body());
        return w.out.toByteArray();
    }

    /** @throws IllegalArgumentException for an unknown version or damaged data */
    public static MessageDescription decode(byte[] b) {
        if (b.length == 0 || b[0] != VERSION) {
            throw new IllegalArgumentException("unknown description version " + (b.length == 0 ? "(empty)" : b[0]));
        }
        try {
            Reader r = new Reader(b);
            MessageDescription d = new MessageDescription(r.varint(), r.envelope(), r.part());
            if (r.pos != b.length) throw new IllegalArgumentException("trailing octets in description");
            return d;
        } catch (IndexOutOfBoundsException | NullPointerException e) {
            throw new IllegalArgumentException("damaged description", e);
        }
    }

    private static final class Writer {
        final ByteArrayOutputStream out = new ByteArrayOutputStream(256);

        void varint(long v) {
            while ((v & ~0x7fL) != 0) {
                out.write((int) (v & 0x7f) | 0x80);
                v >>>= 7;
            }
            out.write((int) v);
        }

        void str(String s) {
            if (s == null) {
                varint(0);
                return;
            }
            Integer i = INDEX.get(s);
            if (i != null) {
                varint(i);
                return;
            }
            byte[] b = s.getBytes(StandardCharsets.UTF_8);
            varint(DICTIONARY.size() + 1L + b.length);
            out.writeBytes(b);
        }

        void envelope(Envelope e) {
            str(e.date());
            str(e.subject());
            addresses(e.from(), null);
            addresses(e.sender(), e.from());
            addresses(e.replyTo(), e.from());
            addresses(e.to(), null);
            addresses(e.cc(), null);
            addresses(e.bcc(), null);
            str(e.inReplyTo());
            str(e.messageId());
        }

        void addresses(List<Address> list, List<Address> from) {
            if (list == null) {
                varint(0);
            } else if (from != null && list.equals(from)) {
                varint(1);
            } else {
                varint(list.size() + 2L);
                for (Address a : list) {
                    str(a.name());
                    str(a.adl());
                    str(a.mailbox());
                    str(a.host());
                }
            }
        }

        void params(List<Param> params) {
            varint(params.size());
            for (Param p : params) {
                str(p.name());
                str(p.value());
                out.write(p.extended() ? 1 : 0);
            }
        }

        void extension(Disposition d, List<String> language, String location) {
            if (d == null) {
                out.write(0);
            } else {
                out.write(1);
                str(d.type());
                params(d.params());
            }
            if (language == null) {
                varint(0);
            } else {
                varint(language.size() + 1L);
                language.forEach(this::str);
            }
            str(location);
        }

        void part(MimePart p) {
            Span s = p.span();
            switch (p) {
                case SinglePart sp -> {
                    out.write(0);
                    span(s);
                    str(sp.type());
                    str(sp.subtype());
                    params(sp.params());
                    str(sp.id());
                    str(sp.description());
                    str(sp.encoding());
                    varint(sp.lines());
                    str(sp.md5());
                    extension(sp.disposition(), sp.language(), sp.location());
                    if (sp.message() == null) {
                        out.write(0);
                    } else {
                        out.write(1);
                        envelope(sp.message().envelope());
                        part(sp.message().body());
                    }
                }
                case MultiPart mp -> {
                    out.write(1);
                    span(s);
                    str(mp.subtype());
                    params(mp.params());
                    extension(mp.disposition(), mp.language(), mp.location());
                    varint(mp.parts().size());
                    mp.parts().forEach(this::part);
                }
            }
        }

        void span(Span s) {
            varint(s.start());
            varint(s.headerLength());
            varint(s.bodyLength());
        }
    }

    private static final class Reader {
        final byte[] b;
        int pos = 1;

        Reader(byte[] b) {
            this.b = b;
        }

        long varint() {
            long v = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                int x = b[pos++] & 0xff;
                v |= (long) (x & 0x7f) << shift;
                if ((x & 0x80) == 0) return v;
            }
            throw new IllegalArgumentException("varint too long");
        }

        int count() {
            long n = varint();
            if (n < 0 || n > b.length) throw new IllegalArgumentException("bad count");
            return (int) n;
        }

        String str() {
            long tag = varint();
            if (tag == 0) return null;
            if (tag <= DICTIONARY.size()) return DICTIONARY.get((int) tag - 1);
            long n = tag - DICTIONARY.size() - 1;
            if (n > b.length - pos) throw new IllegalArgumentException("string runs past the end");
            String s = new String(b, pos, (int) n, StandardCharsets.UTF_8);
            pos += (int) n;
            return s;
        }

        boolean flag() {
            int f = b[pos++];
            if (f != 0 && f != 1) throw new IllegalArgumentException("bad flag");
            return f == 1;
        }

        Envelope envelope() {
            String date = str();
            String subject = str();
            List<Address> from = addresses(null);
            List<Address> sender = addresses(from);
            List<Address> replyTo = addresses(from);
            return new Envelope(date, subject, from, sender, replyTo, addresses(null), addresses(null),
                    addresses(null), str(), str());
        }

        List<Address> addresses(List<Address> from) {
            int tag = count();
            if (tag == 0) return null;
            if (tag == 1) return from;
            List<Address> list = new ArrayList<>(tag - 2);
            for (int i = 0; i < tag - 2; i++) list.add(new Address(str(), str(), str(), str()));
            return list;
        }

        List<Param> params() {
            int n = count();
            List<Param> list = new ArrayList<>(n);
            for (int i = 0; i < n; i++) list.add(new Param(str(), str(), flag()));
            return list;
        }

        Disposition disposition() {
            return flag() ? new Disposition(str(), params()) : null;
        }

        List<String> language() {
            int n = count();
            if (n == 0) return null;
            List<String> list = new ArrayList<>(n - 1);
            for (int i = 0; i < n - 1; i++) list.add(str());
            return list;
        }

        Span span() {
            return new Span(varint(), varint(), varint());
        }

        MimePart part() {
            boolean multi = flag();
            Span span = span();
            if (multi) {
                String subtype = str();
                List<Param> params = params();
                Disposition d = disposition();
                List<String> lang = language();
                String location = str();
                int n = count();
                List<MimePart> parts = new ArrayList<>(n);
                for (int i = 0; i < n; i++) parts.add(part());
                return new MultiPart(span, subtype, params, parts, d, lang, location);
            }
            String type = str();
            String subtype = str();
            List<Param> params = params();
            String id = str();
            String description = str();
            String encoding = str();
            long lines = varint();
            String md5 = str();
            Disposition d = disposition();
            List<String> lang = language();
            String location = str();
            EncapsulatedMessage message = flag() ? new EncapsulatedMessage(envelope(), part()) : null;
            return new SinglePart(span, type, subtype, params, id, description, encoding, lines, md5, d, lang,
                    location, message);
        }
    }
}
