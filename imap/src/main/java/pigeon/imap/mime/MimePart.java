package pigeon.imap.mime;

import java.util.List;

/**
 * One node of a message's MIME structure, with what BODY and BODYSTRUCTURE need
 * (RFC 9051 §7.5.2) and where it lies in the stored bytes.
 */
public sealed interface MimePart permits SinglePart, MultiPart {
    /** Where the part's MIME header and body lie in the stored message. */
    Span span();

    /** Upper-cased media type, e.g. TEXT, MULTIPART. */
    String type();

    /** Upper-cased media subtype, e.g. PLAIN, MIXED. */
    String subtype();

    /** Content-Type parameters in header order (RFC 2231 sections merged). */
    List<Param> params();

    /** Content-Disposition, or null. */
    Disposition disposition();

    /** Content-Language tags, or null. */
    List<String> language();

    /** Content-Location, or null. */
    String location();
}
