package io.telephonyhook.twilio;

import com.twilio.type.PhoneNumber;
import org.apache.camel.Exchange;
import org.apache.camel.Message;
import org.apache.camel.Processor;

import io.telephonyhook.okta.OtpRequest;

/**
 * Writes the {@code CamelTwilio.*} headers {@code twilio:call/create} takes: {@code to}, {@code from} (the
 * configured number as caller id), {@code twiml} (the {@link VoiceScript}, inline) and {@code timeLimit}, which
 * ends the call after a minute in case nobody hangs up (the script takes about twenty seconds).
 */
public class VoiceCallComposer implements Processor {

    static final int CALL_TIME_LIMIT_SECONDS = 60;

    private final String fromNumber;
    private final VoiceScript script;

    public VoiceCallComposer(String fromNumber, VoiceScript script) {
        this.fromNumber = fromNumber;
        this.script = script;
    }

    @Override
    public void process(Exchange exchange) {
        OtpRequest request = exchange.getProperty("otpRequest", OtpRequest.class);
        Message message = exchange.getMessage();
        message.setHeader("CamelTwilio.to", new PhoneNumber(request.destination().value()));
        message.setHeader("CamelTwilio.from", new PhoneNumber(fromNumber));
        message.setHeader("CamelTwilio.twiml", script.forCode(request.otpCode(), request.locale()));
        message.setHeader("CamelTwilio.timeLimit", CALL_TIME_LIMIT_SECONDS);
    }
}
