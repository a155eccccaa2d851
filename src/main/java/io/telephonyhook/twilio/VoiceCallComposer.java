package io.telephonyhook.twilio;

import java.net.URI;

import com.twilio.type.PhoneNumber;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import io.telephonyhook.okta.OtpRequest;

/**
 * Writes the {@code CamelTwilio.*} headers {@code twilio:call/create} takes: {@code to}, {@code from} (the caller
 * id {@link TwilioSenders} gives for the number's country), {@code twiml} (the {@link VoiceScript}, inline) and
 * {@code timeLimit}, which ends the call after a minute in case nobody hangs up (the script takes about twenty
 * seconds).
 *
 * <p>With {@code TWILIO_TWIML_URL} set, Twilio fetches the call's TwiML from that URL instead, exactly as
 * configured: the code is never added to a URL, so a voice flow hosted there has to obtain the code on its own.
 */
public class VoiceCallComposer implements Processor {

    static final int CALL_TIME_LIMIT_SECONDS = 60;

    private final TwilioSenders senders;
    private final VoiceScript script;
    private final URI twimlUrl;

    /** @param twimlUrl where Twilio fetches the call's TwiML; null to send the {@link VoiceScript} inline */
    public VoiceCallComposer(TwilioSenders senders, VoiceScript script, URI twimlUrl) {
        this.senders = senders;
        this.script = script;
        this.twimlUrl = twimlUrl;
    }

    @Override
    public void process(Exchange exchange) {
        OtpRequest request = exchange.getProperty("otpRequest", OtpRequest.class);
        Message message = exchange.getMessage();
        message.setHeader("CamelTwilio.to", new PhoneNumber(request.destination().value()));
        message.setHeader("CamelTwilio.from", new PhoneNumber(senders.callerId(request.destination())));
        if (twimlUrl != null) {
            message.setHeader("CamelTwilio.url", twimlUrl);
        } else {
            message.setHeader("CamelTwilio.twiml", script.forCode(request.otpCode(), request.locale()));
        }
        message.setHeader("CamelTwilio.timeLimit", CALL_TIME_LIMIT_SECONDS);
    }
}
