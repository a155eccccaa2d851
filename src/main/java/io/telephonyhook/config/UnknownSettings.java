package io.telephonyhook.config;

import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A mistyped key is refused, not ignored: {@code HOOK_DEDUP_TLL} would otherwise leave the TTL at its default without a
 * word. Every host gives the names of all its settings (properties and environment variables, in any of their forms);
 * one that can only be the hook's ({@code hook.*}, {@code okta.hook.*}, and {@code twilio.*} in the standalone
 * application, where no other component has Twilio settings) but is none of its keys stops the start in one line,
 * naming it and the nearest key.
 */
public final class UnknownSettings {

    private static final List<String> HOOKS_OWN = List.of("HOOK_", "OKTA_HOOK_");
    private static final String TWILIO = "TWILIO_";

    private UnknownSettings() {
    }

    /** @param twilioKeysToo true in the standalone application: twilio.* keys are the hook's too */
    public static void refuse(Collection<String> names, boolean twilioKeysToo) {
        Map<String, String> known = SettingKeys.defaults().keySet().stream()
                .collect(Collectors.toMap(SettingKeys::environmentVariable, key -> key));
        Set<String> squeezed = known.keySet().stream().map(UnknownSettings::squeezed).collect(Collectors.toSet());
        Set<String> checked = new java.util.TreeSet<>();
        for (String name : names) {
            // every spelling Spring Boot binds: hook.max-body, hook.maxBody, HOOK_MAX_BODY, HOOK_MAXBODY
            String variable = SettingKeys.environmentVariable(SettingKeys.kebab(name));
            boolean ours = HOOKS_OWN.stream().anyMatch(variable::startsWith) || twilioKeysToo && variable.startsWith(TWILIO);
            if (ours && !known.containsKey(variable) && !squeezed.contains(squeezed(variable)) && checked.add(name)) {
                String nearest = nearest(variable, known.keySet());
                throw new InvalidSettingsException(name + " is not a setting of the hook: did you mean " + nearest
                        + " (" + known.get(nearest) + ")? The configuration reference (docs/configuration.md) lists them all.");
            }
        }
    }

    /** Without the separators inside a name's words: HOOK_MAX_BODY and HOOK_MAXBODY are one. */
    private static String squeezed(String variable) {
        return variable.replace("_", "");
    }

    private static String nearest(String variable, Collection<String> known) {
        return known.stream().min(Comparator.comparingInt(candidate -> distance(variable, candidate))).orElseThrow();
    }

    /** Levenshtein's distance: the fewest characters to insert, delete or replace. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int replace = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(replace, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
