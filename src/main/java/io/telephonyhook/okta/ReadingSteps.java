package io.telephonyhook.okta;

import io.telephonyhook.config.HookSettings;
import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.phone.PhoneNumberNormalizer;

/**
 * Reading Okta's request and writing its answer: the route beans {@value #HOOK_BODY_LIMIT},
 * {@value #OTP_REQUEST_READER} and {@value #OKTA_RESPONSE_RENDERER}.
 */
public final class ReadingSteps {

    public static final String HOOK_BODY_LIMIT = "hookBodyLimit";
    public static final String OTP_REQUEST_READER = "otpRequestReader";
    public static final String OKTA_RESPONSE_RENDERER = "oktaResponseRenderer";

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
}
