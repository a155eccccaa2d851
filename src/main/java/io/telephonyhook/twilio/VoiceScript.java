package io.telephonyhook.twilio;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import com.twilio.twiml.VoiceResponse;
import com.twilio.twiml.voice.Pause;
import com.twilio.twiml.voice.Say;
import com.twilio.type.Twiml;

/**
 * The TwiML a voice call plays: the code read digit by digit with pauses, said twice, in the user's language.
 * It travels inline with the call request, so there is nothing to host and the code never appears in a URL.
 *
 * <p>The language follows Okta's {@code locale} where we have the words for it; the voice for each language is
 * the one chosen in the Twilio console ("Text-to-Speech default voices"), as no voice is named here.
 * Anything else is read in US English.
 */
public class VoiceScript {

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

    /** The TwiML for this code and locale (null locale: US English). */
    public Twiml forCode(String otpCode, Locale locale) {
        Words words = locale == null ? null : WORDS_BY_LANGUAGE.get(locale.getLanguage());
        Say.Language language = words == null ? Say.Language.EN_US : regionalVariant(locale, words);
        if (words == null) {
            words = ENGLISH;
        }
        String digits = spokenDigits(otpCode);
        VoiceResponse response = new VoiceResponse.Builder()
                .pause(pause(1)) // a moment to bring the phone to the ear
                .say(new Say.Builder(words.intro() + " " + digits).language(language).build())
                .pause(pause(1))
                .say(new Say.Builder(words.again() + " " + digits).language(language).build())
                .build();
        return new Twiml(response.toXml());
    }

    /** The user's regional variant when Twilio speaks it (fr-CA, en-GB), else the language's default. */
    private static Say.Language regionalVariant(Locale locale, Words words) {
        String tag = locale.getLanguage() + "-" + locale.getCountry();
        return Arrays.stream(Say.Language.values())
                .filter(candidate -> candidate.toString().equalsIgnoreCase(tag))
                .findFirst()
                .orElse(words.defaultVoiceLanguage());
    }

    /** "482913" is read as "4. 8. 2. 9. 1. 3." so each digit is said on its own, with a pause after it. */
    static String spokenDigits(String otpCode) {
        return otpCode.chars()
                .mapToObj(c -> String.valueOf((char) c))
                .collect(Collectors.joining(". ", "", "."));
    }

    private static Pause pause(int seconds) {
        return new Pause.Builder().length(seconds).build();
    }
}
