package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;

import org.junit.jupiter.api.Test;

/**
 * The pom's own artifact is a plain library for applications that add the hook as a dependency: classes, the
 * auto-configuration, the settings' metadata and the routes, none of the standalone application's classes, packaging
 * or settings.
 */
class LibraryJarIT {

    private static final Path LIBRARY = Path.of(System.getProperty("hook.library",
            "target/okta-twilio-telephony-hook-0.1.0-SNAPSHOT.jar")).toAbsolutePath();

    @Test
    void isAPlainLibraryWithTheAutoConfigurationAndTheRoutes() throws Exception {
        assertThat(LIBRARY).as("the library jar (run 'mvnw verify')").exists();
        try (JarFile jar = new JarFile(LIBRARY.toFile())) {
            List<String> entries = jar.stream().map(ZipEntry::getName).toList();

            assertThat(entries).noneMatch(name -> name.startsWith("BOOT-INF/"))
                    .noneMatch(name -> name.startsWith("org/springframework/boot/loader/"))
                    .doesNotContain("application.yaml", "application.yml", "application.properties");
            assertThat(jar.getManifest().getMainAttributes().getValue("Start-Class")).isNull();
            assertThat(entries).contains(
                    "META-INF/spring/org.springframework.boot.autoconfigure.AutoConfiguration.imports",
                    "telephony-hook/routes/telephony-hook.camel.yaml",
                    "telephony-hook/routes/error-handling.camel.yaml",
                    "telephony-hook/routes/twilio-delivery.camel.yaml",
                    "io/telephonyhook/spring/TelephonyHookAutoConfiguration.class",
                    "META-INF/spring-configuration-metadata.json");
            // the standalone application's classes live only in the runnable jar
            assertThat(entries).noneMatch(name -> name.startsWith("io/telephonyhook/standalone/"))
                    .noneMatch(name -> name.startsWith("io/telephonyhook/TelephonyHookApplication"));
            String factories = new String(jar.getInputStream(jar.getEntry("META-INF/spring.factories")).readAllBytes(),
                    java.nio.charset.StandardCharsets.UTF_8);
            assertThat(factories).doesNotContain("standalone");
        }
    }
}
