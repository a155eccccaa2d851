package io.telephonyhook.config;

import java.util.HashMap;
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
 * One value is derived: {@code {{hook:breaker.wait-in-open-state}}} is {@code hook.breaker.open-seconds} in the unit the
 * running Camel reads a breaker's {@code waitDurationInOpenState} in (seconds up to 4.21, milliseconds from 4.22), so
 * one route file serves every line.
 */
public final class HookProperties implements PropertiesFunction {

    public static final String NAME = "hook";

    static final String WAIT_IN_OPEN_STATE = HookSettings.PREFIX + ".breaker.wait-in-open-state";

    private final Map<String, String> values;

    HookProperties(Settings settings, String camelVersion) {
        this.values = new HashMap<>(SettingKeys.asText(settings));
        int seconds = settings.breaker().getOpenSeconds();
        values.put(WAIT_IN_OPEN_STATE, String.valueOf(CamelLine.atLeast(camelVersion, 4, 22) ? seconds * 1000L : seconds));
    }

    /** Registers the function with {@code camel}'s properties, for these settings. */
    public static void addTo(CamelContext camel, Settings settings) {
        camel.getPropertiesComponent().addPropertiesFunction(new HookProperties(settings, camel.getVersion()));
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
