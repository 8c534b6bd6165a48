package pigeon.imap.mime;

import java.util.List;

/** A multipart entity: one or more parts (RFC 2046 §5.1). */
public record MultiPart(Span span, String subtype, List<Param> params, List<MimePart> parts,
                        Disposition disposition, List<String> language, String location)
        implements MimePart {
    public MultiPart {
        params = List.copyOf(params);
        parts = List.copyOf(parts);
        if (parts.isEmpty()) throw new IllegalArgumentException("a multipart has at least one part");
        language = language == null || language.isEmpty() ? null : List.copyOf(language);
    }

    @Override
    public String type() {
        return "MULTIPART";
    }
}
