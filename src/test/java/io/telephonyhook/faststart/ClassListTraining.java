package io.telephonyhook.faststart;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import io.telephonyhook.standalone.ClassPreloader;
import io.telephonyhook.support.JarProcess;

/**
 * Writes the {@code -exec} jar's list of classes to preload ({@link ClassPreloader}): runs the jar once in demo mode
 * with {@code -XX:DumpLoadedClassList}, through an SMS and a voice call as {@link CdsTraining} does, keeps the names of
 * the classes the jar itself holds (not the JDK's, which its own archive already serves, nor the JVM's generated
 * lambda classes), in the order the run loaded them, and adds them to the jar as {@value ClassPreloader#LIST}.
 *
 * <p>The entry is stored, not deflated, as the jar's others are; the manifest stays the first entry. Run by Maven in
 * {@code package} after the fast-start layout's training, so that layout (whose archive holds the classes already)
 * has no list: {@code ClassListTraining <exec jar> <scratch directory>}. Fails (exit status 1) on a list shorter than
 * {@link #FEWEST}.
 */
public final class ClassListTraining {

    /** Fewer than this means the run stopped early or the filter went wrong: a start loads about 8,700. */
    static final int FEWEST = 5_000;

    private ClassListTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath();
        Path scratch = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        Path dump = scratch.resolve("loaded-classes.lst");
        Files.deleteIfExists(dump);
        removeList(jar); // a list of an earlier build would preload in the training run itself

        JarProcess hook = CdsTraining.runThroughTwoCalls(jar, List.of("-XX:DumpLoadedClassList=" + dump), scratch,
                "class-list-training");
        List<String> names = jarClasses(jar, Files.readAllLines(dump, StandardCharsets.UTF_8));
        if (names.size() < FEWEST) {
            CdsTraining.fail("the run loaded " + names.size() + " of the jar's classes, fewer than " + FEWEST, hook);
        }
        writeList(jar, names);
        System.out.printf("Class list: %d classes to preload in %s (%s)%n", names.size(), jar, ClassPreloader.LIST);
    }

    /**
     * The names of {@code -XX:DumpLoadedClassList}'s lines ({@code java/lang/Object id: 1 ...}, comments and
     * {@code @lambda-...} lines among them) whose class file the jar holds, in binary form, each once, in order.
     */
    static List<String> jarClasses(Path jar, List<String> dumpLines) throws IOException {
        Set<String> inJar = new LinkedHashSet<>();
        try (FileSystem zip = FileSystems.newFileSystem(jar); Stream<Path> entries = Files.walk(zip.getPath("/"))) {
            entries.map(Path::toString).filter(entry -> entry.endsWith(".class"))
                    .forEach(entry -> inJar.add(entry.substring(1, entry.length() - ".class".length())));
        }
        Set<String> names = new LinkedHashSet<>();
        for (String line : dumpLines) {
            if (line.isBlank() || line.startsWith("#") || line.startsWith("@")) {
                continue;
            }
            String internal = line.strip().split("\\s+", 2)[0];
            if (inJar.contains(internal)) {
                names.add(internal.replace('/', '.'));
            }
        }
        return List.copyOf(names);
    }

    private static void writeList(Path jar, List<String> names) throws IOException {
        // zipfs keeps the entries it finds, in their order and as they are, and appends the new one, stored
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()),
                Map.of("compressionMethod", "STORED"))) {
            Path list = zip.getPath(ClassPreloader.LIST);
            Files.createDirectories(list.getParent());
            Files.write(list, (String.join("\n", names) + "\n").getBytes(StandardCharsets.UTF_8));
        }
    }

    private static void removeList(Path jar) throws IOException {
        try (FileSystem zip = FileSystems.newFileSystem(jar)) {
            Files.deleteIfExists(zip.getPath(ClassPreloader.LIST));
        }
    }
}
