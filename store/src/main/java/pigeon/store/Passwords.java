package pigeon.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}), with OWASP's recommended minimum cost.
 * Parameters are read back from each hash, so stronger ones can be introduced later.
 */
final class Passwords {
    private static final int MEMORY_KIB = 19_456, ITERATIONS = 2, PARALLELISM = 1, SALT = 16, HASH = 32;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    /** Verified against when the user does not exist, so that both cases cost the same time. */
    private static final String DUMMY = hash("not a password");

    private Passwords() {}

    static String hash(String password) {
        byte[] salt = new byte[SALT];
        RANDOM.nextBytes(salt);
        byte[] h = argon2(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH);
        return "$argon2id$v=19$m=" + MEMORY_KIB + ",t=" + ITERATIONS + ",p=" + PARALLELISM + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(h);
    }

    static boolean verify(String password, String phc) {
        String[] parts = phc.split("\\$");  // "", "argon2id", "v=19", "m=..,t=..,p=..", salt, hash
        if (parts.length != 6 || !parts[1].equals("argon2id")) return false;
        int m = 0, t = 0, p = 0;
        for (String kv : parts[3].split(",")) {
            int v = Integer.parseInt(kv.substring(2));
            switch (kv.charAt(0)) { case 'm' -> m = v; case 't' -> t = v; case 'p' -> p = v; default -> { return false; } }
        }
        byte[] salt = Base64.getDecoder().decode(parts[4]), expected = Base64.getDecoder().decode(parts[5]);
        return MessageDigest.isEqual(expected, argon2(password, salt, m, t, p, expected.length));
    }

    static void burnTime(String password) { verify(password, DUMMY); }

    private static byte[] argon2(String password, byte[] salt, int memoryKib, int iterations, int parallelism, int length) {
        Argon2BytesGenerator gen = new Argon2BytesGenerator();
        gen.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withSalt(salt).withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(parallelism).build());
        byte[] out = new byte[length];
        gen.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
