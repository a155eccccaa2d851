package io.telephonyhook.wording;

import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The wording of {@code HOOK_WORDING_FILE} for a user's locale: the most specific entry that has it, the
 * language and region ({@code fr-CA}) before the language ({@code fr}). Null when the file has none for the locale,
 * so the caller falls back to the built-in wording. SMS text and voice words are looked up each on their own: an
 * {@code fr-CA} entry with only an SMS text still gets its voice words from {@code fr}.
 */
public final class WordingByLocale {

    /** No file: the built-in wording everywhere. */
    public static final WordingByLocale NONE = new WordingByLocale(Map.of());

    private final Map<String, LocaleWording> byTag;

    /** @param byTag wording by {@link #tag} of its locale: {@code fr}, {@code fr-CA} */
    public WordingByLocale(Map<String, LocaleWording> byTag) {
        this.byTag = Map.copyOf(byTag);
    }

    /** The SMS text for this locale, with {@code {code}} where the code goes; null when the file has none. */
    public String smsTemplate(Locale locale) {
        return mostSpecific(locale, LocaleWording::smsTemplate);
    }

    /** What calls say in this locale; null when the file has nothing for it. */
    public VoiceWords voiceWords(Locale locale) {
        return mostSpecific(locale, LocaleWording::voice);
    }

    /** How entries are keyed: {@code fr}, or {@code fr-CA} with a region (language in small letters, region in capitals). */
    public static String tag(String language, String region) {
        return region.isEmpty() ? language : language + "-" + region;
    }

    private <T> T mostSpecific(Locale locale, Function<LocaleWording, T> part) {
        if (locale == null || byTag.isEmpty()) {
            return null;
        }
        if (!locale.getCountry().isEmpty()) {
            LocaleWording regional = byTag.get(tag(locale.getLanguage(), locale.getCountry()));
            if (regional != null && part.apply(regional) != null) {
                return part.apply(regional);
            }
        }
        LocaleWording language = byTag.get(locale.getLanguage());
        return language == null ? null : part.apply(language);
    }
}
