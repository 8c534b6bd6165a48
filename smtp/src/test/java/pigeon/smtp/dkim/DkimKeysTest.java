package pigeon.smtp.dkim;

import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyFactory;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DkimKeysTest {
    @TempDir Path tmp;

    @Test void generateWritesAnOwnerOnlyPkcs8PemFile() throws Exception {
        Path dir = tmp.resolve("dkim");
        DkimKey key = new DkimKeys(dir).generate("Example.ORG", "Mail2025");
        Path file = dir.resolve("example.org.mail2025.pem");
        assertTrue(Files.isRegularFile(file));
        String pem = Files.readString(file);
        assertTrue(pem.startsWith("-----BEGIN PRIVATE KEY-----\n") && pem.endsWith("-----END PRIVATE KEY-----\n"), pem);
        assertEquals(List.of(file), Files.list(dir).toList(), "no temporary file left");
        assertEquals("example.org", key.domain());
        assertEquals("mail2025", key.selector());
        assertEquals("RSA", key.privateKey().getAlgorithm());
        assertEquals(2048, ((java.security.interfaces.RSAPublicKey) key.publicKey()).getModulus().bitLength());
        assertFalse(key.toString().contains("private"), key.toString());

        Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
    }

    @Test void findReturnsTheStoredKey() throws Exception {
        DkimKeys keys = new DkimKeys(tmp);
        DkimKey made = keys.generate("example.org", "s1");
        DkimKey found = keys.find("EXAMPLE.org.").orElseThrow();
        assertEquals("example.org", found.domain());
        assertEquals("s1", found.selector());
        assertArrayEquals(made.privateKey().getEncoded(), found.privateKey().getEncoded());
        assertArrayEquals(made.publicKey().getEncoded(), found.publicKey().getEncoded());
        assertTrue(keys.find("other.example").isEmpty());
        assertTrue(keys.find("org").isEmpty());
        assertTrue(keys.find("sub.example.org").isEmpty());
    }

    @Test void refusesToOverwriteUnlessAsked() throws Exception {
        DkimKeys keys = new DkimKeys(tmp);
        DkimKey first = keys.generate("example.org", "s1");
        assertThrows(FileAlreadyExistsException.class, () -> keys.generate("example.org", "s1"));
        assertArrayEquals(first.privateKey().getEncoded(), keys.find("example.org").orElseThrow().privateKey().getEncoded());
        DkimKey second = keys.generate("example.org", "s1", true);
        assertFalse(java.util.Arrays.equals(first.privateKey().getEncoded(), second.privateKey().getEncoded()));
        assertArrayEquals(second.privateKey().getEncoded(), keys.find("example.org").orElseThrow().privateKey().getEncoded());
    }

    @Test void theNewestFileWins() throws Exception {
        DkimKeys keys = new DkimKeys(tmp);
        keys.generate("example.org", "old");
        keys.generate("example.org", "new");
        keys.generate("example.org.x", "other"); // another domain whose file name starts alike
        Files.setLastModifiedTime(tmp.resolve("example.org.old.pem"), FileTime.from(Instant.parse("2024-01-01T00:00:00Z")));
        Files.setLastModifiedTime(tmp.resolve("example.org.new.pem"), FileTime.from(Instant.parse("2025-01-01T00:00:00Z")));
        Files.setLastModifiedTime(tmp.resolve("example.org.x.other.pem"), FileTime.from(Instant.parse("2026-01-01T00:00:00Z")));
        assertEquals("new", keys.find("example.org").orElseThrow().selector());
        Files.setLastModifiedTime(tmp.resolve("example.org.old.pem"), FileTime.from(Instant.parse("2025-06-01T00:00:00Z")));
        assertEquals("old", keys.find("example.org").orElseThrow().selector());
        assertEquals("other", keys.find("example.org.x").orElseThrow().selector());
    }

    @Test void dnsRecordPublishesThePublicKey() throws Exception {
        DkimKeys keys = new DkimKeys(tmp);
        DkimKey key = keys.generate("example.org", "sel");
        DnsRecord r = keys.dnsRecord("example.org").orElseThrow();
        assertEquals("sel._domainkey.example.org", r.name());
        assertTrue(r.value().startsWith("v=DKIM1; k=rsa; p="), r.value());
        byte[] spki = Base64.getDecoder().decode(r.value().substring("v=DKIM1; k=rsa; p=".length()));
        assertEquals(key.publicKey(), KeyFactory.getInstance("RSA").generatePublic(new X509EncodedKeySpec(spki)));

        List<String> strings = r.strings();
        assertEquals(2, strings.size(), "a 2048-bit key needs two TXT strings");
        assertTrue(strings.stream().allMatch(s -> s.length() <= 255));
        assertEquals(r.value(), String.join("", strings));
        assertEquals("sel._domainkey.example.org. IN TXT \"" + strings.get(0) + "\" \"" + strings.get(1) + "\"", r.zoneFileLine());
        assertTrue(keys.dnsRecord("nokey.example").isEmpty());
    }

    @Test void internationalDomainsUseALabels() throws Exception {
        DkimKeys keys = new DkimKeys(tmp);
        keys.generate("bücher.example", "s");
        assertTrue(Files.exists(tmp.resolve("xn--bcher-kva.example.s.pem")));
        assertEquals("xn--bcher-kva.example", keys.find("BÜCHER.example").orElseThrow().domain());
        assertEquals("s._domainkey.xn--bcher-kva.example", keys.dnsRecord("xn--bcher-kva.example").orElseThrow().name());
    }

    @Test void namesThatAreNotDomainsHaveNoKey() throws Exception {
        DkimKeys keys = new DkimKeys(tmp);
        keys.generate("example.org", "s");
        for (String bad : List.of("", ".", "../example.org", "example..org", "[192.0.2.1]", "exa mple.org", "*.org", "example.org/x"))
            assertEquals(Optional.empty(), keys.find(bad), bad);
        assertTrue(new DkimKeys(tmp.resolve("missing")).find("example.org").isEmpty());
    }

    @Test void badNamesAreRefusedWhenGenerating() {
        DkimKeys keys = new DkimKeys(tmp);
        assertThrows(IllegalArgumentException.class, () -> keys.generate("example.org", "a.b"));
        assertThrows(IllegalArgumentException.class, () -> keys.generate("example.org", "-a"));
        assertThrows(IllegalArgumentException.class, () -> keys.generate("example.org", ""));
        assertThrows(IllegalArgumentException.class, () -> keys.generate("../etc", "s"));
    }

    @Test void aCorruptKeyFileIsAnError() throws Exception {
        Files.writeString(tmp.resolve("example.org.s.pem"), "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertThrows(IOException.class, () -> new DkimKeys(tmp).find("example.org"));
        Files.writeString(tmp.resolve("example.org.s.pem"), "not a key");
        assertThrows(IOException.class, () -> new DkimKeys(tmp).find("example.org"));
    }
}
