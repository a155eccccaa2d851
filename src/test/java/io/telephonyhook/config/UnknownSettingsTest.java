package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** A key under the hook's prefixes that is none of its settings stops the start, naming the nearest one. */
class UnknownSettingsTest {

    @Test
    void aMistypedPropertyIsRefusedWithTheNearestKey() {
        assertThatThrownBy(() -> UnknownSettings.refuse(List.of("server.port", "hook.dedup.tll"), false))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessage("hook.dedup.tll is not a setting of the hook: did you mean HOOK_DEDUP_TTL (hook.dedup.ttl)?"
                        + " The configuration reference (docs/configuration.md) lists them all.");
    }

    @Test
    void aMistypedEnvironmentVariableIsRefusedToo() {
        assertThatThrownBy(() -> UnknownSettings.refuse(List.of("PATH", "OKTA_HOOK_AUTH_SECRTE"), false))
                .isInstanceOf(InvalidSettingsException.class)
                .hasMessageStartingWith("OKTA_HOOK_AUTH_SECRTE is not a setting of the hook: did you mean"
                        + " OKTA_HOOK_AUTH_SECRET (okta.hook.auth.secret)?");
    }

    @Test
    void everyKnownKeyInAnyFormPasses() {
        List<String> known = SettingKeys.defaults().keySet().stream()
                .flatMap(key -> List.of(key, SettingKeys.environmentVariable(key)).stream()).toList();

        assertThatCode(() -> UnknownSettings.refuse(known, true)).doesNotThrowAnyException();
        assertThatCode(() -> UnknownSettings.refuse(List.of("hook.rateLimit.perNumber", "HOOK_RATELIMIT_PERNUMBER"),
                true)).as("Spring Boot's other spellings of a key").doesNotThrowAnyException();
    }

    /** A host may have twilio.* keys of its own; only the standalone application refuses unknown ones. */
    @Test
    void twilioKeysAreRefusedOnlyWhenTheyCanOnlyBeTheHooks() {
        assertThatCode(() -> UnknownSettings.refuse(List.of("twilio.region"), false)).doesNotThrowAnyException();
        assertThatThrownBy(() -> UnknownSettings.refuse(List.of("TWILIO_FROM_NUMBR"), true))
                .hasMessageStartingWith("TWILIO_FROM_NUMBR is not a setting of the hook: did you mean TWILIO_FROM_NUMBER");
    }
}
