package io.telephonyhook.standalone;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Loads, on a thread of its own, the classes a start of the {@code -exec} jar is about to load, so that the main thread
 * finds them loaded. A plain {@code java -jar} spends about half of its start reading, parsing and verifying some
 * 9,000 classes of its own, one after another on the main thread, while a 2-core machine's other core is idle about
 * half the time; this thread does that work beside it (docs/going-live.md, "The plain jar's class list").
 *
 * <p>The list, {@value #LIST}, is written into the {@code -exec} jar by the build: the classes of the jar that one
 * start of it loaded through an SMS and a voice call ({@code io.telephonyhook.faststart.ClassListTraining}). Without
 * the list (the fast-start layout, whose archive holds the classes already; {@code spring-boot:run}; a test), nothing
 * starts. Classes are loaded and linked, never initialised ({@code Class.forName(name, false, loader)}): no static
 * initialiser runs earlier, or on another thread, than it would have. A name the jar no longer has is passed over.
 * On a single processor nothing starts.
 */
public final class ClassPreloader {

    /** Where the build puts the list in the {@code -exec} jar: a class name a line, in the order a start loaded them. */
    public static final String LIST = "META-INF/telephony-hook/preload-classes.txt";

    private ClassPreloader() {
    }

    /** Starts the preloading thread when the application's jar holds the list; returns whether it started. */
    public static boolean startInBackground(ClassLoader loader) {
        return startInBackground(loader, Runtime.getRuntime().availableProcessors());
    }

    /**
     * As {@link #startInBackground(ClassLoader)}, with {@code processors} the JVM may run on: on one (a container
     * limited to a single CPU), a second thread could only take turns with the main one, so none starts.
     */
    static boolean startInBackground(ClassLoader loader, int processors) {
        if (processors < 2) {
            return false;
        }
        if (loader.getResource(LIST) == null) {
            return false;
        }
        // the list (about half a megabyte) is read on the thread too: the main thread only looks whether it is there
        Thread preloading = new Thread(() -> preload(names(loader), loader), "class-preloader");
        preloading.setDaemon(true); // never holds the JVM up, nor a failed start
        preloading.start();
        return true;
    }

    /** Loads the named classes without initialising them; returns how many of them it loaded. */
    static int preload(List<String> names, ClassLoader loader) {
        int loaded = 0;
        for (String name : names) {
            try {
                Class.forName(name, false, loader);
                loaded++;
            } catch (ClassNotFoundException | LinkageError absentOrBroken) {
                // the main thread meets the same when, and if, it needs the class; nothing to add here
            }
        }
        return loaded;
    }

    /** The list's names, or none when the jar has no list or it cannot be read. */
    static List<String> names(ClassLoader loader) {
        List<String> names = new ArrayList<>();
        try (InputStream list = loader.getResourceAsStream(LIST)) {
            if (list == null) {
                return names;
            }
            BufferedReader lines = new BufferedReader(new InputStreamReader(list, StandardCharsets.UTF_8));
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (!line.isBlank()) {
                    names.add(line.strip());
                }
            }
        } catch (IOException unreadable) {
            names.clear(); // a start without the preloading, as without a list
        }
        return names;
    }
}
