package io.telephonyhook.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A server under test, in its own JVM as in production: the packaged hook, or the floor. */
final class Target implements AutoCloseable {

    final String name;
    final int port;
    private final Process process;
    final long startedNanos;

    private Target(String name, int port, Process process, long startedNanos) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    static Target start(String name, List<String> command, Map<String, String> environment, int port, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new Target(name, port, builder.start(), started);
    }

    /** Resident set size, from the kernel's own accounting. */
    long rssBytes() throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
            }
        }
        throw new IOException("no VmRSS for " + process.pid());
    }

    /**
     * Where the resident memory went, when the target runs with {@code -XX:NativeMemoryTracking=summary}: the JVM's
     * own accounting (heap, metaspace, threads, code cache, GC, ...) written to {@code file}.
     */
    void nativeMemorySummary(Path file) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        new ProcessBuilder(jcmd.toString(), String.valueOf(process.pid()), "VM.native_memory", "summary")
                .redirectErrorStream(true).redirectOutput(file.toFile()).start().waitFor(30, TimeUnit.SECONDS);
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The documented fast start: the extracted jar with the class-data archive its build trained (README). */
    static List<String> fastStart(Path directory) {
        Path jar = directory.resolve("telephony-hook.jar");
        Path archive = directory.resolve("telephony-hook.jsa");
        if (!Files.isRegularFile(jar) || !Files.isRegularFile(archive)) {
            throw new IllegalStateException("no fast-start layout in " + directory.toAbsolutePath()
                    + " (built by 'mvnw package' unless -Dfast-start.skip)");
        }
        return List.of("-XX:SharedArchiveFile=" + archive, "-jar", jar.toString());
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
