package io.telephonyhook.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A JDK of Java 21 or later, the first with virtual threads, for the tests that run the hook on one while the build
 * runs on 17: {@code -Dhook.java21Home=DIR} if set, else the JDK under {@code /usr/lib/jvm} with the lowest version of
 * 21 or later (this machine's kind has Temurin's there beside Debian's 17).
 */
public final class VirtualThreadsJdk {

    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");
    private static final Path INSTALLED = Path.of("/usr/lib/jvm");

    private VirtualThreadsJdk() {
    }

    /** The JDK's home, or empty when none is set or installed. */
    public static Optional<Path> find() {
        String given = System.getProperty("hook.java21Home", "");
        if (!given.isBlank()) {
            Path home = Path.of(given.trim());
            if (feature(home) < 21) {
                throw new IllegalStateException("hook.java21Home=" + given + " is not a JDK of Java 21 or later");
            }
            return Optional.of(home);
        }
        if (!Files.isDirectory(INSTALLED)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(INSTALLED)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")) && feature(home) >= 21)
                    .min(Comparator.comparingInt(VirtualThreadsJdk::feature));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The JDK's feature version from its {@code release} file (25 for 25.0.3), or 0 when it has none. */
    static int feature(Path home) {
        try {
            Matcher version = VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException noReleaseFile) {
            return 0;
        }
    }
}
