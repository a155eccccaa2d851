package io.telephonyhook.camelmain;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.PropertyBindingException;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.support.PropertyBindingSupport;

import io.telephonyhook.config.HookProperties;
import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.config.SettingKeys;
import io.telephonyhook.config.Settings;
import io.telephonyhook.config.UnknownSettings;

/**
 * The hook's settings under camel-main: the same types as in Spring Boot ({@link Settings}), bound with Camel's own
 * property binding from Camel's properties (application.properties, {@code -D}, {@code camel run --property}) and the
 * README's environment variables ({@code hook.max-body} is {@code HOOK_MAX_BODY}), whatever Camel's own environment
 * mode. Then checked as in every host, and handed to Camel's properties ({@link HookProperties}).
 */
final class CamelMainSettings {

    private CamelMainSettings() {
    }

    static Settings bind(CamelContext camel) {
        PropertiesComponent properties = camel.getPropertiesComponent();
        List<String> names = new ArrayList<>(properties.loadProperties().stringPropertyNames());
        names.addAll(System.getenv().keySet());
        UnknownSettings.refuse(names, false);

        Settings settings = Settings.defaults();
        List<SettingKeys.Key> keys = SettingKeys.of(settings);
        for (Settings.Bound bound : settings.bound()) {
            Map<String, Object> values = new HashMap<>();
            for (SettingKeys.Key key : keys) {
                if (key.owner() == bound.settings().getClass()) {
                    String value = value(properties, key.name());
                    if (value != null && !value.isBlank()) { // blank is unset, as in Spring Boot
                        values.put(key.name().substring(bound.prefix().length() + 1), value);
                    }
                }
            }
            try {
                PropertyBindingSupport.build().withCamelContext(camel).withTarget(bound.settings())
                        .withProperties(values).bind();
            } catch (PropertyBindingException unreadable) {
                String name = bound.prefix() + "." + unreadable.getPropertyName();
                Class<?> type = keys.stream().filter(key -> key.name().equals(name)).map(SettingKeys.Key::type)
                        .findFirst().orElse(String.class);
                throw InvalidSettingsException.unreadable(name, unreadable.getValue(), type);
            }
        }
        settings.check();
        HookProperties.addTo(camel, settings);
        return settings;
    }

    /**
     * A setting's value: Camel's properties (application.properties, -D, the environment as Camel maps it), else the
     * README's environment variable. A secret is read without resolving it through Camel's placeholders, which list
     * every value they resolve in camel-main's start-up summary (Camel 4.10 prints an auth token there).
     */
    private static String value(PropertiesComponent properties, String key) {
        String variable = System.getenv(SettingKeys.environmentVariable(key));
        if (SettingKeys.isSecret(key)) {
            return variable != null ? variable : properties.loadProperties(name -> name.equals(key)).getProperty(key);
        }
        return properties.resolveProperty(key).orElse(variable);
    }
}
