package io.telephonyhook.config;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesComponent;

/**
 * The settings the hook runs with, handed to Camel's properties in every host, below the application's own: the
 * routes' placeholders ({@code {{hook.max-concurrent-calls}}}, {@code {{hook.breaker.open-seconds}}}, ...) then read
 * the same values as the hook's Java, defaults included, with no default of their own to drift. Secrets are not
 * handed over.
 */
public final class HookProperties {

    private HookProperties() {
    }

    public static void addTo(CamelContext camel, Settings settings) {
        PropertiesComponent properties = camel.getPropertiesComponent();
        SettingKeys.asText(settings).forEach((key, value) -> {
            if (!SettingKeys.isSecret(key)) {
                properties.addInitialProperty(key, value);
            }
        });
    }
}
