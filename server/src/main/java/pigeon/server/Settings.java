package pigeon.server;

import java.time.Duration;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Typed reading of the configuration file's keys. Every key read is remembered, so that
 * {@link #rejectUnknown()} can refuse a misspelt key instead of silently ignoring it.
 */
final class Settings {
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*([kmg]?)i?b?", Pattern.CASE_INSENSITIVE);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h|d)", Pattern.CASE_INSENSITIVE);

    private final Map<String, String> values;
    private final Set<String> read = new TreeSet<>();

    Settings(Map<String, String> values) { this.values = new TreeMap<>(values); }

    String string(String key, String fallback) {
        read.add(key);
        String v = values.get(key);
        return v == null || v.isBlank() ? fallback : v.trim();
    }

    int integer(String key, int fallback) {
        String v = string(key, null);
        if (v == null) return fallback;
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": not a whole number: " + v);
        }
    }

    boolean bool(String key, boolean fallback) {
        String v = string(key, null);
        if (v == null) return fallback;
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException(key + ": not true or false: " + v);
        };
    }

    /** A TCP port, or {@code off}; {@code fallback} when unset (empty: off unless set). */
    OptionalInt port(String key, OptionalInt fallback) {
        String v = string(key, null);
        if (v == null) return fallback;
        if (v.equalsIgnoreCase("off")) return OptionalInt.empty();
        int port = integer(key, 0);
        if (port < 0 || port > 65535) throw new IllegalArgumentException(key + ": not a port number (0-65535) or off: " + v);
        return OptionalInt.of(port);
    }

    /** Octets, with an optional K, M or G suffix (powers of 1024): {@code 25M}. */
    long size(String key, long fallback) {
        String v = string(key, null);
        if (v == null) return fallback;
        Matcher m = SIZE.matcher(v);
        if (!m.matches()) throw new IllegalArgumentException(key + ": not a size (like 512K or 25M): " + v);
        int shift = switch (m.group(2).toLowerCase(Locale.ROOT)) { case "k" -> 10; case "m" -> 20; case "g" -> 30; default -> 0; };
        return Long.parseLong(m.group(1)) << shift;
    }

    /** A duration such as {@code 300s}, {@code 5m}, {@code 2h}, {@code 5d} or {@code 500ms}. */
    Duration duration(String key, Duration fallback) {
        String v = string(key, null);
        if (v == null) return fallback;
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) throw new IllegalArgumentException(key + ": not a duration (like 30s, 5m, 2h): " + v);
        long n = Long.parseLong(m.group(1));
        return switch (m.group(2).toLowerCase(Locale.ROOT)) {
            case "ms" -> Duration.ofMillis(n);
            case "s" -> Duration.ofSeconds(n);
            case "m" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofDays(n);
        };
    }

    void rejectUnknown() {
        Set<String> unknown = new TreeSet<>(values.keySet());
        unknown.removeAll(read);
        if (!unknown.isEmpty()) throw new IllegalArgumentException("unknown configuration key(s): " + String.join(", ", unknown));
    }
}
