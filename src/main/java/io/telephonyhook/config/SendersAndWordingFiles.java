package io.telephonyhook.config;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;

/**
 * The files integration teams edit to say who codes come from in each country and what they say in each language,
 * the same in every host; read once at start-up (README, "Senders and wording per country and language"):
 *
 * @param sendersFile {@code hook.senders-file} / {@code HOOK_SENDERS_FILE}: senders by the destination's country;
 *                    null when unset (every country uses the TWILIO_ senders)
 * @param wordingFile {@code hook.wording-file} / {@code HOOK_WORDING_FILE}: SMS and voice wording by locale; null
 *                    when unset (the built-in wording)
 */
public record SendersAndWordingFiles(Path sendersFile, Path wordingFile) {

    public static SendersAndWordingFiles from(SettingsSource settings) {
        return new SendersAndWordingFiles(path(settings, "hook.senders-file"), path(settings, "hook.wording-file"));
    }

    private static Path path(SettingsSource settings, String key) {
        String value = settings.text(key);
        if (value == null) {
            return null;
        }
        try {
            return Path.of(value);
        } catch (InvalidPathException notAPath) {
            throw new InvalidSettingsException(SettingsSource.environmentVariable(key) + " (" + key + ") is '"
                    + value.replaceAll("\\p{Cntrl}", "?") + "', which is not a file path: " + notAPath.getReason() + ".");
        }
    }
}
