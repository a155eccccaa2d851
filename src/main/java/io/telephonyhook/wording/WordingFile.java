package io.telephonyhook.wording;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.config.EditableYamlFile;
import io.telephonyhook.config.EditableYamlFile.Entry;
import io.telephonyhook.config.EditableYamlFile.Text;
import io.telephonyhook.config.InvalidSettingsException;

/**
 * {@code HOOK_WORDING_FILE}: what codes say, by locale, read once at start-up (README, "Senders and wording per
 * country and language").
 * <pre>
 * fr:
 *   sms: "Votre code de vérification est {code}"
 *   voice: "Votre code de vérification est"      # said before the digits
 *   voiceAgain: "Je répète, votre code est"       # said before the digits the second time
 * </pre>
 * Anything wrong stops the start-up, naming the file and the line.
 */
public final class WordingFile {

    static final String VARIABLE = "HOOK_WORDING_FILE";
    /** Twilio's longest SMS body. */
    static final int SMS_MAX_CHARACTERS = 1600;
    /**
     * The longest voice phrase. Each is said twice with the code in a script Twilio takes at most 4000 characters of;
     * 300 leaves room for XML escapes and the longest code (a phrase before digits is rarely past 50).
     */
    static final int VOICE_MAX_CHARACTERS = 300;
    /** The longest code Okta sends, to check a text with the code in it still fits. */
    private static final String LONGEST_CODE = "0123456789";
    private static final Logger log = LoggerFactory.getLogger(WordingFile.class);
    private static final Pattern TAG = Pattern.compile("([A-Za-z]{2,3})(?:-([A-Za-z]{2}|[0-9]{3}))?");
    /** Control characters but the line break an SMS may hold; TwiML cannot carry most of them at all. */
    private static final Pattern SMS_CONTROL = Pattern.compile("[\\x00-\\x09\\x0B-\\x1F\\x7F]");
    private static final Pattern VOICE_CONTROL = Pattern.compile("[\\x00-\\x1F\\x7F]");
    private static final Set<String> LANGUAGES = Arrays.stream(Locale.getISOLanguages())
            .map(code -> new Locale(code).getLanguage()).collect(Collectors.toUnmodifiableSet());
    private static final Set<String> REGIONS = Set.of(Locale.getISOCountries());

    private WordingFile() {
    }

    /** @throws InvalidSettingsException naming the file and the line of the first mistake */
    public static WordingByLocale read(Path path) {
        EditableYamlFile file = EditableYamlFile.read(VARIABLE, path, "locale (a language like fr, or a language and"
                + " region like fr-CA)", List.of("sms", "voice", "voiceAgain"));
        Map<String, LocaleWording> byTag = new TreeMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (Entry entry : file.entries()) {
            String tag = tag(file, entry.key());
            if (lines.containsKey(tag)) {
                throw file.refusal(entry.key().line(), "'" + entry.key().value() + "' is listed twice (first on line "
                        + lines.get(tag) + ")");
            }
            lines.put(tag, entry.key().line());
            byTag.put(tag, new LocaleWording(sms(file, entry), voice(file, entry)));
        }
        log.info("{} {}: wording of its own for {}", VARIABLE, path, byTag.isEmpty() ? "no locale" : byTag.keySet());
        return new WordingByLocale(byTag);
    }

    /** {@code fr} or {@code fr-CA}, as Okta's locales are read (language in small letters, region in capitals). */
    private static String tag(EditableYamlFile file, Text key) {
        var parts = TAG.matcher(key.value());
        if (!parts.matches()) {
            throw file.refusal(key.line(), "'" + key.value() + "' is not a locale tag: write a language (fr) or a"
                    + " language and region (fr-CA)");
        }
        String language = parts.group(1).toLowerCase(Locale.ROOT);
        String region = parts.group(2) == null ? "" : parts.group(2).toUpperCase(Locale.ROOT);
        if (language.length() == 2 && !LANGUAGES.contains(new Locale(language).getLanguage())) {
            throw file.refusal(key.line(), "'" + key.value() + "' is not a locale tag: '" + parts.group(1)
                    + "' is not an ISO 639 language code (like fr, de, pt)");
        }
        if (region.length() == 2 && !REGIONS.contains(region)) {
            throw file.refusal(key.line(), "'" + key.value() + "' is not a locale tag: '" + parts.group(2)
                    + "' is not an ISO 3166 country code (like FR, CA)");
        }
        return WordingByLocale.tag(new Locale(language).getLanguage(), region);
    }

    private static String sms(EditableYamlFile file, Entry entry) {
        Text sms = entry.fields().get("sms");
        if (sms == null) {
            return null;
        }
        String where = "sms under '" + entry.key().value() + "'";
        if (!sms.value().contains("{code}")) {
            throw file.refusal(sms.line(), where + " has no {code}: the text must say where the code goes");
        }
        if (SMS_CONTROL.matcher(sms.value()).find()) {
            throw file.refusal(sms.line(), where + " holds a control character (only line breaks may be in an SMS)");
        }
        if (sms.value().replace("{code}", LONGEST_CODE).length() > SMS_MAX_CHARACTERS) {
            throw file.refusal(sms.line(), where + " is longer than Twilio's " + SMS_MAX_CHARACTERS
                    + " characters with a code in it");
        }
        return sms.value();
    }

    private static VoiceWords voice(EditableYamlFile file, Entry entry) {
        Text intro = entry.fields().get("voice");
        Text again = entry.fields().get("voiceAgain");
        if (intro == null && again == null) {
            return null;
        }
        if (intro == null || again == null) {
            // one without the other would have a call switch language half-way, to the built-in words
            Text given = intro == null ? again : intro;
            throw file.refusal(given.line(), "'" + entry.key().value() + "' has " + (intro == null ? "voiceAgain" : "voice")
                    + " without " + (intro == null ? "voice" : "voiceAgain") + ": a call says both, so give both");
        }
        return new VoiceWords(phrase(file, entry, "voice", intro), phrase(file, entry, "voiceAgain", again));
    }

    private static String phrase(EditableYamlFile file, Entry entry, String name, Text phrase) {
        String where = name + " under '" + entry.key().value() + "'";
        if (VOICE_CONTROL.matcher(phrase.value()).find()) {
            throw file.refusal(phrase.line(), where + " holds a control character or a line break");
        }
        if (phrase.value().length() > VOICE_MAX_CHARACTERS) {
            throw file.refusal(phrase.line(), where + " is longer than " + VOICE_MAX_CHARACTERS + " characters");
        }
        return phrase.value();
    }
}
