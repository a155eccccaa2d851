package io.telephonyhook.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The names of the beans the routes in {@code routes/} call ({@code ref: hookAuthenticator}, and the composers their
 * template is given), read from the YAML itself, so a test can ask every host for each of them.
 */
public final class RouteBeans {

    private static final Pattern REFERENCE = Pattern.compile("(?:ref|value): \"?([a-z]+[A-Z][A-Za-z]*)\"?\\s*$"
            + "|\\{name: (?:composer|clients), value: \"?([a-z]+[A-Z][A-Za-z]*)\"?}", Pattern.MULTILINE);

    private RouteBeans() {
    }

    public static Set<String> names() {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("routes"))) {
            for (Path file : files.filter(path -> path.toString().endsWith(".camel.yaml")).toList()) {
                Matcher reference = REFERENCE.matcher(Files.readString(file));
                while (reference.find()) {
                    names.add(reference.group(1) != null ? reference.group(1) : reference.group(2));
                }
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return names;
    }
}
