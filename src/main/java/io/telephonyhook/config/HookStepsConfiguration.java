package io.telephonyhook.config;

import java.time.Clock;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.StringUtils;

import io.telephonyhook.auth.HookAuthenticator;
import io.telephonyhook.delivery.DeliverabilityCheck;
import io.telephonyhook.okta.OktaResponseRenderer;
import io.telephonyhook.okta.OtpRequestReader;
import io.telephonyhook.phone.PhoneNumberNormalizer;
import io.telephonyhook.twilio.TwilioSenders;

/**
 * The beans {@code routes/telephony-hook.camel.yaml} calls by name, made from the settings. Settings that would
 * make the hook unsafe or useless stop the start-up here, with a one-line reason.
 */
@Configuration(proxyBeanMethods = false)
public class HookStepsConfiguration {

    /** Okta's own example secret, used only in demo mode when none is set (see the README). */
    public static final String DEMO_AUTH_SECRET = "Basic YWRtaW46c3VwZXJzZWNyZXQ=";

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    HookMode hookMode(TwilioProperties twilio) {
        if (!twilio.hasAccount() && twilio.hasAccountSettings()) {
            // Demo mode would answer SUCCESSFUL for codes nobody receives: a half-configured live setup must not start.
            throw new InvalidSettingsException("TWILIO_ACCOUNT_SID is not set although other TWILIO_ settings are:"
                    + " set it for live mode, or unset them all for demo mode.");
        }
        return HookMode.of(twilio);
    }

    @Bean
    HookAuthenticator hookAuthenticator(HookProperties hook, HookMode mode) {
        String secret = hook.auth().secret();
        if (!StringUtils.hasText(secret)) {
            if (mode == HookMode.LIVE) {
                throw new InvalidSettingsException("OKTA_HOOK_AUTH_SECRET is not set: in live mode the hook needs the"
                        + " secret Okta sends in the " + hook.auth().header() + " header, or anyone could send codes.");
            }
            secret = DEMO_AUTH_SECRET;
        }
        if (!StringUtils.hasText(hook.auth().header())) {
            throw new InvalidSettingsException("OKTA_HOOK_AUTH_HEADER is empty: name the header Okta sends the secret in.");
        }
        return new HookAuthenticator(hook.auth().header(), secret);
    }

    @Bean
    PhoneNumberNormalizer phoneNumberNormalizer(HookProperties hook) {
        try {
            return new PhoneNumberNormalizer(hook.defaultRegion());
        } catch (IllegalArgumentException unknownRegion) {
            throw new InvalidSettingsException("HOOK_DEFAULT_REGION: " + unknownRegion.getMessage());
        }
    }

    @Bean
    OtpRequestReader otpRequestReader(PhoneNumberNormalizer phoneNumberNormalizer) {
        return new OtpRequestReader(phoneNumberNormalizer);
    }

    @Bean
    DeliverabilityCheck deliverabilityCheck(Clock clock, TwilioSenders senders) {
        return new DeliverabilityCheck(clock, senders.configuredChannels());
    }

    @Bean
    OktaResponseRenderer oktaResponseRenderer() {
        return new OktaResponseRenderer();
    }
}
