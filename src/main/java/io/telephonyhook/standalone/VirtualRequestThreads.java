package io.telephonyhook.standalone;

import org.apache.tomcat.util.threads.VirtualThreadExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.thread.Threading;
import org.springframework.boot.autoconfigure.web.embedded.TomcatVirtualThreadsWebServerFactoryCustomizer;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.core.env.Environment;

/**
 * Okta's calls served on virtual threads when {@code spring.threads.virtual.enabled} is set on Java 21 or later,
 * decided at start however the application starts. Spring Boot's own customizer does it where Spring decides its
 * conditions at start ({@code java -jar} on the {@code -exec} jar, {@code spring-boot:run}); Spring AOT (the fast-start
 * layout) decided that condition in the build, in demo mode and without the setting, so there the layout would keep
 * platform threads whatever the operator sets. This one looks at the setting when the server is made and does what
 * Spring's would have done to the main server, only where Spring's is absent: never twice. (What else the setting
 * changes, Spring's task executors and, in the {@code -exec} jar, the management server's threads, stays as the build
 * made it in the layout; no call runs there.)
 *
 * <p>Each call, Twilio request included, runs on the request thread that read it ({@link StandaloneConfiguration}); a
 * virtual one gives its carrier back while it waits for Twilio, so the calls in flight cost no platform thread each.
 * {@code HOOK_MAX_CONCURRENT_CALLS} still bounds them (the route's admission step); {@code server.tomcat.threads.max}
 * no longer does.
 */
final class VirtualRequestThreads implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private static final Logger log = LoggerFactory.getLogger(VirtualRequestThreads.class);

    static final String SETTING = "spring.threads.virtual.enabled";

    /** Spring Boot's name prefix for its virtual request threads, kept so that a thread looks the same either way. */
    static final String NAME_PREFIX = "tomcat-handler-";

    private final Environment environment;
    private final ObjectProvider<TomcatVirtualThreadsWebServerFactoryCustomizer> springsOwnCustomizer;

    VirtualRequestThreads(Environment environment,
            ObjectProvider<TomcatVirtualThreadsWebServerFactoryCustomizer> springsOwnCustomizer) {
        this.environment = environment;
        this.springsOwnCustomizer = springsOwnCustomizer;
    }

    /** Whether calls are served on virtual threads: the setting is on and the JVM has them (Spring's own test). */
    static boolean enabled(Environment environment) {
        return Threading.VIRTUAL.isActive(environment);
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        if (HttpServerChoice.of(environment) == HttpServerChoice.VERTX) { // no call is served on this Tomcat
            if (environment.getProperty(SETTING, boolean.class, false)) {
                log.warn("{} is set, but Okta's port is on Vert.x (HTTP_SERVER=vertx, the default): calls are served"
                        + " on its worker threads; {}", SETTING, enabled(environment)
                        ? "HTTP_SERVER=tomcat serves them on virtual threads"
                        : "virtual threads need HTTP_SERVER=tomcat and Java 21 or later");
            }
            return;
        }
        if (!enabled(environment)) {
            if (environment.getProperty(SETTING, boolean.class, false)) { // Spring itself says nothing of it
                log.warn("{} is set, but Java {} has no virtual threads (21 or later has): calls are served on platform"
                        + " threads", SETTING, Runtime.version().feature());
            }
            return;
        }
        if (springsOwnCustomizer.getIfAvailable() == null) {
            log.info("Serving calls on virtual threads ({}, decided at start)", SETTING);
            factory.addProtocolHandlerCustomizers(handler -> handler.setExecutor(new VirtualThreadExecutor(NAME_PREFIX)));
        }
    }
}
