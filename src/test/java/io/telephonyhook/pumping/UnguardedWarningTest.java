package io.telephonyhook.pumping;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.telephonyhook.TelephonyHook;
import io.telephonyhook.config.DedupSettings;
import io.telephonyhook.config.DeliverySettings;
import io.telephonyhook.config.HookSettings;
import io.telephonyhook.config.PumpingSettings;
import io.telephonyhook.config.SendersAndWordingFiles;
import io.telephonyhook.config.SettingsSource;
import io.telephonyhook.config.TwilioSettings;
import io.telephonyhook.delivery.CallDeadlines;

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
        SettingsSource settings = new SettingsSource(values::get);
        new TelephonyHook(HookSettings.from(settings), TwilioSettings.from(settings), DedupSettings.from(settings),
                PumpingSettings.from(settings), DeliverySettings.from(settings), SendersAndWordingFiles.from(settings),
                new SimpleMeterRegistry(),
                CallDeadlines.Arrival.UNKNOWN, () -> null)
                .close();
    }
}
