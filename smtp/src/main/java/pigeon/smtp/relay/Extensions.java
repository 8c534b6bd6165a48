package pigeon.smtp.relay;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.Set;

/**
 * What a server said it supports in its EHLO reply (RFC 5321 §4.1.1.1): one keyword per line after
 * the first, with parameters. A HELO-only server supports nothing.
 */
record Extensions(Set<String> keywords, OptionalLong maxSize) {
    static final Extensions NONE = new Extensions(Set.of(), OptionalLong.empty());

    Extensions {
        keywords = Set.copyOf(keywords);
    }

    static Extensions fromEhlo(SmtpReply reply) {
        List<String> lines = reply.lines();
        Set<String> keywords = new HashSet<>();
        OptionalLong size = OptionalLong.empty();
        for (String line : lines.subList(1, lines.size())) {
            String[] words = line.strip().split("\\s+");
            if (words[0].isEmpty()) continue;
            String keyword = words[0].toUpperCase(Locale.ROOT);
            keywords.add(keyword);
            // RFC 1870 §4: "SIZE" alone or "SIZE 0" means no fixed limit.
            if (keyword.equals("SIZE") && words.length > 1 && words[1].matches("\\d{1,18}")) {
                long n = Long.parseLong(words[1]);
                if (n > 0) size = OptionalLong.of(n);
            }
        }
        return new Extensions(keywords, size);
    }

    boolean has(String keyword) { return keywords.contains(keyword); }
}
