package io.telephonyhook.twilio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.twilio.twiml.voice.Say;
import com.twilio.type.Twiml;

/**
 * The TwiML a voice call plays: the code read digit by digit with pauses, said twice, in the user's language.
 * It travels inline with the call request, so there is nothing to host and the code never appears in a URL.
 *
 * <p>The language follows Okta's {@code locale} where we have the words for it; the voice for each language is
 * the one chosen in the Twilio console ("Text-to-Speech default voices"), as no voice is named here.
 * Anything else is read in US English.
 *
 * <p>The script is TwiML written here, not by the Twilio SDK's {@code VoiceResponse}: its {@code toXml} asks JAXP for a
 * new parser and transformer each time, and JAXP first looks for them in every jar on the class path, which cost a
 * fifth of the hook's CPU at saturation and a tenth of a second on the first call. Each language's script is made
 * once; a call only puts its digits in.
 */
public class VoiceScript {

    /** Where the digits go in a language's script; no script's words contain it. */
    private static final String DIGITS = "@@digits@@";

    private record Words(Say.Language defaultVoiceLanguage, String intro, String again) {
    }

    private static final Words ENGLISH = new Words(Say.Language.EN_US,
            "Your verification code is", "Once again, your code is");

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

    /** One script per Twilio language (a few dozen at most: the key is an enum), made on first use. */
    private final Map<Say.Language, String> scripts = new ConcurrentHashMap<>();

    /** The TwiML for this code and locale (null locale: US English). */
    public Twiml forCode(String otpCode, Locale locale) {
        Words words = locale == null ? null : WORDS_BY_LANGUAGE.get(locale.getLanguage());
        Say.Language language = words == null ? Say.Language.EN_US : regionalVariant(locale, words);
        Words spoken = words == null ? ENGLISH : words;
        String script = scripts.computeIfAbsent(language, key -> script(spoken, key));
        return new Twiml(script.replace(DIGITS, xml(spokenDigits(otpCode))));
    }

    /** A pause to bring the phone to the ear, the code, a pause, the code again; as Twilio's own TwiML writes it. */
    private static String script(Words words, Say.Language language) {
        String say = "<Say language=\"" + xml(language.toString()) + "\">";
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Response>"
                + "<Pause length=\"1\"/>" + say + xml(words.intro()) + " " + DIGITS + "</Say>"
                + "<Pause length=\"1\"/>" + say + xml(words.again()) + " " + DIGITS + "</Say>"
                + "</Response>";
    }

    /** The user's regional variant when Twilio speaks it (fr-CA, en-GB), else the language's default. */
    private static Say.Language regionalVariant(Locale locale, Words words) {
        String tag = (locale.getLanguage() + "-" + locale.getCountry()).toLowerCase(Locale.ROOT);
        return SPOKEN_LANGUAGES.getOrDefault(tag, words.defaultVoiceLanguage());
    }

    /** "482913" is read as "4. 8. 2. 9. 1. 3." so each digit is said on its own, with a pause after it. */
    static String spokenDigits(String otpCode) {
        return otpCode.chars()
                .mapToObj(c -> String.valueOf((char) c))
                .collect(Collectors.joining(". ", "", "."));
    }

    /** Text and attribute values escaped; a code is digits by the time it gets here, but the script stays XML. */
    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
