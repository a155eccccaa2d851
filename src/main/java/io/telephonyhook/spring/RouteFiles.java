package io.telephonyhook.spring;

import java.io.IOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.Resource;
import org.apache.camel.support.PluginHelper;
import org.apache.camel.support.ResourceHelper;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.util.AntPathMatcher;

/**
 * The route files {@code hook.routes} names. A {@code classpath:} pattern whose wildcards are all in the file name
 * ({@code classpath:telephony-hook/routes/*.camel.yaml}, the default) is listed here, from the folder's own entries in
 * each jar or directory that has it. Camel's Spring Boot resolver reads (inflates) every entry of a jar instead, 2.5 s
 * of the start when the hook runs as one flat jar; Spring's resolver sorts the names of all its 40,000 entries first,
 * 0.15 s. Each file is still handed to Camel as {@code classpath:dir/name}, the name its errors quote. Any other
 * pattern ({@code file:}, wildcards in the folders) goes to Camel's own resolver.
 */
final class RouteFiles {

    private static final String CLASSPATH = "classpath:";
    private static final AntPathMatcher FILE_NAMES = new AntPathMatcher();

    private RouteFiles() {
    }

    static Collection<Resource> find(CamelContext camel, String pattern) throws Exception {
        String path = pattern.startsWith(CLASSPATH) ? pattern.substring(CLASSPATH.length()) : null;
        int slash = path == null ? -1 : path.lastIndexOf('/');
        String folder = slash < 0 ? null : path.substring(0, slash + 1);
        if (folder == null || folder.contains("*") || folder.contains("?") || folder.startsWith("/")) {
            return PluginHelper.getPackageScanResourceResolver(camel).findResources(pattern);
        }
        ClassLoader loader = camel.getApplicationContextClassLoader() != null ? camel.getApplicationContextClassLoader()
                : RouteFiles.class.getClassLoader();
        Set<String> names = namesIn(loader, folder, path.substring(slash + 1));
        if (names == null) { // a class path entry neither a jar nor a directory: Spring's resolver knows more kinds
            names = new TreeSet<>();
            for (org.springframework.core.io.Resource found
                    : new PathMatchingResourcePatternResolver(loader).getResources(pattern)) {
                if (found.isReadable() && found.getFilename() != null) {
                    names.add(found.getFilename());
                }
            }
        }
        List<Resource> files = new ArrayList<>();
        for (String name : names) {
            files.add(ResourceHelper.resolveResource(camel, CLASSPATH + folder + name));
        }
        return files;
    }

    /**
     * The names in {@code folder}, in every jar and directory of the class path that has it, matching the pattern;
     * null when a class path entry that has it is neither.
     */
    static Set<String> namesIn(ClassLoader loader, String folder, String namePattern) throws IOException {
        Set<String> names = new TreeSet<>();
        for (URL root : Collections.list(loader.getResources(folder))) {
            URLConnection connection = root.openConnection();
            if (connection instanceof JarURLConnection jarFolder) {
                jarFolder.setUseCaches(false); // a JarFile of its own, closed here
                try (JarFile jar = jarFolder.getJarFile()) {
                    String prefix = jarFolder.getEntryName().endsWith("/") ? jarFolder.getEntryName()
                            : jarFolder.getEntryName() + "/";
                    jar.stream().map(JarEntry::getName)
                            .filter(entry -> entry.startsWith(prefix) && entry.indexOf('/', prefix.length()) < 0)
                            .map(entry -> entry.substring(prefix.length()))
                            .filter(name -> !name.isEmpty() && FILE_NAMES.match(namePattern, name))
                            .forEach(names::add);
                }
            } else if ("file".equals(root.getProtocol())) {
                try (Stream<Path> listed = Files.list(Path.of(root.toURI()))) {
                    listed.filter(Files::isRegularFile).map(file -> file.getFileName().toString())
                            .filter(name -> FILE_NAMES.match(namePattern, name)).forEach(names::add);
                } catch (URISyntaxException notAFile) {
                    throw new IOException("Cannot list " + root, notAFile);
                }
            } else {
                return null;
            }
        }
        return names;
    }
}
