package io.telephonyhook.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A server under test, in its own process as in production: the packaged hook, the floor, or the Node peer. Its
 * resident memory and CPU time are read from the kernel's accounting of that process, so whatever the server does on
 * any of its threads counts, and nothing of the benchmark's own JVM (the load generator, the stand-in) does.
 */
final class Target implements AutoCloseable {

    /** Clock ticks per second, the unit of /proc/[pid]/stat's CPU times. */
    private static final long CLOCK_TICKS = clockTicks();

    final String name;
    final int port;
    /** Where the hook's /actuator is (the floor and the peer have none). */
    final int managementPort;
    /** What Okta's calls carry in their Authorization header to this target. */
    final String authorization;
    private final Process process;
    final long startedNanos;

    private Target(String name, int port, int managementPort, String authorization, Process process,
            long startedNanos) {
        this.name = name;
        this.port = port;
        this.managementPort = managementPort;
        this.authorization = authorization;
        this.process = process;
        this.startedNanos = startedNanos;
    }

    /** Starts {@code builder} (command, directory, environment and log set by {@link Targets}) and notes when. */
    static Target start(String name, ProcessBuilder builder, int port, int managementPort, String authorization)
            throws IOException {
        long started = System.nanoTime();
        return new Target(name, port, managementPort, authorization, builder.start(), started);
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
            String metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus")).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
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

    /**
     * From process start until the first SUCCESSFUL answer to {@code body}, polling every 20 ms: what a restarted
     * instance costs before Okta's calls get codes again.
     */
    double secondsToFirstSuccessful(String body) throws InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(200)).build();
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/telephonyHook"))
                .timeout(Duration.ofSeconds(5)).header("Content-Type", "application/json")
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.ofString(body)).build();
        Instant giveUp = Instant.now().plusSeconds(60);
        while (Instant.now().isBefore(giveUp) && isAlive()) {
            try {
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.body().contains("\"status\":\"SUCCESSFUL\"")) {
                    return (System.nanoTime() - startedNanos) / 1e9;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(20);
        }
        throw new IllegalStateException(name + (isAlive() ? " did not answer SUCCESSFUL within 60 s"
                : " stopped before it answered SUCCESSFUL (see its log in target/bench)"));
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
     * CPU seconds the process has used so far, on all its threads, in user and kernel mode: fields 14 and 15 of
     * {@code /proc/[pid]/stat} (utime, stime), in clock ticks. The second field, the command's name in parentheses,
     * may hold spaces, so the fields are counted from its closing parenthesis (which is field 2).
     */
    double cpuSeconds() throws IOException {
        String stat = Files.readString(Path.of("/proc", String.valueOf(process.pid()), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+"); // fields[0] is field 3
        long ticks = Long.parseLong(fields[14 - 3]) + Long.parseLong(fields[15 - 3]);
        return (double) ticks / CLOCK_TICKS;
    }

    /** {@code getconf CLK_TCK}, read once; 100 (Linux's usual USER_HZ) when it cannot be read. */
    private static long clockTicks() {
        try {
            Process getconf = new ProcessBuilder("getconf", "CLK_TCK").redirectErrorStream(true).start();
            String answer = new String(getconf.getInputStream().readAllBytes()).trim();
            if (getconf.waitFor(10, TimeUnit.SECONDS) && getconf.exitValue() == 0 && answer.matches("[1-9][0-9]*")) {
                return Long.parseLong(answer);
            }
        } catch (IOException | InterruptedException unreadable) {
            // the usual value below
        }
        return 100;
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

    /** The documented fast start: the copied flat jar with the class-data archive its build trained (README). */
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
