package io.telephonyhook.orgs;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.telephonyhook.config.HookSettings;
import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.config.OAuthSettings;
import io.telephonyhook.config.OktaAuthSettings;
import io.telephonyhook.config.PumpingSettings;
import io.telephonyhook.config.RateLimitSettings;
import io.telephonyhook.config.SettingKeys;
import io.telephonyhook.config.Settings;
import io.telephonyhook.config.TwilioFailoverSettings;
import io.telephonyhook.config.TwilioSettings;
import io.telephonyhook.orgs.OrgsFile.OrgDefinition;

/**
 * An org's settings: the hook's, with the org's own fields ({@code HOOK_ORGS_FILE}) in their place. What an org takes
 * from the hook, and what it never does:
 * <ul>
 *   <li>credentials: never the hook's (each org authenticates with its own);
 *   <li>Twilio: the hook's account, senders, senders file and failover account, unless the org names its own
 *       {@code twilio-account-sid}: then only what it gives (the TwiML URL and connect timeout stay the hook's);
 *   <li>allowed countries and rate limits: its own only; the hook's {@code HOOK_ALLOWED_COUNTRIES} and
 *       {@code HOOK_RATE_LIMIT_*} apply across every org besides;
 *   <li>everything else (deadline, wording, templates, deduplication, deliveries, the breakers): the hook's.
 * </ul>
 */
final class OrgSettings {

    private OrgSettings() {
    }

    /** @throws InvalidSettingsException naming the orgs file, the org's line, and the org's field at fault */
    static Settings of(Settings hook, OrgDefinition org) {
        Map<String, String> own = org.settings();
        boolean ownAccount = own.containsKey("twilio.account-sid");
        HookSettings hookSettings = copy(hook.hook());
        TwilioSettings twilio = ownAccount ? new TwilioSettings() : copy(hook.twilio());
        TwilioFailoverSettings failover = ownAccount ? new TwilioFailoverSettings() : copy(hook.failover());
        if (ownAccount) {
            hookSettings.setSendersFile(null); // the hook's senders are numbers of the hook's account
            twilio.setTwimlUrl(hook.twilio().getTwimlUrl());
            twilio.setConnectTimeout(hook.twilio().getConnectTimeout());
        }
        Settings settings = new Settings(hookSettings, new OktaAuthSettings(), new OAuthSettings(), twilio, failover,
                hook.dedup(), new PumpingSettings(), new RateLimitSettings(), hook.deliveries(), hook.breaker(),
                hook.demo(), hook.orgs());
        own.forEach((key, value) -> set(settings, key, value));
        try {
            return settings.check();
        } catch (InvalidSettingsException refused) {
            throw org.refusal(inFieldNames(refused.getMessage()));
        }
    }

    /**
     * The hook's setting {@code key} (twilio.from-number) set to {@code value} through its String setter, on the
     * settings type of the longest prefix that has it (hook.rate-limit.per-number is RateLimitSettings', hook.path
     * HookSettings').
     */
    private static void set(Settings settings, String key, String value) {
        for (Settings.Bound bound : settings.bound().stream()
                .filter(candidate -> key.startsWith(candidate.prefix() + "."))
                .sorted(Comparator.comparingInt((Settings.Bound candidate) -> candidate.prefix().length()).reversed())
                .toList()) {
            StringBuilder setter = new StringBuilder("set");
            for (String word : key.substring(bound.prefix().length() + 1).split("-")) {
                setter.append(Character.toUpperCase(word.charAt(0))).append(word.substring(1));
            }
            if (hasMethod(bound.settings(), setter.toString())) {
                invoke(bound.settings(), setter.toString(), String.class, value);
                return;
            }
        }
        throw new IllegalStateException("no setting " + key);
    }

    private static boolean hasMethod(Object target, String name) {
        try {
            target.getClass().getMethod(name, String.class);
            return true;
        } catch (NoSuchMethodException none) {
            return false;
        }
    }

    /** A copy of one of the settings types: every property with a getter and a setter. */
    private static <T> T copy(T settings) {
        try {
            @SuppressWarnings("unchecked")
            T copy = (T) settings.getClass().getDeclaredConstructor().newInstance();
            for (Method setter : settings.getClass().getMethods()) {
                if (setter.getName().startsWith("set") && setter.getParameterCount() == 1) {
                    Method getter = getter(settings.getClass(), setter.getName().substring(3));
                    if (getter != null && setter.getParameterTypes()[0].isAssignableFrom(getter.getReturnType())) {
                        setter.invoke(copy, getter.invoke(settings));
                    }
                }
            }
            return copy;
        } catch (ReflectiveOperationException unexpected) {
            throw new IllegalStateException("cannot copy " + settings.getClass().getSimpleName(), unexpected);
        }
    }

    private static Method getter(Class<?> type, String property) {
        for (String prefix : new String[] {"get", "is"}) {
            try {
                return type.getMethod(prefix + property);
            } catch (NoSuchMethodException none) {
                // the other spelling, or no getter
            }
        }
        return null;
    }

    private static void invoke(Object target, String method, Class<?> type, Object value) {
        try {
            target.getClass().getMethod(method, type).invoke(target, value);
        } catch (InvocationTargetException refused) {
            throw refused.getCause() instanceof RuntimeException runtime ? runtime
                    : new IllegalStateException(refused.getCause());
        } catch (ReflectiveOperationException unexpected) {
            throw new IllegalStateException("no " + method + " on " + target.getClass().getSimpleName(), unexpected);
        }
    }

    /** A refusal's environment variables (TWILIO_FROM_NUMBER) as the org's fields (twilio-from-number). */
    static String inFieldNames(String message) {
        Map<String, String> fields = new LinkedHashMap<>();
        OrgsFile.SETTINGS.forEach((field, key) -> fields.put(SettingKeys.environmentVariable(key),
                OrgsFile.SECRETS.contains(field) ? field + "-env" : field));
        String text = message;
        for (Map.Entry<String, String> field : fields.entrySet().stream()
                .sorted(Comparator.comparingInt((Map.Entry<String, String> entry) -> entry.getKey().length()).reversed())
                .toList()) {
            text = text.replaceAll("\\b" + field.getKey() + "\\b", field.getValue().toLowerCase(Locale.ROOT));
        }
        return text;
    }
}
