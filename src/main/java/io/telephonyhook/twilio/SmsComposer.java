package io.telephonyhook.twilio;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import com.twilio.type.PhoneNumber;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import io.telephonyhook.okta.OtpRequest;
import io.telephonyhook.wording.WordingByLocale;

/**
 * Writes the {@code CamelTwilio.*} headers {@code twilio:message/create} takes, as the typed values it needs
 * (camel-twilio does not convert header values).
 *
 * <ul>
 *   <li>{@code to}: the E.164 number;
 *   <li>{@code messagingServiceSid} or {@code from}, as {@link TwilioSenders} says for the number's country: a
 *       Messaging Service, or a number or alphanumeric sender ID;
 *   <li>{@code body}: Okta's {@code msgTemplate} when it contains the code (it is the org's own wording, already
 *       filled in) and fits Twilio's 1600 characters, without control characters; else the text
 *       {@code HOOK_WORDING_FILE} has for the user's locale; else the configured template ({@code HOOK_SMS_TEMPLATE});
 *   <li>{@code validityPeriod}: the seconds left until {@code otpExpires}, within Twilio's 1..36000, so Twilio drops
 *       rather than delivers a code that has expired while queued.
 * </ul>
 */
public class SmsComposer implements Processor {

    static final int TWILIO_MAX_VALIDITY_SECONDS = 36_000;
    static final int TWILIO_MAX_BODY_CHARACTERS = 1600;
    /** C0 controls and DEL, but not the line break an SMS may hold. */
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x09\\x0B-\\x1F\\x7F]");

    private final TwilioSenders senders;
    private final String template;
    private final WordingByLocale wording;
    private final Clock clock;

    /**
     * @param template the text when neither Okta's text nor the wording file's serves, {@code {code}} where the code goes
     * @param wording  the texts of {@code HOOK_WORDING_FILE} by locale
     */
    public SmsComposer(TwilioSenders senders, String template, WordingByLocale wording, Clock clock) {
        this.senders = senders;
        this.template = template;
        this.wording = wording;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        OtpRequest request = exchange.getProperty("otpRequest", OtpRequest.class);
        Message message = exchange.getMessage();
        message.setHeader("CamelTwilio.to", new PhoneNumber(request.destination().value()));
        SmsSender sender = senders.smsSender(request.destination());
        if (sender.isMessagingService()) {
            message.setHeader("CamelTwilio.messagingServiceSid", sender.value());
        } else {
            // an alphanumeric sender ID goes in a PhoneNumber too: to Twilio's API, From is text either way
            message.setHeader("CamelTwilio.from", new PhoneNumber(sender.value()));
        }
        message.setHeader("CamelTwilio.body", text(request));
        if (request.expiresAt() != null) {
            message.setHeader("CamelTwilio.validityPeriod", secondsLeft(request));
        }
    }

    String text(OtpRequest request) {
        String oktaText = request.messageTemplate();
        if (oktaText != null) {
            oktaText = CONTROL_CHARACTERS.matcher(oktaText).replaceAll("");
            if (oktaText.contains(request.otpCode()) && oktaText.length() <= TWILIO_MAX_BODY_CHARACTERS) {
                return oktaText;
            }
        }
        String forLocale = wording.smsTemplate(request.locale());
        return (forLocale != null ? forLocale : template).replace("{code}", request.otpCode());
    }

    private Integer secondsLeft(OtpRequest request) {
        long seconds = Duration.between(clock.instant(), request.expiresAt()).toSeconds();
        return (int) Math.max(1, Math.min(TWILIO_MAX_VALIDITY_SECONDS, seconds));
    }
}
