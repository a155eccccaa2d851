package io.telephonyhook.spring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The default route pattern is listed from the folder's own entries, in a jar and in a directory alike. */
class RouteFilesTest {

    @TempDir
    Path temp;

    @Test
    void theFolderOfAJarAndOfADirectoryListedWithoutItsSubfoldersOrOtherFiles() throws Exception {
        Path jar = temp.resolve("routes.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
            for (String entry : new String[] {"routes/", "routes/b.camel.yaml", "routes/a.camel.yaml",
                    "routes/readme.txt", "routes/more/c.camel.yaml", "other/d.camel.yaml", "routesx/e.camel.yaml"}) {
                out.putNextEntry(new JarEntry(entry));
                if (!entry.endsWith("/")) {
                    out.write(("- route: {id: " + entry + "}").getBytes(StandardCharsets.UTF_8));
                }
                out.closeEntry();
            }
        }
        Path directory = Files.createDirectories(temp.resolve("classes/routes/more"));
        Files.writeString(directory.resolveSibling("f.camel.yaml"), "[]");
        Files.writeString(directory.resolveSibling("a.camel.yaml"), "[]"); // in both: listed once
        Files.writeString(directory.resolveSibling("notes.md"), "");
        Files.writeString(directory.resolve("g.camel.yaml"), "[]");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {jar.toUri().toURL(),
                temp.resolve("classes").toUri().toURL()}, null)) {
            assertThat(RouteFiles.namesIn(loader, "routes/", "*.camel.yaml"))
                    .containsExactly("a.camel.yaml", "b.camel.yaml", "f.camel.yaml");
            assertThat(RouteFiles.namesIn(loader, "nowhere/", "*.camel.yaml")).isEmpty();

            try (DefaultCamelContext camel = new DefaultCamelContext()) {
                camel.setApplicationContextClassLoader(loader);
                assertThat(RouteFiles.find(camel, "classpath:routes/*.camel.yaml")).extracting(Resource::getLocation)
                        .containsExactly("classpath:routes/a.camel.yaml", "classpath:routes/b.camel.yaml",
                                "classpath:routes/f.camel.yaml");
            }
        }
    }
}
