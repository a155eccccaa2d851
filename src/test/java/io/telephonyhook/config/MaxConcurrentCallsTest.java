package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/**
 * In the standalone application each call runs on the request thread that read it, its Twilio request included: no
 * hand-off to Spring's task executor (platform-http's default on Spring Boot) nor to a pool of camel-twilio's own
 * (TwilioRequestsOnTheCallingThread). The server's threads are then the threads serving calls, so there must be more
 * of them than HOOK_MAX_CONCURRENT_CALLS for the route to answer the calls past it at once (OverloadTest).
 */
@ExtendWith(OutputCaptureExtension.class)
class MaxConcurrentCallsTest {

    @Test
    void callsAndTheirTwilioRequestsRunOnTheRequestThreads() throws Exception {
        TwilioStandIn twilio = TwilioStandIn.start();
        twilio.answerAfter(Duration.ofMillis(600));
        ExecutorService okta = Executors.newFixedThreadPool(20);
        try (LiveHook hook = LiveHook.start(twilio, Map.of())) {
            List<CompletableFuture<Answer>> calls = IntStream.range(0, 20)
                    .mapToObj(i -> CompletableFuture.supplyAsync(() -> hook.okta().post(OktaRequest.sms()), okta))
                    .toList();
            Thread.sleep(300); // all 20 are waiting for Twilio now
            Set<String> threads = Thread.getAllStackTraces().keySet().stream().map(Thread::getName)
                    .collect(Collectors.toSet());

            assertThat(calls.stream().map(CompletableFuture::join))
                    .allSatisfy(answer -> assertThat(answer.actionStatus()).isEqualTo("SUCCESSFUL"));
            assertThat(threads).filteredOn(name -> name.startsWith("http-nio-")).hasSizeGreaterThanOrEqualTo(20);
            assertThat(threads).noneMatch(name -> name.startsWith("task-")).noneMatch(name -> name.contains("CamelTwilio"));
        } finally {
            okta.shutdownNow();
        }
    }

    @Test
    void aWarningWhenTheServerHasNoThreadsBeyondTheAdmittedCalls(CapturedOutput output) {
        try (LiveHook hook = LiveHook.start(TwilioStandIn.start(), Map.of())) {
            assertThat(output.getOut()).doesNotContain("is not above HOOK_MAX_CONCURRENT_CALLS");
        }
        try (LiveHook hook = LiveHook.start(TwilioStandIn.start(), Map.of("hook.max-concurrent-calls", "250"))) {
            assertThat(output.getOut()).contains(
                    "server.tomcat.threads.max (250) is not above HOOK_MAX_CONCURRENT_CALLS (250): calls past the maximum"
                            + " wait for a thread instead of being answered FAILED (overloaded) at once");
        }
    }
}
