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
    /** Where the hook's /actuator is (the floor has none). */
    final int managementPort;
    private final Process process;
    final long startedNanos;

    private Target(String name, int port, int managementPort, Process process, long startedNanos) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    static Target start(String name, List<String> command, Map<String, String> environment, int port, Path log)
            throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(environment);
        long started = System.nanoTime();
        return new Target(name, port, Integer.parseInt(environment.get("MANAGEMENT_PORT")), builder.start(), started);
    }

    /**
     * The hook's {@code telephony_hook_twilio_request_duration_seconds} so far, summed over its labels: {total seconds,
     * count}; zeros for the floor, which has no metrics.
     */
    double[] twilioRequestTime() {
        if (!name.equals(BenchReport.HOOK)) {
            return new double[] {0, 0};
        }
        try {
            String metrics = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                    java.net.http.HttpResponse.BodyHandlers.ofString()).body();
            double sum = 0;
            double count = 0;
            for (String line : metrics.split("\n")) {
                String value = line.substring(line.lastIndexOf(' ') + 1);
                if (line.startsWith("telephony_hook_twilio_request_duration_seconds_sum{")) {
                    sum += Double.parseDouble(value);
                } else if (line.startsWith("telephony_hook_twilio_request_duration_seconds_count{")) {
                    count += Double.parseDouble(value);
                }
            }
            return new double[] {sum, count};
        } catch (IOException | InterruptedException unreachable) {
            throw new IllegalStateException("the hook's metrics", unreachable);
        }
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
