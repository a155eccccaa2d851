package io.telephonyhook.standalone;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The plain jar's preloading: what it loads, that it initialises nothing, and that without a list nothing starts. */
class ClassPreloaderTest {

    /** Set by {@link Marked}'s static initialiser, which must not run when the class is preloaded. */
    static final AtomicBoolean MARKED_INITIALISED = new AtomicBoolean();

    static final class Marked {
        static {
            MARKED_INITIALISED.set(true);
        }

        private Marked() {
        }
    }

    @TempDir
    Path jarLike;

    @Test
    void loadsTheNamedClassesWithoutInitialisingThemAndPassesOverTheAbsent() throws Exception {
        String marked = ClassPreloaderTest.class.getName() + "$Marked";
        int loaded = ClassPreloader.preload(List.of(marked, "io.telephonyhook.NoSuchClass", "java.util.HashMap"),
                getClass().getClassLoader());

        assertThat(loaded).isEqualTo(2);
        assertThat(MARKED_INITIALISED).as("preloading ran a static initialiser").isFalse();
        Class.forName(marked, true, getClass().getClassLoader()); // the marker works: initialising sets it
        assertThat(MARKED_INITIALISED).isTrue();
    }

    @Test
    void readsTheListOneNameALineSkippingBlankLines() throws Exception {
        try (URLClassLoader loader = jarWithList("java.util.ArrayList\n\n  java.util.HashMap  \njava.util.TreeMap\n")) {
            assertThat(ClassPreloader.names(loader))
                    .containsExactly("java.util.ArrayList", "java.util.HashMap", "java.util.TreeMap");
        }
    }

    @Test
    void onOneProcessorNothingStartsEvenWithAList() throws Exception {
        try (URLClassLoader loader = jarWithList("java.util.ArrayList\n")) {
            assertThat(ClassPreloader.startInBackground(loader, 1)).isFalse();
            assertThat(ClassPreloader.startInBackground(loader, 2)).isTrue();
        }
    }

    /** A class loader over a directory laid out as the jar is, holding a list with {@code text}. */
    private URLClassLoader jarWithList(String text) throws Exception {
        Path list = jarLike.resolve(ClassPreloader.LIST);
        Files.createDirectories(list.getParent());
        Files.writeString(list, text);
        return new URLClassLoader(new URL[] {jarLike.toUri().toURL()}, null);
    }

    @Test
    void withoutAListNothingStarts() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {jarLike.toUri().toURL()}, null)) {
            assertThat(ClassPreloader.names(loader)).isEmpty();
            assertThat(ClassPreloader.startInBackground(loader, 2)).isFalse();
        }
    }
}
