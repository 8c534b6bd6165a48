package pigeon.imap.search;

/**
 * RFC 5256 §2.1: the base subject of a message, used by SORT SUBJECT and by both THREAD algorithms, and
 * whether the extraction found the message to be a reply or forward (§2.1 and THREAD=REFERENCES step 6).
 *
 * @param text             the base subject, encoded words decoded, possibly empty
 * @param replyOrForward   true when a subj-refwd, a "(fwd)" subj-trailer or a "[fwd: …]" wrapper was removed
 */
public record BaseSubject(String text, boolean replyOrForward) {

    /** Extracts the base subject of a raw Subject: value (null is the empty subject). */
    public static BaseSubject of(String rawSubject) {
        if (rawSubject == null) return new BaseSubject("", false);
        // (1) decode encoded words; tabs and line breaks to spaces; runs of spaces to one
        String s = EncodedWords.decode(rawSubject).replaceAll("[\\t\\r\\n]", " ").replaceAll(" {2,}", " ");
        boolean reply = false;
        while (true) {
            // (2) remove subj-trailer ("(fwd)" / WSP) repeatedly
            while (true) {
                if (s.endsWith(" ")) {
                    s = s.substring(0, s.length() - 1);
                } else if (endsWithIgnoreCase(s, "(fwd)")) {
                    s = s.substring(0, s.length() - 5);
                    reply = true;
                } else {
                    break;
                }
            }
            // (3)-(5) remove subj-leaders, and subj-blobs that leave a non-empty base, until neither applies
            boolean changed = true;
            while (changed) {
                changed = false;
                int leader = leader(s);
                if (leader > 0) {
                    if (s.charAt(0) != ' ') reply = true; // a subj-refwd, not mere WSP
                    s = s.substring(leader);
                    changed = true;
                    continue;
                }
                int blob = blob(s, 0);
                if (blob > 0 && !s.substring(blob).isBlank()) {
                    s = s.substring(blob);
                    changed = true;
                }
            }
            // (6) "[fwd:" subject "]": unwrap and repeat from (2)
            if (s.regionMatches(true, 0, "[fwd:", 0, 5) && s.endsWith("]")) {
                s = s.substring(5, s.length() - 1);
                reply = true;
                continue;
            }
            return new BaseSubject(s, reply);
        }
    }

    /** Length of a subj-leader at the start ({@code (*subj-blob subj-refwd) / WSP}), or 0. */
    private static int leader(String s) {
        if (s.startsWith(" ") || s.startsWith("\t")) return 1;
        int i = 0;
        while (true) {
            int refwd = refwd(s, i);
            if (refwd > 0) return refwd;
            int blob = blob(s, i);
            if (blob == 0) return 0;
            i = blob;
        }
    }

    /** End of a subj-refwd ({@code ("re" / ("fw" ["d"])) *WSP [subj-blob] ":"}) starting at {@code i}, or 0. */
    private static int refwd(String s, int i) {
        int j;
        if (s.regionMatches(true, i, "re", 0, 2)) j = i + 2;
        else if (s.regionMatches(true, i, "fwd", 0, 3)) j = i + 3;
        else if (s.regionMatches(true, i, "fw", 0, 2)) j = i + 2;
        else return 0;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j++;
        int blob = blob(s, j);
        if (blob > 0) j = blob;
        return j < s.length() && s.charAt(j) == ':' ? j + 1 : 0;
    }

    /** End of a subj-blob ({@code "[" *BLOBCHAR "]" *WSP}) starting at {@code i}, or 0. */
    private static int blob(String s, int i) {
        if (i >= s.length() || s.charAt(i) != '[') return 0;
        int j = i + 1;
        while (j < s.length() && s.charAt(j) != '[' && s.charAt(j) != ']') j++;
        if (j >= s.length() || s.charAt(j) != ']') return 0;
        j++;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t')) j++;
        return j;
    }

    private static boolean endsWithIgnoreCase(String s, String suffix) {
        return s.length() >= suffix.length() && s.regionMatches(true, s.length() - suffix.length(), suffix, 0, suffix.length());
    }
}
