package io.telephonyhook.faststart;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;

/**
 * Trains the fast-start layout's class-data archive (README, "Fast start"): runs the copied application once with
 * {@code -XX:ArchiveClassesAtExit}, so the JVM writes every class it loaded from the jars into
 * {@code telephony-hook.jsa}, already parsed and verified, for later starts to map instead of loading. Run by a Java 25
 * JDK, it writes that JDK's AOT cache there instead ({@link #archiveOption}).
 *
 * <p>The run is a full one, on purpose: it starts the application in demo mode (built-in Twilio simulator, nothing
 * leaves the machine), waits until an SMS and a voice call are answered {@code SUCCESSFUL}, then stops it with SIGTERM
 * as an operator would. A start cut short ({@code -Dspring.context.exit=onRefresh}, Spring Boot's usual training
 * switch) ends before Camel loads the YAML routes and serves a call, so the archive would miss the YAML DSL, the
 * route steps and the Twilio path, which are most of what the first call waits for. SIGTERM, not a kill: the archive
 * is written as the JVM exits, and only an orderly exit gets there.
 *
 * <p>Run by Maven in {@code package} (exec-maven-plugin, test classpath), after the exec jar is copied in:
 * {@code CdsTraining <fast-start directory> <scratch directory>}. Fails (exit status 1) if no archive was written.
 */
public final class CdsTraining {

    /** Demo mode's secret (Okta's example; README, "Try it"). */
    private static final String DEMO_SECRET = "Basic YWRtaW46c3VwZXJzZWNyZXQ=";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Duration EXIT_TIMEOUT = Duration.ofSeconds(120);

    private CdsTraining() {
    }

    public static void main(String[] args) throws Exception {
        Path layout = Path.of(args[0]).toAbsolutePath();
        Path scratch = Files.createDirectories(Path.of(args[1]).toAbsolutePath());
        Path jar = layout.resolve("telephony-hook.jar");
        Path archive = layout.resolve("telephony-hook.jsa");
        Files.deleteIfExists(archive);

        Instant began = Instant.now();
        // Run from a directory of its own (its log goes there), as the archive must serve any working directory.
        JarProcess hook = runThroughTwoCalls(jar, List.of(archiveOption(archive)), scratch, "cds-training");
        if (!Files.isRegularFile(archive) || Files.size(archive) == 0) {
            fail("no class-data archive was written to " + archive, hook);
        }
        System.out.printf("CDS training: %s (%d MB) in %.1f s; the run's log: %s%n", archive,
                Files.size(archive) / (1024 * 1024), Duration.between(began, Instant.now()).toMillis() / 1000.0,
                hook.log());
    }

    /**
     * One run of {@code jar} in demo mode with these JVM options, until an SMS and a voice call are answered
     * {@code SUCCESSFUL}, then stopped with SIGTERM; returns once the JVM has exited, so whatever it writes as it exits
     * is written.
     */
    static JarProcess runThroughTwoCalls(Path jar, List<String> jvmOptions, Path scratch, String name)
            throws Exception {
        JarProcess hook = JarProcess.launch(jar, jvmOptions, scratch, demoEnvironment());
        try {
            OktaClient okta = new OktaClient(hook.port());
            awaitSuccessful(hook, okta, OktaRequest.sms(), name + "-sms");
            awaitSuccessful(hook, okta, OktaRequest.voice(), name + "-voice");
        } finally {
            hook.process().destroy(); // SIGTERM: Spring Boot's graceful shutdown, then the JVM's own exit
            if (!hook.process().waitFor(EXIT_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                hook.process().destroyForcibly();
                fail("the training run did not exit within " + EXIT_TIMEOUT.toSeconds() + " s of SIGTERM", hook);
            }
        }
        return hook;
    }

    /**
     * On Java 17 and 21, a dynamic class-data archive. From Java 25 on, the JVM's AOT cache (JEP 483, 514, 515) in its
     * place: classes also linked and method profiles kept, and the same {@code -XX:SharedArchiveFile} option maps it
     * (README, "Fast start", "On Java 25").
     */
    static String archiveOption(Path archive) {
        return Runtime.version().feature() >= 25 ? "-XX:AOTCacheOutput=" + archive
                : "-XX:ArchiveClassesAtExit=" + archive;
    }

    /**
     * Demo mode whatever the build's environment holds: every setting of the hook blanked (a blank setting counts as
     * unset), free ports for the server and the actuator. {@code HOOK_PATH} is always given blank: Okta's path must
     * still be the default (Camel lets an environment variable override a property raw; the routes read the bound
     * settings), and the binding of a given value, as every live start has, is in the archive too.
     */
    private static Map<String, String> demoEnvironment() throws Exception {
        Map<String, String> env = new HashMap<>();
        System.getenv().keySet().stream()
                .filter(name -> name.startsWith("TWILIO_") || name.startsWith("OKTA_HOOK_") || name.startsWith("HOOK_"))
                .forEach(name -> env.put(name, ""));
        env.put("HOOK_PATH", "");
        env.put("MANAGEMENT_PORT", String.valueOf(JarProcess.freePort()));
        return env;
    }

    /** Posts {@code request} until it is answered SUCCESSFUL: the port refuses, then answers 503, while it starts. */
    private static void awaitSuccessful(JarProcess hook, OktaClient okta, OktaRequest request, String name)
            throws Exception {
        Instant giveUp = Instant.now().plus(START_TIMEOUT);
        int tries = 0;
        String last = "no answer";
        while (Instant.now().isBefore(giveUp)) {
            if (!hook.process().isAlive()) {
                fail("the training run exited early", hook);
            }
            try {
                // a fresh eventId per try: the hook answers a repeated one as it answered the first
                Answer answer = okta.post(request.eventId(name + "-" + ++tries).json(), "Authorization", DEMO_SECRET);
                if (answer.status() == 200 && "SUCCESSFUL".equals(answer.actionStatus())) {
                    return;
                }
                last = answer.status() + " " + answer.json();
            } catch (IllegalStateException notListeningYet) {
                last = String.valueOf(notListeningYet.getCause());
            }
            Thread.sleep(50);
        }
        fail("no SUCCESSFUL answer within " + START_TIMEOUT.toSeconds() + " s (last: " + last + ")", hook);
    }

    /** Ends the training (exit status 1: the build fails) with the run's log, which says why. */
    static void fail(String why, JarProcess hook) throws Exception {
        throw new IllegalStateException("The training run failed: " + why + "\n--- " + hook.log() + " ---\n"
                + hook.logText());
    }
}
