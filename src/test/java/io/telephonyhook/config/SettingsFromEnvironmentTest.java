package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

/**
 * Every variable of the README's configuration table is read from the environment as the setting it names: through
 * Spring's own environment-variable binding (what the Spring Boot hosts use), and through
 * {@link SettingsSource#environmentVariable} (what camel-main falls back to). Values out of range refuse the start.
 */
class SettingsFromEnvironmentTest {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| `([a-z.-]+)` \\|", Pattern.MULTILINE);

    @Test
    void everyVariableInTheReadmeTableIsTheSettingItNames() throws IOException {
        Matcher rows = TABLE_ROW.matcher(Files.readString(Path.of("README.md")));
        Map<String, String> variables = new HashMap<>();
        while (rows.find()) {
            variables.put(rows.group(1), rows.group(2));
        }
        assertThat(variables).as("rows of the README's configuration table").hasSizeGreaterThanOrEqualTo(18);

        variables.forEach((variable, key) -> {
            assertThat(SettingsSource.environmentVariable(key)).as("camel-main's variable for %s", key).isEqualTo(variable);
            StandardEnvironment spring = new StandardEnvironment();
            spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", Map.of(variable, "from-env")));
            assertThat(spring.getProperty(key)).as("Spring's %s from %s", key, variable).isEqualTo("from-env");
        });
    }

    @Test
    void eachSettingIsReadFromItsVariable() {
        Map<String, Object> environment = Map.ofEntries(
                Map.entry("OKTA_HOOK_AUTH_HEADER", "X-Okta-Secret"),
                Map.entry("OKTA_HOOK_AUTH_SECRET", "s3cret"),
                Map.entry("OKTA_HOOK_AUTH_SECRET_PREVIOUS", "old-s3cret"),
                Map.entry("HOOK_PATH", "/okta/telephony"),
                Map.entry("HOOK_DEFAULT_REGION", "GB"),
                Map.entry("HOOK_SMS_TEMPLATE", "Code: {code}"),
                Map.entry("HOOK_DEADLINE", "2s"),
                Map.entry("HOOK_MAX_BODY", "8KB"),
                Map.entry("HOOK_PUBLIC_URL", "https://hooks.example.com/"),
                Map.entry("OKTA_HOOK_OAUTH_ISSUER", "https://example.okta.com/oauth2/aus1"),
                Map.entry("OKTA_HOOK_OAUTH_CLIENT_ID", "0oa1telephonyhook"),
                Map.entry("OKTA_HOOK_OAUTH_JWKS_URL", "https://keys.example.com/jwks.json"),
                Map.entry("OKTA_HOOK_OAUTH_AUDIENCE", "api://telephony-hook"),
                Map.entry("OKTA_HOOK_OAUTH_SCOPE", "okta.telephonyHook"),
                Map.entry("TWILIO_ACCOUNT_SID", "AC1"),
                Map.entry("TWILIO_AUTH_TOKEN", "token"),
                Map.entry("TWILIO_API_KEY", "SK1"),
                Map.entry("TWILIO_API_URL", "http://127.0.0.1:8089"),
                Map.entry("TWILIO_FROM_NUMBER", "+15017122661"),
                Map.entry("TWILIO_MESSAGING_SERVICE_SID", "MG1"),
                Map.entry("TWILIO_TWIML_URL", "https://voice.example.com/otp.xml"),
                Map.entry("TWILIO_CONNECT_TIMEOUT", "250ms"));
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", environment));
        SettingsSource settings = new SettingsSource(spring::getProperty);

        HookSettings hook = HookSettings.from(settings);
        assertThat(hook).isEqualTo(new HookSettings("X-Okta-Secret", "s3cret", "old-s3cret", "/okta/telephony", "GB", "Code: {code}",
                Duration.ofSeconds(2), 8 * 1024, new OAuthSettings("https://example.okta.com/oauth2/aus1",
                        java.net.URI.create("https://keys.example.com/jwks.json"), "api://telephony-hook", "okta.telephonyHook",
                        "0oa1telephonyhook"),
                java.net.URI.create("https://hooks.example.com")));
        TwilioSettings twilio = TwilioSettings.from(settings);
        assertThat(twilio).isEqualTo(new TwilioSettings("AC1", "token", "SK1", java.net.URI.create("http://127.0.0.1:8089"),
                "+15017122661", "MG1", "https://voice.example.com/otp.xml", Duration.ofMillis(250)));
    }

    @Test
    void withNothingSetTheDefaultsAreTheReadmes() {
        HookSettings hook = HookSettings.from(new SettingsSource(key -> null));
        assertThat(hook).isEqualTo(new HookSettings("Authorization", null, null, "/telephonyHook", "US",
                "Your verification code is {code}", Duration.ofMillis(2500), 64 * 1024, null, null));
        assertThat(TwilioSettings.from(new SettingsSource(key -> null)).connectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(DedupSettings.from(new SettingsSource(key -> null)))
                .isEqualTo(new DedupSettings(Duration.ofMinutes(10), 10_000, null));
    }

    @Test
    void pumpingSettingsAreReadFromTheirVariablesAndOffByDefault() {
        Map<String, Object> environment = Map.of(
                "HOOK_ALLOWED_COUNTRIES", "us, gb ,DE",
                "HOOK_RATE_LIMIT_PER_NUMBER", "5/10m",
                "HOOK_RATE_LIMIT_PER_COUNTRY", "200/1m");
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", environment));

        PumpingSettings pumping = PumpingSettings.from(new SettingsSource(spring::getProperty));

        assertThat(pumping).isEqualTo(new PumpingSettings(java.util.Set.of("US", "GB", "DE"),
                new RateLimit(5, Duration.ofMinutes(10)), new RateLimit(200, Duration.ofMinutes(1))));
        assertThat(PumpingSettings.from(new SettingsSource(key -> null)).unguarded()).isTrue();
    }

    @Test
    void theSendersAndWordingFilesAreReadFromTheirVariables() {
        Map<String, Object> environment = Map.of(
                "HOOK_SENDERS_FILE", "/etc/hook/senders.yaml",
                "HOOK_WORDING_FILE", "wording.yaml");
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", environment));

        assertThat(SendersAndWordingFiles.from(new SettingsSource(spring::getProperty)))
                .isEqualTo(new SendersAndWordingFiles(Path.of("/etc/hook/senders.yaml"), Path.of("wording.yaml")));
        assertThat(SendersAndWordingFiles.from(new SettingsSource(key -> null)))
                .isEqualTo(new SendersAndWordingFiles(null, null));
    }

    @Test
    void deduplicationSettingsAreReadFromTheirVariables() {
        Map<String, Object> environment = Map.of(
                "HOOK_DEDUP_TTL", "1h",
                "HOOK_DEDUP_MAX_EVENTS", "1000",
                "HOOK_DEDUP_REDIS_URL", "redis://:pw@redis.internal:6380");
        StandardEnvironment spring = new StandardEnvironment();
        spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", environment));

        DedupSettings dedup = DedupSettings.from(new SettingsSource(spring::getProperty));

        assertThat(dedup).isEqualTo(new DedupSettings(Duration.ofHours(1), 1000,
                java.net.URI.create("redis://:pw@redis.internal:6380")));
        assertThat(dedup.toString()).contains("redis.internal:6380").doesNotContain("pw");
    }

    @ParameterizedTest
    @CsvSource({
            "hook.deadline, 3001ms, HOOK_DEADLINE must be more than 0 and at most 3000ms",
            "hook.deadline, 0, HOOK_DEADLINE must be more than 0",
            "hook.deadline, soon, HOOK_DEADLINE (hook.deadline) is 'soon'",
            "hook.max-body, 512, HOOK_MAX_BODY must be between 1KB and 16MB",
            "hook.max-body, 17MB, HOOK_MAX_BODY must be between 1KB and 16MB",
            "hook.max-body, lots, HOOK_MAX_BODY (hook.max-body) is 'lots'",
            "hook.path, telephonyHook, HOOK_PATH must start with '/'",
            "twilio.connect-timeout, 1 minute, TWILIO_CONNECT_TIMEOUT (twilio.connect-timeout) is '1 minute'",
            "hook.public-url, http://hooks.example.com, HOOK_PUBLIC_URL must be https://",
            "hook.public-url, https://hooks.example.com?x=1, HOOK_PUBLIC_URL must be https://",
            "hook.dedup.ttl, 25h, HOOK_DEDUP_TTL must be between 0 (off) and 1 day",
            "hook.dedup.max-events, 0, HOOK_DEDUP_MAX_EVENTS must be between 1 and 10000000",
            "hook.dedup.max-events, many, HOOK_DEDUP_MAX_EVENTS (hook.dedup.max-events) is 'many'",
            "hook.dedup.redis-url, http://redis:6379, HOOK_DEDUP_REDIS_URL must be redis://host:port",
            "hook.allowed-countries, 'US,XX', HOOK_ALLOWED_COUNTRIES: 'XX' is not an ISO 3166 alpha-2 country code",
            "hook.allowed-countries, USA, HOOK_ALLOWED_COUNTRIES: 'USA' is not",
            "hook.rate-limit.per-number, 5 per 10 minutes, HOOK_RATE_LIMIT_PER_NUMBER is '5 per 10 minutes'",
            "hook.rate-limit.per-number, 0/1m, HOOK_RATE_LIMIT_PER_NUMBER must allow at least 1 code",
            "hook.rate-limit.per-country, 100/30d, HOOK_RATE_LIMIT_PER_COUNTRY must allow at least 1 code per window of 1s to 7d"})
    void valuesOutOfRangeRefuseTheStartInOneLine(String key, String value, String reason) {
        SettingsSource settings = new SettingsSource(Map.of(key, value)::get);
        assertThatThrownBy(() -> {
            HookSettings.from(settings);
            TwilioSettings.from(settings);
            DedupSettings.from(settings);
            PumpingSettings.from(settings);
        }).isInstanceOf(InvalidSettingsException.class).hasMessageContaining(reason).message().doesNotContain("\n");
    }

    @Test
    void durationsAndSizesReadAsSpringBootWritesThem() {
        SettingsSource settings = new SettingsSource(Map.of("a", "PT2S", "b", "1500", "c", "1m", "d", "2MB", "e", "4096")::get);
        assertThat(List.of(settings.duration("a", null), settings.duration("b", null), settings.duration("c", null)))
                .containsExactly(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMinutes(1));
        assertThat(List.of(settings.bytes("d", 0), settings.bytes("e", 0))).containsExactly(2L * 1024 * 1024, 4096L);
    }
}
