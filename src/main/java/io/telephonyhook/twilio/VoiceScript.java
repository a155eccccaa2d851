package io.telephonyhook.twilio;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.twilio.twiml.voice.Say;
import com.twilio.type.Twiml;

import io.telephonyhook.wording.VoiceWords;
import io.telephonyhook.wording.WordingByLocale;

/**
 * The TwiML a voice call plays: the code read digit by digit with pauses, said twice, in the user's language.
 * It travels inline with the call request, so there is nothing to host and the code never appears in a URL.
 *
 * <p>The words for Okta's {@code locale} are those of {@code HOOK_WORDING_FILE} when it has some
 * ({@link WordingByLocale}), else the built-in ones where we have the words for the language, else US English. They
 * are read in the locale's regional variant when Twilio speaks it ({@code fr-CA}, {@code en-GB}), else in the
 * language's usual one ({@code fr-FR}; for a language only the file has words for, the first variant Twilio lists,
 * such as {@code sv-SE}), and by the US English voice when Twilio speaks no variant of the language. The voice for
 * each language is the one chosen in the Twilio console ("Text-to-Speech default voices"), as no voice is named here.
 *
 * <p>The script is TwiML written here, not by the Twilio SDK's {@code VoiceResponse}: its {@code toXml} asks JAXP for a
 * new parser and transformer each time, and JAXP first looks for them in every jar on the class path, which cost a
 * fifth of the hook's CPU at saturation and a tenth of a second on the first call. It is escaped as the SDK escapes
 * it, so it is byte for byte what the SDK writes (VoiceScriptTest). Each script (language and words) is made once; a
 * call only puts its digits in.
 */
public class VoiceScript {

    private record Words(Say.Language defaultVoiceLanguage, String intro, String again) {
    }

    /** What a script is made of; each distinct one is written once. */
    private record Script(Say.Language language, String intro, String again) {
    }

    private static final Words ENGLISH = new Words(Say.Language.EN_US,
            "Your verification code is", "Once again, your code is");
    private static final Script ENGLISH_SCRIPT = new Script(Say.Language.EN_US, ENGLISH.intro(), ENGLISH.again());

    private static final Map<String, Words> WORDS_BY_LANGUAGE = Map.of(
            "en", ENGLISH,
            "de", new Words(Say.Language.DE_DE, "Ihr Bestätigungscode lautet", "Noch einmal, Ihr Code lautet"),
            "fr", new Words(Say.Language.FR_FR, "Votre code de vérification est", "Je répète, votre code est"),
            "es", new Words(Say.Language.ES_ES, "Su código de verificación es", "Repito, su código es"),
            "it", new Words(Say.Language.IT_IT, "Il suo codice di verifica è", "Ripeto, il suo codice è"),
            "pt", new Words(Say.Language.PT_BR, "O seu código de verificação é", "Repetindo, o seu código é"),
            "nl", new Words(Say.Language.NL_NL, "Uw verificatiecode is", "Nogmaals, uw code is"));

    /** Twilio's languages by lower-case tag ("fr-ca"), for the user's regional variant. */
    private static final Map<String, Say.Language> SPOKEN_LANGUAGES = Arrays.stream(Say.Language.values())
            .collect(Collectors.toMap(language -> language.toString().toLowerCase(Locale.ROOT), Function.identity(),
                    (first, same) -> first));

    /** The first variant Twilio lists of each language it speaks ("sv" → sv-SE), for words only the file has. */
    private static final Map<String, Say.Language> FIRST_VARIANT = Arrays.stream(Say.Language.values())
            .collect(Collectors.toMap(language -> language.toString().split("-")[0].toLowerCase(Locale.ROOT),
                    Function.identity(), (first, later) -> first, LinkedHashMap::new));

    private final WordingByLocale wording;
    /**
     * Each script split where the digits go (before, between, after), made on first use. A few dozen at most: the
     * built-in words per Twilio language, and the file's words per language they are spoken in.
     */
    private final Map<Script, String[]> scripts = new ConcurrentHashMap<>();

    /** The built-in words only. */
    public VoiceScript() {
        this(WordingByLocale.NONE);
    }

    /** @param wording the words of {@code HOOK_WORDING_FILE}, which take the built-in ones' place for their locales */
    public VoiceScript(WordingByLocale wording) {
        this.wording = wording;
    }

    /** The TwiML for this code and locale (null locale: US English). */
    public Twiml forCode(String otpCode, Locale locale) {
        String[] script = scripts.computeIfAbsent(script(locale), VoiceScript::write);
        String digits = text(spokenDigits(otpCode));
        return new Twiml(script[0] + digits + script[1] + digits + script[2]);
    }

    private Script script(Locale locale) {
        if (locale == null) {
            return ENGLISH_SCRIPT;
        }
        Words builtIn = WORDS_BY_LANGUAGE.get(locale.getLanguage());
        VoiceWords fromFile = wording.voiceWords(locale);
        if (fromFile != null) {
            Say.Language usual = builtIn != null ? builtIn.defaultVoiceLanguage()
                    : FIRST_VARIANT.getOrDefault(locale.getLanguage(), Say.Language.EN_US);
            return new Script(regionalVariant(locale, usual), fromFile.intro(), fromFile.again());
        }
        if (builtIn != null) {
            return new Script(regionalVariant(locale, builtIn.defaultVoiceLanguage()), builtIn.intro(), builtIn.again());
        }
        return ENGLISH_SCRIPT;
    }

    /**
     * A pause to bring the phone to the ear, the code, a pause, the code again; as Twilio's own TwiML writes it, in
     * three parts for the digits to go between.
     */
    private static String[] write(Script script) {
        String say = "<Say language=\"" + attribute(script.language().toString()) + "\">";
        return new String[] {
                "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response><Pause length=\"1\"/>" + say + text(script.intro()) + " ",
                "</Say><Pause length=\"1\"/>" + say + text(script.again()) + " ",
                "</Say></Response>"};
    }

    /** The user's regional variant when Twilio speaks it (fr-CA, en-GB), else the language's usual one. */
    private static Say.Language regionalVariant(Locale locale, Say.Language usual) {
        String tag = (locale.getLanguage() + "-" + locale.getCountry()).toLowerCase(Locale.ROOT);
        return SPOKEN_LANGUAGES.getOrDefault(tag, usual);
    }

    /** "482913" is read as "4. 8. 2. 9. 1. 3." so each digit is said on its own, with a pause after it. */
    static String spokenDigits(String otpCode) {
        return otpCode.chars()
                .mapToObj(c -> String.valueOf((char) c))
                .collect(Collectors.joining(". ", "", "."));
    }

    /**
     * Text escaped as the SDK's XML writer escapes it (quotes stay as they are). A code is digits by the time it gets
     * here, but words come from a file people edit, and the script stays XML whatever they hold.
     */
    private static String text(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private static String attribute(String value) {
        return text(value).replace("\"", "&quot;");
    }
}
