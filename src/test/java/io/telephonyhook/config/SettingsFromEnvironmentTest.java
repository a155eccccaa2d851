package io.telephonyhook.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

import io.telephonyhook.support.BoundSettings;

/**
 * Every variable of the configuration reference is read from the environment as the setting it names, through Spring
 * Boot's binder (what the Spring Boot hosts use; camel-main's is {@code CamelMainHostTest}'s), and values that do not
 * read or are out of range refuse the start in one line.
 */
class SettingsFromEnvironmentTest {

    private static final Pattern TABLE_ROW = Pattern.compile("^\\| `([A-Z_]+)` \\| `([a-z.-]+)` \\|", Pattern.MULTILINE);

    @Test
    void everyVariableInTheReferenceIsTheSettingItNames() throws IOException {
        Matcher rows = TABLE_ROW.matcher(Files.readString(Path.of("docs/configuration.md")));
        Map<String, String> variables = new HashMap<>();
        while (rows.find()) {
            variables.put(rows.group(1), rows.group(2));
        }
        assertThat(variables).as("rows of the configuration reference").hasSizeGreaterThanOrEqualTo(30);

        variables.forEach((variable, key) -> {
            assertThat(SettingKeys.environmentVariable(key)).as("the variable of %s", key).isEqualTo(variable);
            StandardEnvironment spring = new StandardEnvironment();
            spring.getPropertySources().addFirst(new SystemEnvironmentPropertySource("env", Map.of(variable, "from-env")));
            assertThat(spring.getProperty(key)).as("Spring's %s from %s", key, variable).isEqualTo("from-env");
        });
    }

    @Test
    void eachSettingIsReadFromItsVariable() {
        Settings settings = BoundSettings.fromEnvironment(Map.ofEntries(
                Map.entry("OKTA_HOOK_AUTH_HEADER", "X-Okta-Secret"),
                Map.entry("OKTA_HOOK_AUTH_SECRET", "s3cret"),
                Map.entry("OKTA_HOOK_AUTH_SECRET_PREVIOUS", "old-s3cret"),
                Map.entry("HOOK_PATH", "/okta/telephony"),
                Map.entry("HOOK_DEFAULT_REGION", "GB"),
                Map.entry("HOOK_SMS_TEMPLATE", "Code: {code}"),
                Map.entry("HOOK_DEADLINE", "2s"),
                Map.entry("HOOK_MAX_BODY", "8KB"),
                Map.entry("HOOK_PUBLIC_URL", "https://hooks.example.com/"),
                Map.entry("HOOK_MAX_CONCURRENT_CALLS", "150"),
                Map.entry("HOOK_BREAKER_OPEN_SECONDS", "10"),
                Map.entry("HOOK_SENDERS_FILE", "/etc/hook/senders.yaml"),
                Map.entry("HOOK_WORDING_FILE", "wording.yaml"),
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
                Map.entry("TWILIO_CONNECT_TIMEOUT", "250ms")));

        assertThat(settings.auth()).extracting(OktaAuthSettings::getHeader, OktaAuthSettings::getSecret,
                OktaAuthSettings::getSecretPrevious).containsExactly("X-Okta-Secret", "s3cret", "old-s3cret");
        HookSettings hook = settings.hook();
        assertThat(hook).extracting(HookSettings::getPath, HookSettings::getDefaultRegion, HookSettings::getSmsTemplate,
                HookSettings::getDeadline, HookSettings::maxBodyBytes, HookSettings::publicUri,
                HookSettings::getMaxConcurrentCalls, HookSettings::sendersPath, HookSettings::wordingPath)
                .containsExactly("/okta/telephony", "GB", "Code: {code}", Duration.ofSeconds(2), 8L * 1024,
                        URI.create("https://hooks.example.com"), 150, Path.of("/etc/hook/senders.yaml"),
                        Path.of("wording.yaml"));
        assertThat(settings.breaker().getOpenSeconds()).isEqualTo(10);
        assertThat(settings.oauth()).extracting(OAuthSettings::getIssuer, OAuthSettings::keysUrl,
                OAuthSettings::getAudience, OAuthSettings::getScope, OAuthSettings::getClientId)
                .containsExactly("https://example.okta.com/oauth2/aus1", URI.create("https://keys.example.com/jwks.json"),
                        "api://telephony-hook", "okta.telephonyHook", "0oa1telephonyhook");
        assertThat(settings.twilio()).extracting(TwilioSettings::getAccountSid, TwilioSettings::getAuthToken,
                TwilioSettings::getApiKey, TwilioSettings::apiUri, TwilioSettings::getFromNumber,
                TwilioSettings::getMessagingServiceSid, TwilioSettings::getTwimlUrl, TwilioSettings::getConnectTimeout)
                .containsExactly("AC1", "token", "SK1", URI.create("http://127.0.0.1:8089"), "+15017122661", "MG1",
                        "https://voice.example.com/otp.xml", Duration.ofMillis(250));
        assertThat(settings.toString()).doesNotContain("s3cret").doesNotContain("token,");
    }

    @Test
    void withNothingSetTheDefaultsAreTheReferences() {
        Settings settings = BoundSettings.fromProperties(Map.of());

        assertThat(settings.hook()).extracting(HookSettings::getPath, HookSettings::getDefaultRegion,
                HookSettings::getDeadline, HookSettings::maxBodyBytes, HookSettings::publicUri)
                .containsExactly("/telephonyHook", "US", Duration.ofMillis(2500), 64L * 1024, null);
        assertThat(settings.auth().getHeader()).isEqualTo("Authorization");
        assertThat(settings.twilio().getConnectTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(settings.dedup()).extracting(DedupSettings::getTtl, DedupSettings::getMaxEvents,
                DedupSettings::redisUri).containsExactly(Duration.ofMinutes(10), 10_000, null);
        assertThat(settings.unguarded()).isTrue();
        assertThat(settings.mode()).isEqualTo(HookMode.DEMO);
    }

    @Test
    void blankValuesAreValuesNotGiven() {
        Settings settings = BoundSettings.fromEnvironment(Map.of("HOOK_PATH", " ", "OKTA_HOOK_AUTH_SECRET", "",
                "HOOK_DEDUP_REDIS_URL", ""));

        assertThat(settings.hook().getPath()).isEqualTo("/telephonyHook");
        assertThat(settings.auth().getSecret()).isNull();
        assertThat(settings.dedup().redisUri()).isNull();
    }

    @Test
    void pumpingSettingsAreReadFromTheirVariablesAndOffByDefault() {
        Settings settings = BoundSettings.fromEnvironment(Map.of(
                "HOOK_ALLOWED_COUNTRIES", "us, gb ,DE",
                "HOOK_RATE_LIMIT_PER_NUMBER", "5/10m",
                "HOOK_RATE_LIMIT_PER_COUNTRY", "200/1m"));

        assertThat(settings.pumping().countries()).isEqualTo(Set.of("US", "GB", "DE"));
        assertThat(settings.rateLimits().perNumberLimit()).isEqualTo(new RateLimit(5, Duration.ofMinutes(10)));
        assertThat(settings.rateLimits().perCountryLimit()).isEqualTo(new RateLimit(200, Duration.ofMinutes(1)));
        assertThat(settings.unguarded()).isFalse();
    }

    @Test
    void deduplicationSettingsAreReadFromTheirVariables() {
        DedupSettings dedup = BoundSettings.fromEnvironment(Map.of(
                "HOOK_DEDUP_TTL", "1h",
                "HOOK_DEDUP_MAX_EVENTS", "1000",
                "HOOK_DEDUP_REDIS_URL", "redis://:pw@redis.internal:6380")).dedup();

        assertThat(dedup).extracting(DedupSettings::getTtl, DedupSettings::getMaxEvents, DedupSettings::redisUri)
                .containsExactly(Duration.ofHours(1), 1000, URI.create("redis://:pw@redis.internal:6380"));
        assertThat(dedup.toString()).contains("redis.internal:6380").doesNotContain("pw");
    }

    @ParameterizedTest
    @CsvSource({
            "hook.deadline, 3001ms, HOOK_DEADLINE must be more than 0 and at most 3000ms",
            "hook.deadline, 0, HOOK_DEADLINE must be more than 0",
            "hook.deadline, soon, HOOK_DEADLINE (hook.deadline) is 'soon', which is not a duration",
            "hook.max-body, 512, HOOK_MAX_BODY must be between 1KB and 16MB",
            "hook.max-body, 17MB, HOOK_MAX_BODY must be between 1KB and 16MB",
            "hook.max-body, lots, HOOK_MAX_BODY must be between 1KB and 16MB",
            "hook.path, telephonyHook, HOOK_PATH must start with '/'",
            "hook.max-concurrent-calls, 0, HOOK_MAX_CONCURRENT_CALLS must be at least 1",
            "twilio.connect-timeout, 1 minute, TWILIO_CONNECT_TIMEOUT (twilio.connect-timeout) is '1 minute'",
            "hook.public-url, http://hooks.example.com, HOOK_PUBLIC_URL must be https://",
            "hook.public-url, https://hooks.example.com?x=1, HOOK_PUBLIC_URL must be https://",
            "hook.dedup.ttl, 25h, HOOK_DEDUP_TTL must be between 0 (off) and 1 day",
            "hook.dedup.max-events, 0, HOOK_DEDUP_MAX_EVENTS must be between 1 and 10000000",
            "hook.dedup.max-events, many, HOOK_DEDUP_MAX_EVENTS (hook.dedup.max-events) is 'many', which is not a whole number",
            "hook.dedup.redis-url, http://redis:6379, HOOK_DEDUP_REDIS_URL must be redis://host:port",
            "hook.allowed-countries, 'US,XX', HOOK_ALLOWED_COUNTRIES: 'XX' is not an ISO 3166 alpha-2 country code",
            "hook.allowed-countries, USA, HOOK_ALLOWED_COUNTRIES: 'USA' is not",
            "hook.rate-limit.per-number, 5 per 10 minutes, HOOK_RATE_LIMIT_PER_NUMBER is '5 per 10 minutes'",
            "hook.rate-limit.per-number, 0/1m, HOOK_RATE_LIMIT_PER_NUMBER must allow at least 1 code",
            "hook.rate-limit.per-country, 100/30d, HOOK_RATE_LIMIT_PER_COUNTRY must allow at least 1 code per window of 1s to 7d",
            "okta.hook.auth.secret-previous, old, OKTA_HOOK_AUTH_SECRET_PREVIOUS is set but OKTA_HOOK_AUTH_SECRET is not"})
    void valuesThatDoNotReadOrAreOutOfRangeRefuseTheStartInOneLine(String key, String value, String reason) {
        assertThatThrownBy(() -> BoundSettings.fromProperties(Map.of(key, value)))
                .isInstanceOf(InvalidSettingsException.class).hasMessageContaining(reason).message().doesNotContain("\n");
    }
}
