package io.telephonyhook.spring;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code META-INF/telephony-hook/defaults.properties} (the loggers that must never print a code or a secret) to
 * any Spring Boot application with the hook, at the lowest precedence, before logging starts. The application's own
 * settings override every line.
 */
public class HookDefaultsEnvironment implements EnvironmentPostProcessor {

    static final String DEFAULTS = "META-INF/telephony-hook/defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            for (PropertySource<?> defaults : new PropertiesPropertySourceLoader()
                    .load("telephonyHookDefaults", new ClassPathResource(DEFAULTS, getClass().getClassLoader()))) {
                environment.getPropertySources().addLast(defaults);
            }
        } catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
    }
}
