package pigeon.server.transcript;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;

/**
 * Transcript tests as JUnit 5 dynamic tests, one per {@code *.t} file (see
 * {@link TranscriptParser} for the format):
 *
 * <pre>{@code
 * @TestFactory
 * Stream<DynamicTest> smtp() {
 *     return Transcripts.tests("transcripts/smtp", Map.of("smtp", smtpAddress), fixtures);
 * }
 * }</pre>
 */
public final class Transcripts {

    private Transcripts() {}

    /**
     * One test per {@code *.t} file under the classpath directory {@code resourceDir}
     * (recursively, sorted by path). Sessions connect to the transcript's {@code @port},
     * else to the port named like the directory's last segment ({@code "transcripts/smtp"}
     * → {@code "smtp"}) if {@code ports} has it, else to the only port if there is one.
     */
    public static Stream<DynamicTest> tests(String resourceDir, Map<String, InetSocketAddress> ports,
                                            Fixtures fixtures) {
        String last = resourceDir.substring(resourceDir.lastIndexOf('/') + 1);
        String defaultPort = ports.containsKey(last) ? last
                : ports.size() == 1 ? ports.keySet().iterator().next() : null;
        return tests(resourceDir, defaultPort, ports, fixtures);
    }

    /** As above, with the default port named explicitly ({@code null}: every transcript says {@code @port}). */
    public static Stream<DynamicTest> tests(String resourceDir, String defaultPort,
                                            Map<String, InetSocketAddress> ports, Fixtures fixtures) {
        Map<String, InetSocketAddress> frozen = Map.copyOf(ports);
        return find(resourceDir).stream().map(file -> DynamicTest.dynamicTest(file.relative(), file.source(),
                () -> TranscriptRunner.run(TranscriptParser.parse(resourceDir + "/" + file.relative(), file.text()),
                        frozen, defaultPort, fixtures)));
    }

    /** Runs one transcript given as text, e.g. from a test of its own; {@code name} labels failures. */
    public static void run(String name, String text, String defaultPort, Map<String, InetSocketAddress> ports,
                           Fixtures fixtures) throws Exception {
        TranscriptRunner.run(TranscriptParser.parse(name, text), ports, defaultPort, fixtures);
    }

    /** A transcript file: path relative to the resource directory, where it came from, its text. */
    private record TranscriptFile(String relative, URI source, String text) {}

    private static List<TranscriptFile> find(String resourceDir) {
        List<TranscriptFile> files = new ArrayList<>();
        try {
            List<URL> roots = Collections.list(Thread.currentThread().getContextClassLoader().getResources(resourceDir));
            for (URL root : roots) {
                URI uri = root.toURI();
                if (uri.getScheme().equals("jar")) {
                    try (FileSystem jar = FileSystems.newFileSystem(uri, Map.of())) {
                        collect(jar.provider().getPath(uri), false, files);
                    } catch (FileSystemAlreadyExistsException e) {
                        collect(FileSystems.getFileSystem(uri).provider().getPath(uri), false, files);
                    }
                } else {
                    collect(Path.of(uri), true, files);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list transcripts under " + resourceDir, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        if (files.isEmpty()) {
            throw new IllegalArgumentException("no *.t transcripts on the classpath under " + resourceDir);
        }
        files.sort((a, b) -> a.relative().compareTo(b.relative()));
        return files;
    }

    private static void collect(Path root, boolean linkable, List<TranscriptFile> into) throws IOException {
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path path : walk.filter(p -> p.toString().endsWith(".t") && Files.isRegularFile(p)).toList()) {
                String relative = root.relativize(path).toString().replace('\\', '/');
                String text = Files.readString(path, StandardCharsets.UTF_8);
                into.add(new TranscriptFile(relative, linkable ? path.toUri() : null, text));
            }
        }
    }
}
