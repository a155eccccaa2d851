package io.telephonyhook.config;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The keys of the settings, read off their types: a setter is a key ({@code setMaxBody} under {@code hook} is
 * {@code hook.max-body}), a nested settings object is a prefix ({@code hook.rate-limit.*}). The environment variable
 * of a key is its upper case with dots and dashes as underscores ({@code HOOK_MAX_BODY}).
 */
public final class SettingKeys {

    /** One setting: its key, the settings type it is bound into, its value's type and its value there. */
    public record Key(String name, Class<?> owner, Class<?> type, Object value) {
    }

    private SettingKeys() {
    }

    /** Every key of these settings with its value, in the order of the types. */
    public static List<Key> of(Settings settings) {
        List<Key> keys = new ArrayList<>();
        for (Settings.Bound bound : settings.bound()) {
            collect(bound.prefix(), bound.settings(), bound.settings().getClass(), keys);
        }
        return keys;
    }

    /** Every key with its default (null for none). */
    public static Map<String, Object> defaults() {
        Map<String, Object> defaults = new LinkedHashMap<>();
        of(Settings.defaults()).forEach(key -> defaults.put(key.name(), key.value()));
        return defaults;
    }

    /** The values of these settings as text, those that have one. */
    public static Map<String, String> asText(Settings settings) {
        Map<String, String> text = new LinkedHashMap<>();
        for (Key key : of(settings)) {
            if (key.value() != null) {
                text.put(key.name(), key.value() instanceof Duration duration ? duration.toMillis() + "ms"
                        : String.valueOf(key.value()));
            }
        }
        return text;
    }

    /**
     * The settings whose values are secrets (or may hold one: a Redis URL's password), in any spelling
     * ({@code okta.hook.auth.secret-previous}, {@code secretPrevious}, {@code secretprevious},
     * {@code TWILIO_AUTH_TOKEN}): never shown, never copied.
     */
    public static boolean isSecret(String key) {
        String name = key.toLowerCase(Locale.ROOT).replaceAll("[-_]", "");
        return name.endsWith("secret") || name.endsWith("secretprevious") || name.endsWith("authtoken")
                || name.endsWith("redisurl");
    }

    public static String environmentVariable(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** {@code maxBody} is {@code max-body}; {@code rateLimit.perNumber} is {@code rate-limit.per-number}. */
    static String kebab(String camel) {
        return camel.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static void collect(String prefix, Object settings, Class<?> owner, List<Key> keys) {
        Method[] methods = settings.getClass().getMethods();
        Arrays.sort(methods, Comparator.comparing(Method::getName));
        for (Method method : methods) {
            String name = method.getName();
            boolean is = name.startsWith("is");
            if (method.getDeclaringClass() == Object.class || method.getParameterCount() != 0
                    || Modifier.isStatic(method.getModifiers()) || !(name.startsWith("get") || is)) {
                continue;
            }
            String property = name.substring(is ? 2 : 3);
            String key = prefix + "." + kebab(Character.toLowerCase(property.charAt(0)) + property.substring(1));
            Object value = invoke(method, settings);
            if (hasSetter(settings.getClass(), property, method.getReturnType())) {
                keys.add(new Key(key, owner, method.getReturnType(), value));
            } else if (value != null && value.getClass().getName().startsWith(SettingKeys.class.getPackageName())) {
                collect(key, value, owner, keys);
            }
        }
    }

    private static boolean hasSetter(Class<?> type, String property, Class<?> valueType) {
        try {
            type.getMethod("set" + property, valueType);
            return true;
        } catch (NoSuchMethodException none) {
            return false;
        }
    }

    private static Object invoke(Method getter, Object target) {
        try {
            return getter.invoke(target);
        } catch (ReflectiveOperationException unreadable) {
            throw new IllegalStateException("cannot read " + getter, unreadable);
        }
    }
}
