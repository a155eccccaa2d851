package io.telephonyhook.faststart;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

import org.springframework.util.FileSystemUtils;

/**
 * Adds Spring AOT's bean definitions to the fast-start layout's jar (README, "Fast start"). Spring Boot's AOT engine
 * ({@code SpringApplicationAotProcessor}) runs the application up to its refresh, in demo mode, and writes Java code
 * that registers each bean directly: at start Spring then has no configuration class to parse, no condition to evaluate
 * and no bean type to infer. The code is compiled here and added to {@code telephony-hook.jar}, with a
 * {@code spring.properties} that says {@code spring.aot.enabled=true}, which Spring reads from the class path. The exec
 * jar is left as it was: started with {@code java -jar}, it evaluates every condition at start as before.
 *
 * <p>What the conditions decided in this run stays decided in the layout: the management server on a port of its own
 * (which the layout then requires: {@code ManagementPortOfItsOwn}), Spring's and Camel's own switches, no cloud
 * platform. The hook's settings, demo or live mode included, are read at start as always (docs/going-live.md, "Fast
 * start"). {@code spring.properties} wins over a {@code -Dspring.aot.enabled} given at start, so the layout always runs
 * on these beans; the {@code -exec} jar is the one that decides at start.
 *
 * <p>Run by Maven in {@code package} (exec-maven-plugin, test class path), after the exec jar is copied in and before
 * {@link CdsTraining}, which then trains the archive on these classes:
 * {@code SpringAotProcessing <fast-start directory> <scratch directory>}. Fails (exit status 1) if the engine fails.
 */
public final class SpringAotProcessing {

    private static final String APPLICATION = "io.telephonyhook.TelephonyHookApplication";
    private static final Duration TIMEOUT = Duration.ofMinutes(5);
    /** Settings of the build's environment that could change what the conditions decide: none reach the run. */
    private static final List<String> NOT_PASSED_ON = List.of("TWILIO_", "OKTA_HOOK_", "HOOK_", "SPRING_", "SERVER_",
            "MANAGEMENT_", "CAMEL_", "PORT", "LOG_FORMAT", "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS");

    private SpringAotProcessing() {
    }

    public static void main(String[] args) throws Exception {
        Path jar = Path.of(args[0]).toAbsolutePath().resolve("telephony-hook.jar");
        Path scratch = Path.of(args[1]).toAbsolutePath().resolve("spring-aot");
        FileSystemUtils.deleteRecursively(scratch);
        Path sources = scratch.resolve("sources");
        Path classes = scratch.resolve("classes");
        Instant began = Instant.now();

        Path log = Files.createDirectories(scratch).resolve("spring-aot.log");
        ProcessBuilder engine = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", jar.toString(), "org.springframework.boot.SpringApplicationAotProcessor", APPLICATION,
                sources.toString(), scratch.resolve("resources").toString(), classes.toString(), "io.telephonyhook",
                "telephony-hook", "--spring.main.cloud-platform=none") // whatever platform the build runs on
                .directory(scratch.toFile()).redirectErrorStream(true).redirectOutput(log.toFile());
        engine.environment().keySet().removeIf(name -> NOT_PASSED_ON.stream().anyMatch(name::startsWith));
        Process run = engine.start();
        if (!run.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS) || run.exitValue() != 0) {
            run.destroyForcibly();
            fail("the AOT engine failed or did not end within " + TIMEOUT.toMinutes() + " minutes", log);
        }

        compile(sources, classes, jar, log);
        int added = addToJar(classes, jar);
        System.out.printf("Spring AOT: %d classes added to %s in %.1f s; the engine's log: %s%n", added, jar,
                Duration.between(began, Instant.now()).toMillis() / 1000.0, log);
    }

    /** The generated sources, against the jar and the engine's own generated classes (CGLIB proxies). */
    private static void compile(Path sources, Path classes, Path jar, Path log) throws IOException {
        List<String> files;
        try (Stream<Path> walk = Files.walk(sources)) {
            files = walk.filter(file -> file.toString().endsWith(".java")).map(Path::toString).toList();
        }
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        List<String> options = new ArrayList<>(List.of("-d", classes.toString(), "-cp",
                jar + File.pathSeparator + classes, "--release", "17", "-proc:none", "-nowarn", "-encoding", "UTF-8"));
        options.addAll(files);
        if (javac == null || javac.run(null, null, null, options.toArray(String[]::new)) != 0) {
            fail("the generated sources did not compile (" + files.size() + " files under " + sources + ")", log);
        }
    }

    /** Every compiled class, at its path, and {@code spring.properties}; returns the number of classes. */
    private static int addToJar(Path classes, Path jar) throws IOException {
        List<Path> compiled;
        try (Stream<Path> walk = Files.walk(classes)) {
            compiled = walk.filter(Files::isRegularFile).toList();
        }
        try (FileSystem zip = FileSystems.newFileSystem(URI.create("jar:" + jar.toUri()), Map.of())) {
            for (Path file : compiled) {
                Path entry = zip.getPath("/" + classes.relativize(file).toString().replace(File.separatorChar, '/'));
                Files.createDirectories(entry.getParent());
                Files.copy(file, entry, StandardCopyOption.REPLACE_EXISTING);
            }
            Path properties = zip.getPath("/spring.properties");
            String before = Files.exists(properties) ? Files.readString(properties, StandardCharsets.ISO_8859_1) : "";
            before = before.isEmpty() || before.endsWith("\n") ? before : before + "\n";
            Files.writeString(properties, before + "# the fast-start layout: Spring AOT's bean definitions"
                    + " (io.telephonyhook.faststart.SpringAotProcessing)\nspring.aot.enabled=true\n",
                    StandardCharsets.ISO_8859_1);
        }
        return (int) compiled.stream().filter(file -> file.toString().endsWith(".class")).count();
    }

    private static void fail(String why, Path log) throws IOException {
        throw new IllegalStateException("Spring AOT processing failed: " + why + "\n--- " + log + " ---\n"
                + (Files.exists(log) ? Files.readString(log) : ""));
    }
}
