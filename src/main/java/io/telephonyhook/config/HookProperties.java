package io.telephonyhook.config;

import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.spi.PropertiesFunction;

/**
 * The routes' placeholders for the hook's settings: {@code {{hook:path}}} is the setting {@code hook.path} as the hook
 * runs with it ({@code HOOK_PATH}, or its default), {@code {{hook:breaker.open-seconds}}} is
 * {@code hook.breaker.open-seconds}. A Camel properties function (named {@value #NAME}) rather than plain
 * {@code {{hook.path}}}: Camel lets an environment variable of that name override any property, raw, so a blank
 * {@code HOOK_PATH} would be an empty path there, where the bound settings take blank as unset. The function reads
 * the bound values, defaults included, so the routes have no default of their own to drift. Secrets are not served.
 */
public final class HookProperties implements PropertiesFunction {

    public static final String NAME = "hook";

    private final Map<String, String> values;

    private HookProperties(Settings settings) {
        this.values = SettingKeys.asText(settings);
    }

    /** Registers the function with {@code camel}'s properties, for these settings. */
    public static void addTo(CamelContext camel, Settings settings) {
        camel.getPropertiesComponent().addPropertiesFunction(new HookProperties(settings));
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public String apply(String remainder) {
        String key = HookSettings.PREFIX + "." + remainder.strip();
        String value = values.get(key);
        if (value == null || SettingKeys.isSecret(key)) {
            throw new IllegalArgumentException("{{hook:" + remainder + "}} names no setting of the hook with a value"
                    + " (hook:path is hook.path; docs/configuration.md lists them)");
        }
        return value;
    }
}
