package pigeon.protocol.net;

import java.security.SecureRandom;

/** Short, random, log-friendly session ids (8 base-32 characters). */
public final class SessionIds {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();

    private SessionIds() {}

    public static String next() {
        char[] id = new char[8];
        for (int i = 0; i < id.length; i++) id[i] = ALPHABET[RANDOM.nextInt(ALPHABET.length)];
        return new String(id);
    }
}
