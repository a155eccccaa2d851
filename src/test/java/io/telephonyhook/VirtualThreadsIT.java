package io.telephonyhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.telephonyhook.support.JarProcess;
import io.telephonyhook.support.OktaClient;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Reply;
import io.telephonyhook.support.VirtualThreadsJdk;

/**
 * The hook on Java 21 or later with {@code SPRING_THREADS_VIRTUAL_ENABLED=true} (docs/going-live.md, "Virtual
 * threads"), in both ways the standalone application starts: the {@code -exec} jar, where Spring Boot decides at start,
 * and the fast-start layout, whose Spring AOT beans were made in the build without the setting, where the hook decides
 * it at start ({@code VirtualRequestThreads}); only one of the two ever does it. The calls in flight hold no platform
 * thread (Tomcat makes none of its own request threads), and the route's guarantees hold as on platform threads: calls
 * past {@code HOOK_MAX_CONCURRENT_CALLS} answered {@code FAILED} at once, one eventId sent once however many arrive
 * together, a Twilio that never answers answered {@code FAILED} inside Okta's 3 s.
 *
 * <p>The suite runs on Java 17; these tests run the jars on the JDK {@link VirtualThreadsJdk} finds, and are skipped,
 * saying so, on a machine without one. The layout runs there without its class-data archive, which the build's JDK made.
 */
class VirtualThreadsIT {

    private static final Path EXEC_JAR = Path.of(System.getProperty("hook.jar", "target/hook.jar")).toAbsolutePath();
    private static final Path LAYOUT_JAR = Path.of(System.getProperty("hook.fastStart", "target/fast-start"))
            .toAbsolutePath().resolve("telephony-hook.jar");
    private static final Duration OKTA_WAITS = Duration.ofSeconds(3);
    private static final String DECIDED_BY_THE_HOOK = "Serving calls on virtual threads";
    private static final int ADMITTED = 10;
    private static final int AT_ONCE = 40;

    private final TwilioStandIn twilio = TwilioStandIn.start();
    private final ExecutorService callers = Executors.newFixedThreadPool(AT_ONCE);
    private JarProcess hook;

    @TempDir
    Path elsewhere;

    @AfterEach
    void stop() throws Exception {
        callers.shutdownNow();
        if (hook != null) {
            hook.close();
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"exec jar", "fast-start layout"})
    void callsRunOnVirtualThreadsWithTheRoutesGuarantees(String way) throws Exception {
        Optional<Path> jdk = VirtualThreadsJdk.find();
        assumeTrue(jdk.isPresent(), "no JDK of Java 21 or later here (-Dhook.java21Home, or under /usr/lib/jvm)");
        boolean layout = way.equals("fast-start layout");
        assumeTrue(!layout || !Boolean.getBoolean("fast-start.skip"), "-Dfast-start.skip=true: no layout");
        Map<String, String> env = JarProcess.hookEnvironment(twilio);
        env.put("SPRING_THREADS_VIRTUAL_ENABLED", "true");
        env.put("HTTP_SERVER", "tomcat"); // Tomcat's request threads are what the setting makes virtual
        env.put("HOOK_MAX_CONCURRENT_CALLS", String.valueOf(ADMITTED));
        env.put("MANAGEMENT_PORT", String.valueOf(JarProcess.freePort()));
        hook = JarProcess.startOn(jdk.get(), layout ? LAYOUT_JAR : EXEC_JAR, List.of(), elsewhere, env,
                "Started TelephonyHookApplication");
        OktaClient okta = new OktaClient(hook.port());
        assertThat(okta.post(OktaRequest.sms()).actionStatus()).isEqualTo("SUCCESSFUL"); // warms the call path
        twilio.reset();

        // past the admitted calls, shed at once; the admitted ones wait for Twilio on virtual threads
        Duration twilioTakes = Duration.ofMillis(1500);
        twilio.answerAfter(twilioTakes);
        List<CompletableFuture<Answer>> calls = IntStream.range(0, AT_ONCE)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> okta.post(OktaRequest.sms()), callers)).toList();
        awaitTwilioHolding(ADMITTED, OKTA_WAITS);
        List<String> serverThreads = tomcatPlatformThreads();
        List<Answer> answers = calls.stream().map(CompletableFuture::join).toList();

        assertThat(serverThreads).as("the server's platform threads while %d calls wait for Twilio", ADMITTED)
                .hasSizeLessThanOrEqualTo(2); // its acceptor and poller: no request thread of Tomcat's own
        List<Answer> shed = answers.stream().filter(a -> a.metadata().equals("reason=overloaded")).toList();
        // at least the calls past two waves of admitted ones: on a slow machine the last callers may arrive after the
        // first wave was answered
        assertThat(shed).hasSizeGreaterThanOrEqualTo(AT_ONCE - 2 * ADMITTED)
                .allSatisfy(answer -> assertThat(answer.took()).as("shed without waiting for Twilio")
                        .isLessThan(twilioTakes));
        assertThat(answers).allSatisfy(answer -> {
            assertThat(answer.actionStatus()).isIn("SUCCESSFUL", "FAILED");
            assertThat(answer.took()).isLessThan(OKTA_WAITS);
        });
        assertThat(twilio.received()).hasSize(AT_ONCE - shed.size());

        // one eventId, many at once: sent once, all answered alike
        twilio.reset();
        twilio.answerAfter(Duration.ofMillis(300));
        OktaRequest repeated = OktaRequest.voice().eventId("virtual-threads-" + layout);
        List<Answer> repeats = IntStream.range(0, ADMITTED - 2) // within admission, whatever is still finishing
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> okta.post(repeated), callers)).toList()
                .stream().map(CompletableFuture::join).toList();
        assertThat(twilio.received()).hasSize(1);
        assertThat(repeats).allSatisfy(answer -> assertThat(answer.json()).isEqualTo(repeats.get(0).json()));
        assertThat(repeats.get(0).actionStatus()).isEqualTo("SUCCESSFUL");

        // a Twilio that never answers: FAILED inside the deadline
        twilio.script(request -> Reply.hang());
        Answer hung = okta.post(OktaRequest.sms());
        assertThat(hung.actionStatus()).isEqualTo("FAILED");
        assertThat(hung.metadata()).isEqualTo("reason=deadline");
        assertThat(hung.took()).isLessThan(OKTA_WAITS);

        // Spring decides it for the exec jar, the hook for the layout: never both
        assertThat(hook.logText().contains(DECIDED_BY_THE_HOOK)).as(DECIDED_BY_THE_HOOK).isEqualTo(layout);
    }

    /** Until the stand-in has had {@code calls} requests (the admitted calls are waiting), at most {@code within}. */
    private void awaitTwilioHolding(int calls, Duration within) throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (twilio.received().size() < calls && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(twilio.received()).as("the admitted calls, waiting for Twilio").hasSizeGreaterThanOrEqualTo(calls);
    }

    /**
     * The JVM's threads named as Tomcat names those of the server on the hook's port ({@code http-nio-PORT-exec-N},
     * {@code -Poller}, {@code -Acceptor}), from {@code /proc}, where Linux keeps a thread's name to 15 characters.
     * Virtual threads are not there: they run on the JVM's carrier threads.
     */
    private List<String> tomcatPlatformThreads() throws IOException {
        String named = "http-nio-" + hook.port() + "-";
        String prefix = named.substring(0, Math.min(15, named.length()));
        Path tasks = Path.of("/proc", String.valueOf(hook.process().pid()), "task");
        try (Stream<Path> threads = Files.list(tasks)) {
            return threads.map(thread -> {
                try {
                    return Files.readString(thread.resolve("comm")).strip();
                } catch (IOException ended) {
                    return "";
                }
            }).filter(name -> name.startsWith(prefix)).toList();
        }
    }
}
