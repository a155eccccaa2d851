package io.telephonyhook.observability;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

/**
 * {@code LOG_FORMAT=json} switches the console to Spring Boot's structured logging, one JSON object a line (Elastic
 * Common Schema), with the call's fields as fields of their own. Runs before logging starts.
 */
public class LogFormatEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if ("json".equalsIgnoreCase(environment.getProperty("LOG_FORMAT", ""))
                && !environment.containsProperty("logging.structured.format.console")) {
            environment.getPropertySources().addLast(new MapPropertySource("logFormat",
                    Map.of("logging.structured.format.console", "ecs")));
        }
    }
}
