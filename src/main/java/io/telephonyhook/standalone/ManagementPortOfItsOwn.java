package io.telephonyhook.standalone;

import org.springframework.aot.AotDetector;
import org.springframework.beans.factory.config.BeanFactoryPostProcessor;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.core.env.Environment;

import io.telephonyhook.config.InvalidSettingsException;

/**
 * The fast-start layout runs on Spring AOT's bean definitions, made in the build with the management server on a port
 * of its own ({@code MANAGEMENT_PORT} apart from {@code PORT}, as by default), and Spring does not look at the ports
 * again: started with the two on one port, or with the management server off ({@code -1}), the layout would fail on a
 * port already in use, or serve what the {@code -exec} jar does not. This stops such a start first, in one line, before
 * any server is made. The {@code -exec} jar decides at start and takes any of them with Okta's port on Tomcat
 * ({@code HTTP_SERVER=tomcat}); on Vert.x, the default, the management server on Okta's port would be on a Tomcat that
 * never listens.
 */
final class ManagementPortOfItsOwn implements BeanFactoryPostProcessor {

    private final Environment environment;

    ManagementPortOfItsOwn(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void postProcessBeanFactory(ConfigurableListableBeanFactory beanFactory) {
        if (ManagementPortType.get(environment) == ManagementPortType.DIFFERENT) {
            return;
        }
        if (HttpServerChoice.of(environment) == HttpServerChoice.VERTX) {
            throw new InvalidSettingsException("MANAGEMENT_PORT (" + environment.getProperty("management.server.port")
                    + ") must be a port of its own, apart from PORT, with Okta's port on Vert.x (HTTP_SERVER=vertx, the"
                    + " default), where Tomcat serves the management port only; or set HTTP_SERVER=tomcat.");
        }
        if (AotDetector.useGeneratedArtifacts()) {
            throw new InvalidSettingsException("MANAGEMENT_PORT (" + environment.getProperty("management.server.port")
                    + ") must be a port of its own, apart from PORT (" + environment.getProperty("server.port", "8080")
                    + "), in the fast-start layout: its Spring AOT beans have the management server on one. Set it"
                    + " apart, or run the -exec jar.");
        }
    }
}
