package io.telephonyhook.camelmain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Properties;

import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.Test;

import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.config.Settings;

/**
 * camel-main binds the same settings types as Spring Boot, with Camel's property binding: values by key, their
 * defaults, unreadable values and mistyped keys refused in one line, and the values handed to Camel's properties for
 * the routes' placeholders (secrets excepted).
 */
class CamelMainSettingsTest {

    @Test
    void bindsByKeyWithTheDefaultsAndHandsTheValuesToCamelsProperties() throws Exception {
        try (DefaultCamelContext camel = camel("hook.deadline=2s", "hook.rate-limit.per-number=5/10m",
                "okta.hook.auth.secret=s3cret", "hook.breaker.open-seconds=10")) {
            Settings settings = CamelMainSettings.bind(camel);

            assertThat(settings.hook().getDeadline()).isEqualTo(Duration.ofSeconds(2));
            assertThat(settings.rateLimits().getPerNumber()).isEqualTo("5/10m");
            assertThat(settings.auth().getSecret()).isEqualTo("s3cret");
            assertThat(settings.hook().getMaxConcurrentCalls()).isEqualTo(200);
            assertThat(camel.resolvePropertyPlaceholders("{{hook:max-concurrent-calls}}")).isEqualTo("200");
            assertThat(camel.resolvePropertyPlaceholders("{{hook:breaker.open-seconds}}")).isEqualTo("10");
            assertThat(camel.resolvePropertyPlaceholders("{{hook:deadline}}")).isEqualTo("2000ms");
        }
        try (DefaultCamelContext camel = camel("hook.dedup.redis-url=redis://:s3cret@localhost:6379")) {
            CamelMainSettings.bind(camel);
            assertThatThrownBy(() -> camel.resolvePropertyPlaceholders("{{hook:dedup.redis-url}}"))
                    .as("a secret is not served").hasMessageNotContaining("s3cret");
        }
    }

    @Test
    void anUnreadableValueAndAMistypedKeyAreRefusedInOneLine() throws Exception {
        try (DefaultCamelContext camel = camel("hook.dedup.max-events=many")) {
            assertThatThrownBy(() -> CamelMainSettings.bind(camel)).isInstanceOf(InvalidSettingsException.class)
                    .hasMessage("HOOK_DEDUP_MAX_EVENTS (hook.dedup.max-events) is 'many', which is not a whole number.");
        }
        try (DefaultCamelContext camel = camel("hook.dedup.tll=5m")) {
            assertThatThrownBy(() -> CamelMainSettings.bind(camel)).isInstanceOf(InvalidSettingsException.class)
                    .hasMessageStartingWith("hook.dedup.tll is not a setting of the hook: did you mean HOOK_DEDUP_TTL");
        }
    }

    private static DefaultCamelContext camel(String... properties) {
        DefaultCamelContext camel = new DefaultCamelContext();
        Properties given = new Properties();
        for (String property : properties) {
            given.setProperty(property.substring(0, property.indexOf('=')), property.substring(property.indexOf('=') + 1));
        }
        camel.getPropertiesComponent().setInitialProperties(given);
        return camel;
    }
}
