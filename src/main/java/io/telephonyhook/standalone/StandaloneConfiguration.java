package io.telephonyhook.standalone;

import org.apache.camel.CamelContext;
import org.apache.camel.component.micrometer.routepolicy.MicrometerRoutePolicyFactory;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.spi.PlatformHttpEngine;
import org.apache.camel.component.platform.http.springboot.SpringBootPlatformHttpEngine;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.catalina.core.StandardHost;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.autoconfigure.web.embedded.TomcatVirtualThreadsWebServerFactoryCustomizer;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.telephonyhook.config.Settings;
import io.telephonyhook.spring.TwilioKeysAreTheHooks;

/**
 * What only the standalone application adds to the hook (which {@code TelephonyHookAutoConfiguration} sets up in any
 * Camel Spring Boot application):
 * <ul>
 * <li>Okta's port on Vert.x, by default, in place of Tomcat ({@code HTTP_SERVER}, {@link OktaPortOnVertxConfiguration});
 * <li>Okta's JSON error object for every error the server answers itself (with {@link JsonErrorController});
 * <li>each call served and finished on the thread that read it (platform-http's engine and
 * {@link CallsAnsweredInPlace}); on Tomcat ({@code HTTP_SERVER=tomcat}), a start-up warning when its request threads
 * leave no room past the admitted calls, and a virtual thread with {@code spring.threads.virtual.enabled} on Java 21 or
 * later ({@link VirtualRequestThreads});
 * <li>Camel's route metrics from {@link RouteMetricsPolicy}: the same meters, at less cost per call;
 * <li>the demo's {@code GET /simulator/messages} ({@link SimulatorMessages}).
 * </ul>
 * An application that embeds the hook keeps its own error pages and platform-http's own engine.
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
     * platform-http serves each call on the server's request thread that read it. Its Spring Boot engine would hand
     * every call to Spring's task executor and back (a {@code CompletableFuture} run on the pool, then an async dispatch
     * to a request thread to finish the response): two thread hand-offs per call, and a second pool of threads as large
     * as the calls in flight, for a call that blocks on Twilio in either pool. Here the future is complete when
     * {@code service} returns, and Tomcat finishes the response on the same thread. So the server's threads
     * ({@code server.tomcat.threads.max}, application.yaml) are the threads serving calls. An application that embeds
     * the hook keeps platform-http's own engine.
     */
    @Bean(PlatformHttpConstants.PLATFORM_HTTP_ENGINE_NAME) // the name platform-http looks its engine up by
    PlatformHttpEngine platformHttpOnTheRequestThread(Environment environment, VertxOktaPort vertx) {
        return HttpServerChoice.of(environment) == HttpServerChoice.VERTX ? vertx.newEngine()
                : new SpringBootPlatformHttpEngine(environment.getProperty("server.port", Integer.class, 8080), Runnable::run);
    }

    /** Calls on virtual threads by {@code spring.threads.virtual.enabled}, decided at start ({@link VirtualRequestThreads}). */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> virtualRequestThreads(Environment environment,
            ObjectProvider<TomcatVirtualThreadsWebServerFactoryCustomizer> springsOwnCustomizer) {
        return new VirtualRequestThreads(environment, springsOwnCustomizer);
    }

    /** The fast-start layout refuses a management port that is not a port of its own ({@link ManagementPortOfItsOwn}). */
    @Bean
    static BeanFactoryPostProcessor managementPortOfItsOwn(Environment environment) {
        return new ManagementPortOfItsOwn(environment);
    }

    /** ...and Spring MVC then finishes such a call on the spot, with no servlet async cycle ({@link CallsAnsweredInPlace}). */
    @Bean
    static BeanPostProcessor callsAnsweredInPlace() {
        return CallsAnsweredInPlace.installer();
    }

    /**
     * The route answers calls past {@code HOOK_MAX_CONCURRENT_CALLS} {@code FAILED} at once, on a request thread: with no
     * thread left over for them, they would wait in Tomcat's queue into Okta's deadline instead. Virtual request
     * threads are not counted: there is one for every call; nor Okta's port on Vert.x, whose workers are sized to fit.
     */
    @Bean
    ApplicationListener<ApplicationStartedEvent> requestThreadsBeyondTheAdmittedCalls(ServerProperties server,
            Settings settings, Environment environment) {
        return event -> {
            int threads = server.getTomcat().getThreads().getMax();
            int admitted = settings.hook().getMaxConcurrentCalls();
            if (threads <= admitted && !VirtualRequestThreads.enabled(environment)
                    && HttpServerChoice.of(environment) == HttpServerChoice.TOMCAT) {
                log.warn("server.tomcat.threads.max ({}) is not above HOOK_MAX_CONCURRENT_CALLS ({}): calls past the "
                        + "maximum wait for a thread instead of being answered FAILED (overloaded) at once", threads,
                        admitted);
            }
        };
    }

    /**
     * The effective maximum heap, once at start-up: a container's limit or a forgotten {@code -Xmx} shows here, not
     * after a flood has grown the heap to a quarter of the machine.
     */
    @Bean
    ApplicationListener<ApplicationStartedEvent> maximumHeapInTheLog() {
        return event -> log.info("Maximum heap: {} MB", Runtime.getRuntime().maxMemory() / (1024 * 1024));
    }

    /**
     * Camel's route metrics, the same meters, from {@link RouteMetricsPolicy}: Camel's own policy formats a key three
     * times per metered route per call. Put in place of Camel's factory before the routes start (they take their
     * policies then).
     */
    @Bean
    CamelContextConfiguration routeMetricsWithoutFormatting() {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                camel.getRoutePolicyFactories().replaceAll(factory -> factory instanceof MicrometerRoutePolicyFactory
                        camels ? RouteMetricsPolicy.standingInFor(camels) : factory);
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
                // nothing after: the routes have their policies
            }
        };
    }

    /** No other component of this application has twilio.* settings: a mistyped TWILIO_ key is refused too. */
    @Bean
    TwilioKeysAreTheHooks twilioKeysAreTheHooks() {
        return new TwilioKeysAreTheHooks() {
        };
    }
}
