package pigeon.server.transcript;

import java.util.Arrays;
import java.util.List;

/** Pairs the patterns of an S{ ... S} block with received lines, one to one (bipartite matching). */
final class UnorderedMatch {

    private final List<Glob> patterns;
    private final List<String> lines;
    private final int[] lineOf;
    private final int[] patternOf;

    private UnorderedMatch(List<Glob> patterns, List<String> lines) {
        this.patterns = patterns;
        this.lines = lines;
        this.lineOf = new int[patterns.size()];
        this.patternOf = new int[lines.size()];
        Arrays.fill(lineOf, -1);
        Arrays.fill(patternOf, -1);
    }

    /**
     * For each pattern, the index of the line it is paired with, or -1: a maximum matching,
     * so a pattern is left unpaired only when no one-to-one pairing could cover it.
     */
    static int[] assign(List<Glob> patterns, List<String> lines) {
        UnorderedMatch match = new UnorderedMatch(patterns, lines);
        for (int p = 0; p < patterns.size(); p++) {
            match.augment(p, new boolean[lines.size()]);
        }
        return match.lineOf;
    }

    /** Kuhn's augmenting path: pairs pattern p, moving earlier pairs along if need be. */
    private boolean augment(int p, boolean[] seen) {
        for (int l = 0; l < lines.size(); l++) {
            if (!seen[l] && patterns.get(p).matches(lines.get(l))) {
                seen[l] = true;
                if (patternOf[l] < 0 || augment(patternOf[l], seen)) {
                    lineOf[p] = l;
                    patternOf[l] = p;
                    return true;
                }
            }
        }
        return false;
    }
}
