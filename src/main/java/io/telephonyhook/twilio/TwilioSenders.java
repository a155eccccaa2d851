package io.telephonyhook.twilio;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.telephonyhook.okta.Channel;
import io.telephonyhook.phone.E164Number;

/**
 * Who codes come from: SMS through a Messaging Service or from a number, calls from a number, unless the
 * destination's country has senders of its own ({@code HOOK_SENDERS_FILE}, by libphonenumber's region of the number).
 */
public final class TwilioSenders {

    private static final Pattern E164 = Pattern.compile("\\+[1-9][0-9]{6,14}");

    private final String fromNumber;
    private final String messagingServiceSid;
    private final SmsSender defaultSmsSender;
    private final Map<String, CountrySenders> byCountry;

    /**
     * @param fromNumber          E.164 sender and caller id; null when only a Messaging Service is configured
     * @param messagingServiceSid MG…; null when not configured. It sends the SMS when both are set
     * @param byCountry           senders by ISO 3166 region code (GB), for the countries that have their own
     */
    public TwilioSenders(String fromNumber, String messagingServiceSid, Map<String, CountrySenders> byCountry) {
        this.fromNumber = fromNumber;
        this.messagingServiceSid = messagingServiceSid;
        this.byCountry = Map.copyOf(byCountry);
        if (messagingServiceSid != null) {
            defaultSmsSender = new SmsSender(SmsSender.Kind.MESSAGING_SERVICE, messagingServiceSid);
        } else {
            defaultSmsSender = fromNumber == null ? null : new SmsSender(SmsSender.Kind.NUMBER, fromNumber);
        }
    }

    /** True for a number in the E.164 form Twilio takes senders in: {@code +}, the country code, at most 15 digits. */
    public static boolean isE164(String number) {
        return number != null && E164.matcher(number).matches();
    }

    /** Who an SMS to this number comes from: its country's sender, else the default. */
    public SmsSender smsSender(E164Number to) {
        CountrySenders country = country(to);
        return country != null && country.sms() != null ? country.sms() : defaultSmsSender;
    }

    /** The number a call to this number comes from: its country's, else TWILIO_FROM_NUMBER. */
    public String callerId(E164Number to) {
        CountrySenders country = country(to);
        return country != null && country.callerId() != null ? country.callerId() : fromNumber;
    }

    private CountrySenders country(E164Number to) {
        return to.regionCode() == null ? null : byCountry.get(to.regionCode());
    }

    /**
     * The channels the hook can send on: SMS needs either default sender, a call needs a number. Countries' own
     * senders only replace the defaults: every other country still needs them.
     */
    public Set<Channel> configuredChannels() {
        Set<Channel> channels = EnumSet.noneOf(Channel.class);
        if (fromNumber != null || messagingServiceSid != null) {
            channels.add(Channel.SMS);
        }
        if (fromNumber != null) {
            channels.add(Channel.VOICE);
        }
        return channels;
    }
}
