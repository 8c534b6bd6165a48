package pigeon.imap.mime;

import java.util.List;

/** Content-Disposition (RFC 2183): the type upper-cased, and its parameters. */
public record Disposition(String type, List<Param> params) {
    public Disposition {
        params = List.copyOf(params);
    }
}
