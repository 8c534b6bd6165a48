package pigeon.smtp.dkim;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.james.jdkim.api.BodyHasher;
import org.apache.james.jdkim.exceptions.FailException;

/**
 * Signs outbound mail with the key of its From domain (RFC 6376), through jDKIM: rsa-sha256,
 * relaxed/relaxed canonicalization. Reads the message once, streaming its body; the caller then
 * sends the returned field followed by the unchanged message.
 *
 * <p>Thread-safe.
 */
public final class DkimSigner {
    /**
     * RFC 6376 §5.4.1: the fields that make the message what it is. Each is signed once more than it
     * occurs ("over-signing", §8.15), so that none can be added on the way. Date and Message-ID are
     * left out when absent: a later server may legitimately add those (RFC 6409 §8.2, §8.3).
     */
    static final List<String> SIGNED = List.of("from", "to", "cc", "subject", "date", "message-id", "mime-version",
            "content-type", "reply-to", "in-reply-to", "references");
    private static final List<String> ADDED_LATER = List.of("date", "message-id");
    /** A header section longer than this is not signed (no real message comes near it). */
    static final int MAX_HEADER = 1 << 20;
    private static final int LINE = 78; // RFC 5322 §2.1.1

    private final DkimKeys keys;
    private final Clock clock;

    public DkimSigner(DkimKeys keys) { this(keys, Clock.systemUTC()); }

    DkimSigner(DkimKeys keys, Clock clock) {
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * The {@code DKIM-Signature} field to put in front of {@code message}, folded, ending in CRLF; or
     * empty when the message's From domain has no key (or it has no single From field, or its header
     * section is over 1 MB). Reads the stream to its end; the caller closes it.
     *
     * @param message the whole message, header and body, with CRLF line endings, exactly as it will be sent
     * @throws IOException if the message cannot be read, or the domain's key file is unreadable
     */
    public Optional<String> sign(InputStream message) throws IOException {
        InputStream in = new BufferedInputStream(message, 16 * 1024);
        Optional<HeaderFields> header = HeaderFields.read(in, MAX_HEADER);
        Optional<String> domain = header.flatMap(HeaderFields::fromDomain);
        Optional<DkimKey> key = domain.isEmpty() ? Optional.empty() : keys.find(domain.get());
        if (key.isEmpty()) return Optional.empty();

        String template = template(key.get(), header.get(), clock.instant().getEpochSecond());
        var signer = new org.apache.james.jdkim.DKIMSigner(template, key.get().privateKey());
        try {
            BodyHasher body = signer.newBodyHasher(signer.newSignatureRecordTemplate(template));
            try (OutputStream out = body.getOutputStream()) {
                in.transferTo(out);
            }
            return Optional.of(fold(signer.sign(header.get(), body)));
        } catch (FailException | RuntimeException e) {
            throw new IOException("DKIM signing failed for " + key.get() + ": " + e.getMessage(), e);
        }
    }

    /** RFC 6376 §3.5 tag list; bh= and b= are filled in by jDKIM. */
    static String template(DkimKey key, HeaderFields header, long now) {
        List<String> names = new ArrayList<>();
        for (String name : SIGNED) {
            int n = header.count(name);
            if (n == 0 && ADDED_LATER.contains(name)) continue;
            for (int i = 0; i <= n; i++) names.add(name);
        }
        // A space after every fourth name gives the folding below places to break h= (FWS is allowed
        // around its colons, §3.5); it has to be there before signing, since relaxed canonicalization keeps it.
        StringBuilder h = new StringBuilder();
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) h.append(i % 4 == 0 ? ": " : ":");
            h.append(names.get(i));
        }
        return "v=1; a=rsa-sha256; c=relaxed/relaxed; d=" + key.domain() + "; s=" + key.selector()
                + "; t=" + now + "; h=" + h + "; bh=; b=;";
    }

    /**
     * Folds the field jDKIM made (one line) into lines of at most 78 characters. It breaks only where
     * relaxed canonicalization (§3.4.2) cannot tell: at existing spaces, and anywhere inside the b=
     * value, which verifiers remove before hashing (§3.5 allows FWS in it).
     */
    static String fold(String field) {
        StringBuilder out = new StringBuilder(field.length() + 32);
        int col = 0;
        for (String word : field.strip().split(" +")) {
            if (col > 0) {
                if (col + 1 + Math.min(word.length(), word.startsWith("b=") ? 3 : word.length()) > LINE) {
                    out.append("\r\n ");
                    col = 1;
                } else {
                    out.append(' ');
                    col++;
                }
            }
            if (!word.startsWith("b=")) {
                out.append(word);
                col += word.length();
                continue;
            }
            for (int i = 0; i < word.length(); i++) {
                if (col >= LINE && i >= 3) { // never between "b" and "=" and the value's first character
                    out.append("\r\n ");
                    col = 1;
                }
                out.append(word.charAt(i));
                col++;
            }
        }
        return out.append("\r\n").toString();
    }
}
