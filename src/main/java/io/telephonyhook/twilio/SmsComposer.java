package io.telephonyhook.twilio;

import java.time.Clock;
import java.time.Duration;
import java.util.regex.Pattern;

import com.twilio.type.PhoneNumber;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import io.telephonyhook.okta.OtpRequest;

/**
 * Writes the {@code CamelTwilio.*} headers {@code twilio:message/create} takes, as the typed values it needs
 * (camel-twilio does not convert header values).
 *
 * <ul>
 *   <li>{@code to}: the E.164 number;
 *   <li>{@code messagingServiceSid} when configured, else {@code from};
 *   <li>{@code body}: Okta's {@code msgTemplate} when it contains the code (it is the org's own wording, already
 *       filled in) and fits Twilio's 1600 characters, without control characters; else the configured template;
 *   <li>{@code validityPeriod}: the seconds left until {@code otpExpires}, within Twilio's 1..36000, so Twilio drops
 *       rather than delivers a code that has expired while queued.
 * </ul>
 */
public class SmsComposer implements Processor {

    static final int TWILIO_MAX_VALIDITY_SECONDS = 36_000;
    static final int TWILIO_MAX_BODY_CHARACTERS = 1600;
    /** C0 controls and DEL, but not the line break an SMS may hold. */
    private static final Pattern CONTROL_CHARACTERS = Pattern.compile("[\\x00-\\x09\\x0B-\\x1F\\x7F]");

    private final TwilioSenders sender;
    private final String template;
    private final Clock clock;

    public SmsComposer(TwilioSenders sender, String template, Clock clock) {
        this.sender = sender;
        this.template = template;
        this.clock = clock;
    }

    @Override
    public void process(Exchange exchange) {
        OtpRequest request = exchange.getProperty("otpRequest", OtpRequest.class);
        Message message = exchange.getMessage();
        message.setHeader("CamelTwilio.to", new PhoneNumber(request.destination().value()));
        if (sender.messagingServiceSid() != null) {
            message.setHeader("CamelTwilio.messagingServiceSid", sender.messagingServiceSid());
        } else {
            message.setHeader("CamelTwilio.from", new PhoneNumber(sender.fromNumber()));
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
        return template.replace("{code}", request.otpCode());
    }

    private Integer secondsLeft(OtpRequest request) {
        long seconds = Duration.between(clock.instant(), request.expiresAt()).toSeconds();
        return (int) Math.max(1, Math.min(TWILIO_MAX_VALIDITY_SECONDS, seconds));
    }
}
