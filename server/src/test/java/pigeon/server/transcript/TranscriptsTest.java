package pigeon.server.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Finding transcripts on the classpath, in directories and in jars, and choosing the default port. */
class TranscriptsTest {

    @Test
    void findsFilesInADirectoryWithTheirSource() {
        List<DynamicTest> tests = Transcripts.tests("transcript-selftest/smtp", Map.of(), Fixtures.NONE).toList();
        assertEquals(List.of("raw-bytes.t", "send.t"), tests.stream().map(DynamicTest::getDisplayName).toList());
        assertTrue(tests.getFirst().getTestSourceUri().orElseThrow().toString().endsWith("/smtp/raw-bytes.t"));
    }

    @Test
    void aDirectoryWithoutTranscriptsIsAnError() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Transcripts.tests("no/such/dir", Map.of(), Fixtures.NONE));
        assertEquals("no *.t transcripts on the classpath under no/such/dir", e.getMessage());
    }

    @Test
    void findsFilesInAJarAndPicksTheDefaultPortByDirectoryName(@TempDir Path dir) throws Throwable {
        Path jar = dir.resolve("t.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "ts/", "");
            add(out, "ts/fake/", "");
            add(out, "ts/fake/b.t", "S: 220 fake\n");
            add(out, "ts/fake/a/", "");
            add(out, "ts/fake/a/c.t", "# nested\nS: 220 fake\n");
            add(out, "ts/fake/readme.txt", "not a transcript");
            add(out, "ts/fake/broken.t", "X: nonsense\n");
        }
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (FakeServer fake = new FakeServer(); FakeServer other = new FakeServer();
             URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            List<DynamicTest> tests = Transcripts.tests("ts/fake",
                    Map.of("fake", fake.address(), "other", other.address()), Fixtures.NONE).toList();
            assertEquals(List.of("a/c.t", "b.t", "broken.t"), tests.stream().map(DynamicTest::getDisplayName).toList());
            assertNull(tests.getFirst().getTestSourceUri().orElse(null));
            tests.get(0).getExecutable().execute();
            tests.get(1).getExecutable().execute();
            assertEquals(2, fake.accepted());
            assertEquals(0, other.accepted());
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> tests.get(2).getExecutable().execute());
            assertEquals("ts/fake/broken.t:1: unknown directive: X: nonsense", e.getMessage());
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    @Test
    void otherwiseTheOnlyPortIsTheDefault(@TempDir Path dir) throws Throwable {
        Path jar = dir.resolve("t.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            add(out, "ts/", "");
            add(out, "ts/fake/", "");
            add(out, "ts/fake/b.t", "S: 220 fake\n");
        }
        ClassLoader before = Thread.currentThread().getContextClassLoader();
        try (FakeServer fake = new FakeServer();
             URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL()}, null)) {
            Thread.currentThread().setContextClassLoader(loader);
            Transcripts.tests("ts/fake", Map.of("only", fake.address()), Fixtures.NONE)
                    .toList().getFirst().getExecutable().execute();
            assertEquals(1, fake.accepted());
            DynamicTest two = Transcripts.tests("ts/fake", Map.of("a", fake.address(), "b", fake.address()),
                    Fixtures.NONE).toList().getFirst();
            AssertionError e = assertThrows(AssertionError.class, () -> two.getExecutable().execute());
            assertTrue(e.getMessage().startsWith("ts/fake/b.t:1 (session 1): no port to connect to:"
                    + " no SESSION port, no @port, no default\n  known ports: [a, b]"), e.getMessage());
        } finally {
            Thread.currentThread().setContextClassLoader(before);
        }
    }

    /** Adds a jar entry; names ending in "/" are directories, which class loaders need to list a folder. */
    private static void add(JarOutputStream out, String name, String text) throws IOException {
        out.putNextEntry(new JarEntry(name));
        out.write(text.getBytes(StandardCharsets.UTF_8));
        out.closeEntry();
    }
}
