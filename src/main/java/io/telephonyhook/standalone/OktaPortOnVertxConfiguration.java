package io.telephonyhook.standalone;

import java.nio.charset.StandardCharsets;
import java.time.Duration;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.component.platform.http.PlatformHttpComponent;
import org.apache.camel.component.platform.http.PlatformHttpConstants;
import org.apache.camel.component.platform.http.springboot.CamelRequestHandlerMapping;
import org.apache.camel.spring.boot.CamelContextConfiguration;
import org.apache.camel.support.service.ServiceHelper;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.autoconfigure.web.ServerProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

import io.telephonyhook.StepExpression;
import io.telephonyhook.config.Settings;
import io.telephonyhook.delivery.CallDeadlines;
import io.telephonyhook.delivery.CallFlowSteps;
import io.telephonyhook.okta.OktaResponseRenderer;
import io.telephonyhook.okta.ReadingSteps;
import io.telephonyhook.orgs.OrgDirectory;
import io.telephonyhook.spring.DemoSimulator;
import io.telephonyhook.spring.PlatformHttpArrival;
import io.telephonyhook.twilio.StatusCallbacks;
import io.telephonyhook.vertx.VertxArrivals;

/**
 * Okta's port on Vert.x with {@code HTTP_SERVER=vertx} ({@link HttpServerChoice}, {@link VertxOktaPort}): the beans are
 * made whichever server is chosen (the fast-start layout fixes the beans in the build), and act only when it is Vert.x.
 * Then Tomcat does not listen on {@code PORT} (the management port is a Tomcat of its own), the Vert.x server starts
 * before Camel's routes (their consumers look its router up), and the demo's status reports and messages are on it.
 */
@Configuration(proxyBeanMethods = false)
public class OktaPortOnVertxConfiguration {

    @Bean
    VertxArrivals vertxArrivals() {
        return new VertxArrivals();
    }

    @Bean
    VertxOktaPort vertxOktaPort(Settings settings, VertxArrivals arrivals, Environment environment,
            ServerProperties server, DemoSimulator demo, OrgDirectory orgs, ObjectMapper json) {
        return new VertxOktaPort(settings, arrivals, environment.getProperty("server.address"),
                environment.getProperty("server.port", Integer.class, 8080), silenceLimit(server),
                router -> SimulatorMessages.onVertx(router, demo, orgs, json));
    }

    /**
     * Tomcat's limit on a caller's silence ({@code server.tomcat.connection-timeout}, as Spring Boot binds it for
     * Tomcat), on Okta's port on Vert.x too; unset, none (Vert.x's idle timeout alone).
     */
    static Duration silenceLimit(ServerProperties server) {
        Duration limit = server.getTomcat().getConnectionTimeout();
        return limit == null ? Duration.ZERO : limit;
    }

    /** Tomcat keeps the management port only: a main server on port -1 is made but never listens. */
    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> tomcatOffOktasPort(Environment environment) {
        return factory -> {
            if (HttpServerChoice.of(environment) == HttpServerChoice.VERTX) {
                factory.setPort(-1);
            }
        };
    }

    @Bean
    CamelContextConfiguration startOktaPortBeforeTheRoutes(Environment environment, VertxOktaPort port,
            ObjectProvider<CamelRequestHandlerMapping> springMvcMappings, DemoSimulator demo,
            StatusCallbacks statusCallbacks) {
        return new CamelContextConfiguration() {
            @Override
            public void beforeApplicationStart(CamelContext camel) {
                if (HttpServerChoice.of(environment) != HttpServerChoice.VERTX) {
                    return;
                }
                // Spring MVC's mapping of platform-http's consumers takes only its own engine's (and logs the rest)
                CamelRequestHandlerMapping mappings = springMvcMappings.getIfAvailable();
                if (mappings != null) {
                    camel.getComponent(PlatformHttpConstants.PLATFORM_HTTP_COMPONENT_NAME, PlatformHttpComponent.class)
                            .removePlatformHttpListener(mappings);
                }
                try {
                    camel.addService(port, true, false);
                    ServiceHelper.startService(port);
                } catch (Exception failed) {
                    throw new IllegalStateException("Could not start Okta's port on Vert.x (HTTP_SERVER=vertx)", failed);
                }
                if (demo.running()) {
                    statusCallbacks.useLoopback(port.port());
                }
            }

            @Override
            public void afterApplicationStart(CamelContext camel) {
            }
        };
    }

    /** The call's deadline counts from when its request arrived, as the chosen server noted it. */
    @Bean(CallFlowSteps.HOOK_DEADLINES)
    CallDeadlines hookDeadlines(Settings settings, Environment environment, VertxArrivals arrivals) {
        return CallFlowSteps.deadlines(settings.hook(), HttpServerChoice.of(environment) == HttpServerChoice.VERTX
                ? arrivals : new PlatformHttpArrival());
    }

    /**
     * Okta's answer as JSON text on Vert.x, as bytes on Tomcat. camel-platform-http-vertx 4.17 writes a body of bytes
     * as a stream, pumped between the event loop and a worker with 8 KB buffers (a third of what a call allocated) and
     * two hand-offs between threads; text it writes at once, chunked, as it cannot know its length. Tomcat writes the
     * bytes with their {@code Content-Length}.
     */
    @Bean(ReadingSteps.OKTA_ANSWER_JSON)
    StepExpression oktaAnswerJson(@Qualifier(ReadingSteps.OKTA_RESPONSE_RENDERER) OktaResponseRenderer renderer,
            Environment environment) {
        StepExpression bytes = ReadingSteps.answerJson(renderer);
        if (HttpServerChoice.of(environment) != HttpServerChoice.VERTX) {
            return bytes;
        }
        return exchange -> new String((byte[]) bytes.evaluate(exchange), StandardCharsets.UTF_8);
    }
}
