package pigeon.imap.mime;

import java.util.List;

/**
 * A non-multipart body part. {@code lines} is the number of text lines of the body as stored
 * (meaningful for TEXT and MESSAGE/RFC822, counted for all). {@code message} is the
 * encapsulated message of a MESSAGE/RFC822 or MESSAGE/GLOBAL part, else null; its span
 * starts at this part's body.
 */
public record SinglePart(Span span, String type, String subtype, List<Param> params, String id,
                         String description, String encoding, long lines, String md5,
                         Disposition disposition, List<String> language, String location,
                         EncapsulatedMessage message) implements MimePart {
    public SinglePart {
        params = List.copyOf(params);
        language = language == null || language.isEmpty() ? null : List.copyOf(language);
    }

    /** Size of the body in octets, in its transfer encoding. */
    public long size() {
        return span.bodyLength();
    }

    public boolean isText() {
        return type.equals("TEXT");
    }
}
