package pigeon.smtp.dkim;

import java.io.IOException;
import java.net.IDN;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * DKIM signing keys, one PEM file per key in a directory: {@code <domain>.<selector>.pem}, holding
 * an RSA private key as PKCS#8 PEM ({@code -----BEGIN PRIVATE KEY-----}), readable by the owner only.
 * A domain signs with one key: when it has several files (a key rotation), the newest one.
 *
 * <p>Domains are kept in lower-case ASCII (IDNs as A-labels, RFC 5890); a selector is one DNS label
 * (RFC 6376 §3.1 allows dotted selectors, but a dot would make the file name ambiguous).
 *
 * <p>Thread-safe: every call reads the directory afresh, so keys added while the server runs count.
 */
public final class DkimKeys {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?");
    private static final int KEY_BITS = 2048; // RFC 8301 §3.2: at least 1024, and 2048 is the common choice

    private final Path directory;

    /** @param directory where the key files live (the server passes {@code <data-dir>/dkim}); made when needed */
    public DkimKeys(Path directory) { this.directory = directory; }

    public Path directory() { return directory; }

    /** {@link #generate(String, String, boolean)} without overwriting. */
    public DkimKey generate(String domain, String selector) throws IOException { return generate(domain, selector, false); }

    /**
     * Makes a new RSA 2048 key pair for {@code domain} and stores its private key, owner-only (0600).
     * Publish {@link DkimKey#dnsRecord()} before mail goes out signed with it.
     *
     * @throws FileAlreadyExistsException if that domain and selector have a key and {@code overwrite} is false
     * @throws IllegalArgumentException   if the domain or selector is not a valid DNS name or label
     */
    public DkimKey generate(String domain, String selector, boolean overwrite) throws IOException {
        String d = domain(domain).orElseThrow(() -> new IllegalArgumentException("not a domain name: " + domain));
        String s = selector.toLowerCase(Locale.ROOT);
        if (!LABEL.matcher(s).matches()) throw new IllegalArgumentException("a selector is one DNS label (letters, digits, '-'): " + selector);
        Path target = directory.resolve(d + "." + s + ".pem");
        if (!overwrite && Files.exists(target)) throw new FileAlreadyExistsException(target.toString(), null, "a DKIM key exists already");

        KeyPair pair;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(KEY_BITS);
            pair = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK cannot make RSA keys", e);
        }
        boolean posix = directory.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (posix) Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
        else Files.createDirectories(directory);
        // Written whole to a temporary file (created 0600, so the key is never readable by others) and
        // then renamed, so a crash leaves no half-written key under a key's name.
        Path tmp = posix ? Files.createTempFile(directory, ".dkim-", ".tmp", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")))
                : Files.createTempFile(directory, ".dkim-", ".tmp");
        try {
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.write(ByteBuffer.wrap(Pem.encode(pair.getPrivate())));
                ch.force(true);
            }
            if (overwrite) Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            else Files.move(tmp, target); // fails if the target appeared meanwhile
        } finally {
            Files.deleteIfExists(tmp);
        }
        return new DkimKey(d, s, pair.getPrivate(), pair.getPublic());
    }

    /**
     * The key {@code domain} signs with, if it has one. Any string is accepted (it may come from a
     * message's From field): one that is not a domain name simply has no key.
     *
     * @throws IOException if the directory or the key file cannot be read, or the file holds no RSA key
     */
    public Optional<DkimKey> find(String domain) throws IOException {
        Optional<String> d = domain(domain);
        if (d.isEmpty() || !Files.isDirectory(directory)) return Optional.empty();
        String prefix = d.get() + ".";
        Path newest = null;
        FileTime newestTime = null;
        String selector = null;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory)) {
            for (Path p : files) {
                String name = p.getFileName().toString();
                if (!name.startsWith(prefix) || !name.endsWith(".pem")) continue;
                String s = name.substring(prefix.length(), name.length() - ".pem".length());
                if (!LABEL.matcher(s).matches()) continue; // "example.org.x.sel.pem" is domain example.org.x's key
                FileTime t;
                try { t = Files.getLastModifiedTime(p); } catch (NoSuchFileException gone) { continue; }
                int c = newestTime == null ? 1 : t.compareTo(newestTime);
                if (c > 0 || c == 0 && s.compareTo(selector) > 0) { newest = p; newestTime = t; selector = s; }
            }
        }
        if (newest == null) return Optional.empty();
        try {
            PrivateKey key = Pem.decode(Files.readString(newest, StandardCharsets.US_ASCII));
            return Optional.of(new DkimKey(d.get(), selector, key, Pem.publicKey(key)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IOException("unreadable DKIM key " + newest + ": " + e.getMessage(), e);
        }
    }

    /** The TXT record to publish for {@code domain}'s key, if it has one. */
    public Optional<DnsRecord> dnsRecord(String domain) throws IOException { return find(domain).map(DkimKey::dnsRecord); }

    /** The domain as DKIM's d= wants it (lower-case ASCII, A-labels), or empty if it is not a host name. */
    static Optional<String> domain(String domain) {
        String d;
        try {
            d = IDN.toASCII(domain.endsWith(".") ? domain.substring(0, domain.length() - 1) : domain, IDN.ALLOW_UNASSIGNED)
                    .toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
        if (d.isEmpty() || d.length() > 253) return Optional.empty();
        for (String label : d.split("\\.", -1)) if (!LABEL.matcher(label).matches()) return Optional.empty();
        return Optional.of(d);
    }
}
