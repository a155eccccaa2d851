package io.telephonyhook.twilio;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.config.EditableYamlFile;
import io.telephonyhook.config.EditableYamlFile.Entry;
import io.telephonyhook.config.EditableYamlFile.Text;
import io.telephonyhook.config.InvalidSettingsException;

/**
 * {@code HOOK_SENDERS_FILE}: senders by the destination's country, read once at start-up (README, "Senders and
 * wording per country and language").
 * <pre>
 * GB:
 *   sms: MyBrand            # a number, a Messaging Service (MG…) or an alphanumeric sender ID
 *   voice: "+447700900123"  # calls always come from a number
 *   failover-sms: MG…       # the failover account's (TWILIO_FAILOVER_*), which owns other numbers
 *   failover-voice: "+447700900456"
 * </pre>
 * Countries are libphonenumber's regions, as the destination's region is read (so {@code GB}, not {@code UK}), in
 * capitals or not. Anything wrong stops the start-up, naming the file and the line.
 */
public final class SendersFile {

    static final String VARIABLE = "HOOK_SENDERS_FILE";
    private static final Logger log = LoggerFactory.getLogger(SendersFile.class);
    private static final Set<String> COUNTRIES = PhoneNumberUtil.getInstance().getSupportedRegions();

    private SendersFile() {
    }

    /**
     * @return senders by region code, for the countries the file lists
     * @throws InvalidSettingsException naming the file and the line of the first mistake
     */
    public static Map<String, CountrySenders> read(Path path) {
        return read(path, TwilioAccount.PRIMARY);
    }

    /** The senders of one account ({@code primary}, or {@code failover}: its fields are {@code failover-sms}, ...). */
    public static Map<String, CountrySenders> read(Path path, String account) {
        String prefix = TwilioAccount.FAILOVER.equals(account) ? "failover-" : "";
        EditableYamlFile file = EditableYamlFile.read(VARIABLE, path, "country (ISO 3166 alpha-2, like GB)",
                List.of("sms", "voice", "failover-sms", "failover-voice"));
        Map<String, CountrySenders> byCountry = new TreeMap<>();
        Map<String, Integer> lines = new HashMap<>();
        for (Entry entry : file.entries()) {
            String country = country(file, entry.key());
            if (lines.containsKey(country)) {
                throw file.refusal(entry.key().line(), "'" + entry.key().value() + "' is listed twice (first on line "
                        + lines.get(country) + ")");
            }
            lines.put(country, entry.key().line());
            CountrySenders senders = new CountrySenders(sms(file, entry.fields().get(prefix + "sms")),
                    callerId(file, entry.fields().get(prefix + "voice")));
            if (senders.sms() != null || senders.callerId() != null) {
                byCountry.put(country, senders);
            }
        }
        log.info("{} {}: the {} account's senders of their own for {}", VARIABLE, path, account,
                byCountry.isEmpty() ? "no country" : byCountry.keySet());
        return byCountry;
    }

    private static String country(EditableYamlFile file, Text key) {
        String country = key.value().toUpperCase(Locale.ROOT);
        if (!country.matches("[A-Z]{2}")) {
            throw file.refusal(key.line(), "'" + key.value() + "' is not an ISO 3166 alpha-2 country code (like GB, US)");
        }
        if (!COUNTRIES.contains(country)) {
            throw file.refusal(key.line(), "'" + key.value() + "' is not a country libphonenumber knows, so no number"
                    + " would ever be from it");
        }
        return country;
    }

    private static SmsSender sms(EditableYamlFile file, Text sms) {
        if (sms == null) {
            return null;
        }
        try {
            return SmsSender.recognise(sms.value());
        } catch (IllegalArgumentException notASender) {
            throw file.refusal(sms.line(), "sms " + notASender.getMessage());
        }
    }

    private static String callerId(EditableYamlFile file, Text voice) {
        if (voice == null) {
            return null;
        }
        if (!TwilioSenders.isE164(voice.value())) {
            throw file.refusal(voice.line(), "voice '" + voice.value() + "' is not a number in E.164 (like"
                    + " +447700900123): calls always come from a number");
        }
        return voice.value();
    }
}
