package pigeon.smtp.dkim;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.util.Base64;

/** PKCS#8 private keys in PEM (RFC 7468 §10), the form {@code openssl genpkey} writes. */
final class Pem {
    private static final String BEGIN = "-----BEGIN PRIVATE KEY-----", END = "-----END PRIVATE KEY-----";

    private Pem() {}

    static byte[] encode(PrivateKey key) {
        String body = Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded());
        return (BEGIN + "\n" + body + "\n" + END + "\n").getBytes(StandardCharsets.US_ASCII);
    }

    /** An RSA private key from PEM text. */
    static PrivateKey decode(String pem) throws GeneralSecurityException {
        int b = pem.indexOf(BEGIN), e = pem.indexOf(END);
        if (b < 0 || e < b) throw new GeneralSecurityException("not a PEM PKCS#8 private key (" + BEGIN + ")");
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(b + BEGIN.length(), e));
        return KeyFactory.getInstance("RSA").generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** The public half of an RSA private key: PKCS#8 keys carry the modulus and public exponent. */
    static PublicKey publicKey(PrivateKey key) throws GeneralSecurityException {
        if (!(key instanceof RSAPrivateCrtKey k)) throw new GeneralSecurityException("not an RSA key with CRT parameters");
        return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(k.getModulus(), k.getPublicExponent()));
    }
}
