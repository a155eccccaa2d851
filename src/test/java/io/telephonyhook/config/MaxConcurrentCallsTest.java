package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.Filter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.telephonyhook.support.LiveHook;
import io.telephonyhook.support.OktaClient.Answer;
import io.telephonyhook.support.OktaRequest;
import io.telephonyhook.support.TwilioStandIn;

/**
 * In the standalone application each call runs on the request thread that read it, its Twilio request included: no
 * hand-off to Spring's task executor (platform-http's default on Spring Boot) nor to a pool of camel-twilio's own
 * (TwilioRequestsOnTheCallingThread). The server's threads are then the threads serving calls, so there must be more
 * of them than HOOK_MAX_CONCURRENT_CALLS for the route to answer the calls past it at once (OverloadTest). And a
 * call is finished on that thread in one pass, without the servlet async cycle Spring MVC would make of it. With Okta's
 * port on Tomcat ({@code HTTP_SERVER=tomcat}); on Vert.x, the default, a call runs on one worker thread of a pool of
 * HOOK_MAX_CONCURRENT_CALLS + 50 ({@code OktaPortOnVertxIT}).
 */
@ExtendWith(OutputCaptureExtension.class)
class MaxConcurrentCallsTest {

    private static final Map<String, String> ON_TOMCAT = Map.of("standalone.http-server", "tomcat");

    @Test
    void callsAndTheirTwilioRequestsRunOnTheRequestThreads() throws Exception {
        TwilioStandIn twilio = TwilioStandIn.start();
        twilio.answerAfter(Duration.ofMillis(600));
        ExecutorService okta = Executors.newFixedThreadPool(20);
        try (LiveHook hook = LiveHook.start(twilio, ON_TOMCAT)) {
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

    /** A call is one pass through the servlet filters, not a servlet async cycle that passes through them twice. */
    @Test
    void aCallIsServedInOneDispatch() {
        try (LiveHook hook = LiveHook.start(TwilioStandIn.start(), ON_TOMCAT, DispatchesSeen.class)) {
            DispatchesSeen.types.clear();

            assertThat(hook.okta().post(OktaRequest.sms()).actionStatus()).isEqualTo("SUCCESSFUL");
            assertThat(DispatchesSeen.types).containsExactly(DispatcherType.REQUEST);
        }
    }

    @Test
    void aWarningWhenTheServerHasNoThreadsBeyondTheAdmittedCalls(CapturedOutput output) {
        try (LiveHook hook = LiveHook.start(TwilioStandIn.start(), ON_TOMCAT)) {
            assertThat(output.getOut()).doesNotContain("is not above HOOK_MAX_CONCURRENT_CALLS");
        }
        try (LiveHook hook = LiveHook.start(TwilioStandIn.start(), Map.of("hook.max-concurrent-calls", "250", "standalone.http-server", "tomcat"))) {
            assertThat(output.getOut()).contains(
                    "server.tomcat.threads.max (250) is not above HOOK_MAX_CONCURRENT_CALLS (250): calls past the maximum"
                            + " wait for a thread instead of being answered FAILED (overloaded) at once");
        }
    }

    /** Notes the dispatch type of every pass of a request to the hook through the servlet filters. */
    @Configuration(proxyBeanMethods = false)
    static class DispatchesSeen {

        static final List<DispatcherType> types = new CopyOnWriteArrayList<>();

        @Bean
        FilterRegistrationBean<Filter> dispatchesSeenFilter() {
            FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>((request, response, chain) -> {
                types.add(request.getDispatcherType());
                chain.doFilter(request, response);
            });
            registration.addUrlPatterns("/telephonyHook");
            registration.setDispatcherTypes(EnumSet.allOf(DispatcherType.class));
            return registration;
        }
    }
}
