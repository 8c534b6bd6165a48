package pigeon.protocol.tls;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The server's certificate chain and private key: read from PEM files (what certbot and every CA
 * hand out), or, when none are configured, a self-signed certificate made at first start and kept
 * in the data directory, so that TLS works out of the box and clients can pin it.
 */
public record Certificates(List<X509Certificate> chain, PrivateKey key) {
    static final Duration SELF_SIGNED_VALIDITY = Duration.ofDays(5 * 365);

    public Certificates {
        if (chain.isEmpty()) throw new IllegalArgumentException("no certificate");
        chain = List.copyOf(chain);
    }

    /**
     * Reads a certificate chain (leaf first) and a private key (PKCS#8, or the traditional RSA/EC
     * form) from PEM files; both may be the same file.
     */
    public static Certificates fromPem(Path certificateFile, Path keyFile) throws IOException {
        List<X509Certificate> chain = new ArrayList<>();
        PrivateKey key = null;
        for (Object o : readPem(certificateFile)) {
            if (o instanceof X509CertificateHolder h) chain.add(certificate(h, certificateFile));
        }
        for (Object o : readPem(keyFile)) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (o instanceof PEMKeyPair pair) key = converter.getPrivateKey(pair.getPrivateKeyInfo());
            else if (o instanceof PrivateKeyInfo info) key = converter.getPrivateKey(info);
        }
        if (chain.isEmpty()) throw new IOException(certificateFile + ": no CERTIFICATE in this PEM file");
        if (key == null) throw new IOException(keyFile + ": no unencrypted PRIVATE KEY in this PEM file");
        return new Certificates(chain, key);
    }

    /**
     * The self-signed certificate in {@code dir} ({@code cert.pem}, {@code key.pem}), made there first
     * if missing: an EC P-256 key, valid for {@code hostname}, localhost and the loopback addresses.
     */
    public static Certificates selfSigned(Path dir, String hostname) throws IOException {
        Path cert = dir.resolve("cert.pem"), key = dir.resolve("key.pem");
        if (Files.exists(cert) && Files.exists(key)) return fromPem(cert, key);
        Files.createDirectories(dir);
        Certificates made = make(hostname);
        Path tmpKey = dir.resolve("key.pem.tmp"), tmpCert = dir.resolve("cert.pem.tmp");
        writePem(tmpKey, new JcaPKCS8Generator(made.key(), null).generate());  // PKCS#8, "PRIVATE KEY", as openssl writes it
        try {
            Files.setPosixFilePermissions(tmpKey, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: the data directory's own permissions protect it
        }
        writePem(tmpCert, made.chain().get(0));
        Files.move(tmpKey, key, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Files.move(tmpCert, cert, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        return made;
    }

    static Certificates make(String hostname) throws IOException {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            KeyPair pair = g.generateKeyPair();
            X500Name subject = new X500Name("CN=" + hostname.replaceAll("[,=+<>#;\"\\\\]", ""));
            Instant now = Instant.now();
            X509v3CertificateBuilder b = new JcaX509v3CertificateBuilder(subject, new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(SELF_SIGNED_VALIDITY)), subject, pair.getPublic());
            Set<GeneralName> names = new LinkedHashSet<>();
            for (String n : List.of(hostname, "localhost")) {
                if (n.matches("[0-9.]+|.*:.*")) names.add(new GeneralName(GeneralName.iPAddress, n));
                else names.add(new GeneralName(GeneralName.dNSName, n));
            }
            names.add(new GeneralName(GeneralName.iPAddress, InetAddress.getLoopbackAddress().getHostAddress()));
            names.add(new GeneralName(GeneralName.iPAddress, "::1"));
            b.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names.toArray(GeneralName[]::new)));
            b.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            b.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature));
            b.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth));
            X509CertificateHolder holder = b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate()));
            return new Certificates(List.of(certificate(holder, null)), pair.getPrivate());
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot make a self-signed certificate: " + e.getMessage(), e);
        }
    }

    private static X509Certificate certificate(X509CertificateHolder h, Path from) throws IOException {
        try {
            return new JcaX509CertificateConverter().getCertificate(h);
        } catch (java.security.cert.CertificateException e) {
            throw new IOException((from == null ? "" : from + ": ") + "bad certificate: " + e.getMessage(), e);
        }
    }

    private static List<Object> readPem(Path file) throws IOException {
        List<Object> objects = new ArrayList<>();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser p = new PEMParser(r)) {
            for (Object o = p.readObject(); o != null; o = p.readObject()) objects.add(o);
        }
        return objects;
    }

    private static void writePem(Path file, Object o) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.US_ASCII); JcaPEMWriter pem = new JcaPEMWriter(w)) {
            pem.writeObject(o);
        }
    }
}
