package io.telephonyhook.okta;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.telephonyhook.StepExpression;
import io.telephonyhook.config.HookSettings;
import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.phone.PhoneNumberNormalizer;

/**
 * Reading Okta's request and writing its answer: the route beans {@value #HOOK_BODY_LIMIT},
 * {@value #OTP_REQUEST_READER}, {@value #SMS_CALL}, {@value #VOICE_CALL}, {@value #OKTA_RESPONSE_RENDERER},
 * {@value #OKTA_ANSWER_STATUS} and {@value #OKTA_ANSWER_JSON}.
 */
public final class ReadingSteps {

    public static final String HOOK_BODY_LIMIT = "hookBodyLimit";
    public static final String OTP_REQUEST_READER = "otpRequestReader";
    public static final String OKTA_RESPONSE_RENDERER = "oktaResponseRenderer";
    public static final String SMS_CALL = "smsCall";
    public static final String VOICE_CALL = "voiceCall";
    /** The answer's HTTP status, from the {@link OktaAnswer} in the body. */
    public static final String OKTA_ANSWER_STATUS = "oktaAnswerStatus";
    /** The answer's body as JSON, from the {@link OktaAnswer} in the body ({@link OktaResponseRenderer#json}). */
    public static final String OKTA_ANSWER_JSON = "oktaAnswerJson";

    private ReadingSteps() {
    }

    public static RequestBodyLimit bodyLimit(HookSettings settings) {
        return new RequestBodyLimit(settings.maxBodyBytes());
    }

    /** @throws InvalidSettingsException for a HOOK_DEFAULT_REGION libphonenumber does not know */
    public static OtpRequestReader reader(HookSettings settings) {
        try {
            return new OtpRequestReader(new PhoneNumberNormalizer(settings.getDefaultRegion()));
        } catch (IllegalArgumentException unknownRegion) {
            throw new InvalidSettingsException("HOOK_DEFAULT_REGION: " + unknownRegion.getMessage());
        }
    }

    public static OktaResponseRenderer renderer() {
        return new OktaResponseRenderer();
    }

    public static CallOnChannel callOn(Channel channel) {
        return new CallOnChannel(channel);
    }

    public static StepExpression answerStatus() {
        return exchange -> {
            OktaAnswer answer = exchange.getMessage().getBody(OktaAnswer.class);
            return answer == null ? null : answer.httpStatus();
        };
    }

    public static StepExpression answerJson(OktaResponseRenderer renderer) {
        return exchange -> {
            try {
                return renderer.json(exchange.getMessage().getBody(OktaAnswer.class));
            } catch (JsonProcessingException unwritable) {
                throw new IllegalStateException("Okta's answer could not be written as JSON", unwritable);
            }
        };
    }
}
