package io.telephonyhook.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A packaged Spring Boot jar run as an operator runs it: {@code java -jar} in a directory of its own, configured only
 * through environment variables, its output in a log file. For the integration tests, which run in {@code verify}.
 */
public final class JarProcess implements AutoCloseable {

    private final Process process;
    private final Path log;
    private final int port;

    private JarProcess(Process process, Path log, int port) {
        this.process = process;
        this.log = log;
        this.port = port;
    }

    /** The hook's settings (README's environment variables) in live mode against the stand-in. */
    public static Map<String, String> hookEnvironment(TwilioStandIn twilio) {
        Map<String, String> env = new HashMap<>();
        env.put("TWILIO_ACCOUNT_SID", TwilioStandIn.ACCOUNT_SID);
        env.put("TWILIO_AUTH_TOKEN", TwilioStandIn.AUTH_TOKEN);
        env.put("TWILIO_API_URL", twilio.url().toString());
        env.put("TWILIO_FROM_NUMBER", "+15017122661");
        env.put("OKTA_HOOK_AUTH_SECRET", OktaClient.SECRET);
        env.put("HOOK_DELIVERIES_VIEWER_SECRET", DeliveryViewer.SECRET);
        return env;
    }

    /**
     * Starts {@code jar} in {@code directory} with {@code environment} (PORT a free port unless it sets it) and waits until its
     * log shows {@code startedLine} and the port accepts connections.
     */
    public static JarProcess start(Path jar, Path directory, Map<String, String> environment, String startedLine)
            throws Exception {
        return start(jar, List.of(), directory, environment, startedLine);
    }

    /** As {@link #start(Path, Path, Map, String)}, with these JVM options before {@code -jar}. */
    public static JarProcess start(Path jar, List<String> jvmArguments, Path directory, Map<String, String> environment,
            String startedLine) throws Exception {
        JarProcess started = launch(jar, jvmArguments, directory, environment);
        started.awaitListening(startedLine);
        return started;
    }

    /** Starts {@code jar} as {@link #start} does, without waiting for it: for what happens while it starts. */
    public static JarProcess launch(Path jar, Path directory, Map<String, String> environment) throws IOException {
        return launch(jar, List.of(), directory, environment);
    }

    /** As {@link #launch(Path, Path, Map)}, with these JVM options before {@code -jar}. */
    public static JarProcess launch(Path jar, List<String> jvmArguments, Path directory,
            Map<String, String> environment) throws IOException {
        return launchOn(Path.of(System.getProperty("java.home")), jar, jvmArguments, directory, environment);
    }

    /** As {@link #start(Path, List, Path, Map, String)}, on the JDK at {@code javaHome} instead of the build's. */
    public static JarProcess startOn(Path javaHome, Path jar, List<String> jvmArguments, Path directory,
            Map<String, String> environment, String startedLine) throws Exception {
        JarProcess started = launchOn(javaHome, jar, jvmArguments, directory, environment);
        started.awaitListening(startedLine);
        return started;
    }

    private static JarProcess launchOn(Path javaHome, Path jar, List<String> jvmArguments, Path directory,
            Map<String, String> environment) throws IOException {
        assertThat(jar).as("the packaged jar (run 'mvnw verify')").exists();
        // a caller that must know the port first (to put it in HOOK_PUBLIC_URL, say) sets PORT itself
        int port = environment.containsKey("PORT") ? Integer.parseInt(environment.get("PORT")) : freePort();
        Path log = directory.resolve(jar.getFileName() + ".log");
        List<String> command = new ArrayList<>();
        command.add(javaHome.resolve("bin").resolve("java").toString());
        command.addAll(jvmArguments);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().put("PORT", String.valueOf(port));
        builder.environment().putAll(environment);
        return new JarProcess(builder.start(), log, port);
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    public Path log() {
        return log;
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    /**
     * Stops the process (SIGTERM) and waits for it to exit; one that has not after 30 s (a shutdown stuck behind a call
     * a test left hanging) is killed, so one broken test cannot hold the suite.
     */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            System.err.println("The application did not stop within 30 s of SIGTERM: killed. Its log: " + log);
            process.destroyForcibly().waitFor();
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private void awaitListening(String startedLine) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            assertThat(process.isAlive()).as("the application exited early:%n%s", logText()).isTrue();
            if (logText().contains(startedLine)) {
                try (Socket ignored = new Socket(InetAddress.getLoopbackAddress(), port)) {
                    return;
                } catch (IOException notYet) {
                    // the log line comes a moment before the socket may accept
                }
            }
            Thread.sleep(200);
        }
        close();
        throw new AssertionError("the application did not start within 60 s:\n" + logText());
    }
}
