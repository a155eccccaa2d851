package io.telephonyhook.pumping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.telephonyhook.config.Settings;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.support.BoundSettings;
import io.telephonyhook.twilio.TwilioSteps;

/** Live mode without any allowlist or rate limit says so once at start-up, naming the settings; guarded, it is quiet. */
@ExtendWith(OutputCaptureExtension.class)
class UnguardedWarningTest {

    private static final String WARNING = "No protection from SMS pumping";

    @Test
    void liveModeWithoutAllowlistOrLimitsWarnsNamingTheSettings(CapturedOutput output) {
        start(Map.of());

        assertThat(output).contains(WARNING).contains("HOOK_ALLOWED_COUNTRIES").contains("HOOK_RATE_LIMIT_PER_NUMBER")
                .contains("HOOK_RATE_LIMIT_PER_COUNTRY");
    }

    @Test
    void anAllowlistAloneIsEnoughToBeQuiet(CapturedOutput output) {
        start(Map.of("hook.allowed-countries", "US"));

        assertThat(output).doesNotContain(WARNING);
    }

    @Test
    void aRateLimitAloneIsEnoughToBeQuiet(CapturedOutput output) {
        start(Map.of("hook.rate-limit.per-country", "100/1m"));

        assertThat(output).doesNotContain(WARNING);
    }

    private static void start(Map<String, String> changed) {
        Map<String, String> values = new HashMap<>(Map.of(
                "twilio.account-sid", "AC0123456789abcdef0123456789abcdef",
                "twilio.auth-token", "token",
                "twilio.api-url", "http://127.0.0.1:9",
                "twilio.from-number", "+15017122661",
                "okta.hook.auth.secret", "s3cret"));
        values.putAll(changed);
        Settings settings = BoundSettings.fromProperties(values);
        PumpingSteps.pumpingGuard(settings, null, new CallMetrics(new SimpleMeterRegistry()),
                TwilioSteps.account(settings, () -> null));
    }
}
