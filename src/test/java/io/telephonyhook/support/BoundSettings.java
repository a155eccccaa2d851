package io.telephonyhook.support;

import java.util.Map;

import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.telephonyhook.config.Settings;
import io.telephonyhook.spring.SettingsBindFailureAnalyzer;

/**
 * The hook's settings bound from properties (or environment variables) the way a Spring Boot host binds them, Spring
 * Boot's own binder, then checked as every host checks them: for tests of the settings without an application.
 */
public final class BoundSettings {

    private BoundSettings() {
    }

    /** From properties by key, as in application.properties ({@code hook.max-body}). */
    public static Settings fromProperties(Map<String, String> properties) {
        return bind(new MapPropertySource("test", Map.copyOf(properties)));
    }

    /** From environment variables ({@code HOOK_MAX_BODY}). */
    public static Settings fromEnvironment(Map<String, String> variables) {
        return bind(new SystemEnvironmentPropertySource("env", Map.copyOf(variables)));
    }

    private static Settings bind(PropertySource<?> source) {
        Binder binder = new Binder(ConfigurationPropertySources.from(source));
        Settings settings = Settings.defaults();
        try {
            for (Settings.Bound bound : settings.bound()) {
                binder.bind(bound.prefix(), Bindable.ofInstance(bound.settings()));
            }
        } catch (BindException unreadable) {
            throw SettingsBindFailureAnalyzer.oneLine(unreadable);
        }
        return settings.check();
    }
}
