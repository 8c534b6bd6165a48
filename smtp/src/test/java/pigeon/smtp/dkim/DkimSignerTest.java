package pigeon.smtp.dkim;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.*;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.apache.james.jdkim.DKIMVerifier;
import org.apache.james.jdkim.api.PublicKeyRecordRetriever;
import org.apache.james.jdkim.api.SignatureRecord;
import org.apache.james.jdkim.exceptions.FailException;
import org.apache.james.jdkim.exceptions.PermFailException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DkimSignerTest {
    static final String MESSAGE = """
            Received: from client.example.org by mail.example.org; Tue, 4 Mar 2025 05:06:07 +0000\r
            From: "Alice A." <alice@Example.ORG> (the sender)\r
            To: bob@remote.example,\r
             carol@remote.example\r
            Subject: lunch\r
            Date: Tue, 4 Mar 2025 05:06:07 +0000\r
            Message-ID: <m1@example.org>\r
            MIME-Version: 1.0\r
            Content-Type: text/plain; charset=us-ascii\r
            \r
            Hello Bob,\r
            \r
            shall we have lunch tomorrow?  \r
            \r
            Alice\r
            \r
            \r
            """;

    @TempDir Path tmp;
    DkimKeys keys;
    DkimSigner signer;

    @BeforeEach void setUp() throws IOException {
        keys = new DkimKeys(tmp);
        keys.generate("example.org", "sel");
        signer = new DkimSigner(keys, Clock.fixed(Instant.parse("2025-03-04T05:06:07Z"), ZoneOffset.UTC));
    }

    @Test void signsAndVerifies() throws Exception {
        String field = signer.sign(stream(MESSAGE)).orElseThrow();
        assertTrue(field.startsWith("DKIM-Signature: "), field);
        assertTrue(field.endsWith("\r\n"));
        for (String line : field.split("\r\n")) assertTrue(line.length() <= 78, "line too long: " + line);
        assertFalse(field.substring(0, field.length() - 2).matches("(?s).*\r\n(?![ \t]).*"), "every line but the first is a continuation");

        List<SignatureRecord> valid = verify(field + MESSAGE);
        assertEquals(1, valid.size());
        SignatureRecord r = valid.getFirst();
        assertEquals("example.org", r.getDToken().toString());
        assertEquals("sel", r.getSelector().toString());
        assertEquals("relaxed", r.getHeaderCanonicalisationMethod());
        assertEquals("relaxed", r.getBodyCanonicalisationMethod());
        assertEquals("sha-256", r.getHashAlgo().toString());
        assertEquals(1741064767L, r.getSignatureTimestamp());
        // present fields over-signed; absent ones that nobody may add signed once; absent Date/Message-ID not at all
        assertEquals(List.of("from", "from", "to", "to", "cc", "subject", "subject", "date", "date", "message-id", "message-id",
                        "mime-version", "mime-version", "content-type", "content-type", "reply-to", "in-reply-to", "references"),
                r.getHeaders().stream().map(CharSequence::toString).toList());
    }

    @Test void aChangedBodyFailsVerification() throws Exception {
        String field = signer.sign(stream(MESSAGE)).orElseThrow();
        assertEquals(List.of(), verify(field + MESSAGE.replace("lunch tomorrow", "dinner tomorrow")));
        assertEquals(List.of(), verify(field + MESSAGE + "P.S. added\r\n"));
    }

    @Test void changedOrAddedSignedFieldsFailVerification() throws Exception {
        String field = signer.sign(stream(MESSAGE)).orElseThrow();
        assertEquals(List.of(), verify(field + MESSAGE.replace("Subject: lunch", "Subject: dinner")));
        assertEquals(List.of(), verify(field + MESSAGE.replace("Subject: lunch\r\n", "Subject: lunch\r\nCc: eve@evil.example\r\n")));
        assertEquals(List.of(), verify(field + MESSAGE.replace("Subject: lunch\r\n", "Subject: lunch\r\nSubject: win a prize\r\n")));
    }

    @Test void relaxedCanonicalizationToleratesHarmlessChanges() throws Exception {
        String field = signer.sign(stream(MESSAGE)).orElseThrow();
        String changed = "Received: from mail.example.org by mx.remote.example; Tue, 4 Mar 2025 05:06:08 +0000\r\n"
                + MESSAGE.replace("Subject: lunch", "subject:   lunch").replace("tomorrow?  \r\n", "tomorrow?\r\n");
        assertEquals(1, verify(field + changed).size());
    }

    @Test void noKeyForTheFromDomainMeansNoSignature() throws Exception {
        assertEquals(Optional.empty(), signer.sign(stream(MESSAGE.replace("alice@Example.ORG", "alice@other.example"))));
        assertEquals(Optional.empty(), signer.sign(stream(MESSAGE.replace("From: ", "X-From: "))));
        assertEquals(Optional.empty(), signer.sign(stream("From: alice@example.org\r\n" + MESSAGE)), "two From fields");
        assertEquals(Optional.empty(), signer.sign(stream(MESSAGE.replace("\"Alice A.\" <alice@Example.ORG> (the sender)", "undisclosed"))));
        assertEquals(Optional.empty(), signer.sign(stream("")));
    }

    @Test void messagesWithoutBodyOrOptionalFieldsAreSigned() throws Exception {
        String m = "From: alice@example.org\r\nSubject: x\r\n";
        String field = signer.sign(stream(m)).orElseThrow();
        assertEquals(1, verify(field + m).size());
        List<String> h = verify(field + m).getFirst().getHeaders().stream().map(CharSequence::toString).toList();
        assertFalse(h.contains("date") || h.contains("message-id"), h.toString());
    }

    @Test void utf8HeadersAndInternationalDomains() throws Exception {
        keys.generate("bücher.example", "s2");
        String m = "From: Jörg Müller <jörg@bücher.example>\r\nTo: zoë@example.net\r\nSubject: Grüße aus Köln\r\n"
                + "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\nContent-Transfer-Encoding: 8bit\r\n\r\n"
                + "Schöne Grüße!\r\n";
        String field = signer.sign(new ByteArrayInputStream(m.getBytes(UTF_8))).orElseThrow();
        List<SignatureRecord> valid = verify((field + m).getBytes(UTF_8));
        assertEquals(1, valid.size());
        assertEquals("xn--bcher-kva.example", valid.getFirst().getDToken().toString());
    }

    @Test void aLargeBodyIsStreamed() throws Exception {
        String head = "From: alice@example.org\r\nTo: bob@remote.example\r\nSubject: big\r\n\r\n";
        byte[] line = ("x".repeat(76) + "\r\n").getBytes(UTF_8);
        int lines = 8 * 1024 * 1024 / line.length;
        InputStream body = new InputStream() {
            long pos, size = (long) lines * line.length;
            @Override public int read() { return pos < size ? line[(int) (pos++ % line.length)] : -1; }
        };
        String field = signer.sign(new SequenceInputStream(stream(head), body)).orElseThrow();
        ByteArrayOutputStream full = new ByteArrayOutputStream();
        full.write((field + head).getBytes(UTF_8));
        for (int i = 0; i < lines; i++) full.write(line);
        assertEquals(1, verify(full.toByteArray()).size());
    }

    @Test void anUnreadableKeyIsAnError() throws Exception {
        Files.writeString(tmp.resolve("example.org.zzz.pem"), "garbage");
        Files.setLastModifiedTime(tmp.resolve("example.org.zzz.pem"),
                java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(60)));
        assertThrows(IOException.class, () -> signer.sign(stream(MESSAGE)));
    }

    @Test void foldingKeepsEveryCharacterAndBreaksOnlyAtSpacesOrInsideB() {
        String b = "A".repeat(344);
        String field = "DKIM-Signature: v=1; a=rsa-sha256; d=example.org; s=sel; h=from:to:cc:subject: date:message-id; bh=xyz=; b=" + b + ";";
        String folded = DkimSigner.fold(field);
        for (String line : folded.split("\r\n")) assertTrue(line.length() <= 78, line);
        assertEquals(field.replace(" ", ""), folded.replace("\r\n", "").replace(" ", ""));
        assertTrue(folded.contains("b=A"), "b= and its first character stay together");
    }

    // --- helpers

    static InputStream stream(String s) { return new ByteArrayInputStream(s.getBytes(UTF_8)); }

    List<SignatureRecord> verify(String message) throws Exception { return verify(message.getBytes(UTF_8)); }

    /** The valid signatures, checked by jDKIM against the TXT record that DkimKeys says to publish (no real DNS). */
    List<SignatureRecord> verify(byte[] message) throws Exception {
        PublicKeyRecordRetriever dns = (method, selector, domain) -> {
            assertEquals("dns/txt", method.toString());
            try {
                return keys.dnsRecord(domain.toString()).filter(r -> r.name().equals(selector + "._domainkey." + domain))
                        .map(r -> List.of(String.join("", r.strings())))
                        .orElseThrow(() -> new PermFailException("no key for " + selector + "._domainkey." + domain));
            } catch (IOException e) {
                throw new PermFailException(e.getMessage());
            }
        };
        try {
            List<SignatureRecord> valid = new DKIMVerifier(dns).verify(new ByteArrayInputStream(message));
            return valid == null ? List.of() : valid;
        } catch (FailException e) {
            return List.of();
        }
    }
}
