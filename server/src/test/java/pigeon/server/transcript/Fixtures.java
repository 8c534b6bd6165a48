package pigeon.server.transcript;

/**
 * Sets up what a transcript's {@code @fixture NAME} lines ask for (accounts, messages...),
 * before its first step. Called once per {@code @fixture} line, in file order; the name is
 * the rest of that line. Throw to fail the transcript, e.g. for an unknown name.
 */
@FunctionalInterface
public interface Fixtures {

    void apply(String fixture) throws Exception;

    /** For transcripts that need no fixtures: any {@code @fixture} line fails. */
    Fixtures NONE = fixture -> {
        throw new IllegalArgumentException("no fixtures are defined here, not even: " + fixture);
    };
}
