package io.telephonyhook.standalone;

import java.util.concurrent.ThreadPoolExecutor;

import org.apache.catalina.core.StandardHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.task.ThreadPoolTaskExecutorCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

import io.telephonyhook.TelephonyHook;
import io.telephonyhook.simulator.SimulatorController;
import io.telephonyhook.simulator.TwilioSimulator;
import io.telephonyhook.spring.DemoModeCondition;

/**
 * What only the standalone application adds to the hook (which {@code TelephonyHookAutoConfiguration} sets up in any
 * Camel Spring Boot application): Okta's JSON error object for every error the server answers itself (with
 * {@link JsonErrorController}), and the demo's {@code GET /simulator/messages}. An application that embeds the hook keeps its own error pages.
 */
@Configuration(proxyBeanMethods = false)
public class StandaloneConfiguration {

    private static final Logger log = LoggerFactory.getLogger(StandaloneConfiguration.class);

    /** Errors Tomcat answers itself (a malformed request line or header) come out as Okta's JSON error object too. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> jsonErrorsFromTomcat() {
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(JsonErrorReportValve.class.getName());
            }
        });
    }

    /**
     * A client that sends {@code Expect: 100-continue} gets its {@code 100 Continue} only when the hook first reads the
     * body, that is after the authentication gate let the call through: a caller without the secret gets its 401
     * straight away and never the invitation to send the body. (Tomcat's default answers 100 as soon as the headers
     * are read.)
     */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> continueOnlyOnceAuthenticated() {
        return factory -> factory.addConnectorCustomizers(
                connector -> connector.setProperty("continueResponseTiming", "onRead"));
    }

    /**
     * The threads serving calls grow up to {@code HOOK_MAX_CONCURRENT_CALLS} without a queue (application.yaml); a call
     * past that runs on the server's request thread rather than being refused with an error Okta cannot read.
     */
    @Bean
    ThreadPoolTaskExecutorCustomizer callsPastTheMaximumRunOnTheRequestThread() {
        return executor -> executor.setRejectedExecutionHandler(new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /**
     * The effective maximum heap, once at start-up: a container's limit or a forgotten {@code -Xmx} shows here, not
     * after a flood has grown the heap to a quarter of the machine.
     */
    @Bean
    ApplicationListener<ApplicationStartedEvent> maximumHeapInTheLog() {
        return event -> log.info("Maximum heap: {} MB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /** Demo mode only; in live mode there is no simulator and the path is unknown (404). */
    @Bean
    @Conditional(DemoModeCondition.class)
    SimulatorController simulatorController(TwilioSimulator simulator, TelephonyHook hook) {
        return new SimulatorController(simulator, hook);
    }
}
