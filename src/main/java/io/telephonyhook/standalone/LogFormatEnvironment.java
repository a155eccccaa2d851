package io.telephonyhook.standalone;

import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.MapPropertySource;

import io.telephonyhook.TelephonyHookApplication;

/**
 * {@code LOG_FORMAT=json} switches the console to Spring Boot's structured logging, one JSON object a line (Elastic
 * Common Schema), with the call's fields as fields of their own. Runs before logging starts; only in the standalone
 * application, as an application that embeds the hook keeps its own log format.
 */
public class LogFormatEnvironment implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        if (application.getAllSources().contains(TelephonyHookApplication.class)
                && "json".equalsIgnoreCase(environment.getProperty("LOG_FORMAT", ""))
                && !environment.containsProperty("logging.structured.format.console")) {
            environment.getPropertySources().addLast(new MapPropertySource("logFormat",
                    Map.of("logging.structured.format.console", "ecs")));
        }
    }
}
