package io.telephonyhook.config;

import java.util.List;
import java.util.stream.Collectors;

import io.telephonyhook.config.constraints.SettingConstraints;

/**
 * All the hook's settings, one type per concern, as every host binds them: Spring Boot's binder
 * ({@code @ConfigurationProperties}), Camel's property binding under camel-main, Quarkus's configuration. Each field's
 * default is its initializer, written once; {@link SettingKeys} reads the keys and defaults off these types, and
 * {@link #check()} applies the constraints on their fields ({@link SettingConstraints}) and what no single field can
 * say, each refusal one line naming the environment variable.
 */
public record Settings(HookSettings hook, OktaAuthSettings auth, OAuthSettings oauth, TwilioSettings twilio,
                       TwilioFailoverSettings failover, DedupSettings dedup, PumpingSettings pumping,
                       RateLimitSettings rateLimits, DeliverySettings deliveries, BreakerSettings breaker,
                       DemoSettings demo, OrgsSettings orgs) {

    /** One settings type and the prefix of its keys. */
    public record Bound(String prefix, Object settings) {
    }

    /** Every setting at its default. */
    public static Settings defaults() {
        return new Settings(new HookSettings(), new OktaAuthSettings(), new OAuthSettings(), new TwilioSettings(),
                new TwilioFailoverSettings(), new DedupSettings(), new PumpingSettings(), new RateLimitSettings(),
                new DeliverySettings(), new BreakerSettings(), new DemoSettings(), new OrgsSettings());
    }

    /** Each type with its prefix, for the binders and {@link SettingKeys}. */
    public List<Bound> bound() {
        return List.of(new Bound(HookSettings.PREFIX, hook), new Bound(OktaAuthSettings.PREFIX, auth),
                new Bound(OAuthSettings.PREFIX, oauth), new Bound(TwilioSettings.PREFIX, twilio),
                new Bound(TwilioFailoverSettings.PREFIX, failover),
                new Bound(DedupSettings.PREFIX, dedup), new Bound(PumpingSettings.PREFIX, pumping),
                new Bound(RateLimitSettings.PREFIX, rateLimits),
                new Bound(DeliverySettings.PREFIX, deliveries), new Bound(BreakerSettings.PREFIX, breaker),
                new Bound(DemoSettings.PREFIX, demo), new Bound(OrgsSettings.PREFIX, orgs));
    }

    /** True when nothing stands between a caller with the secret and the org's Twilio bill. */
    public boolean unguarded() {
        return pumping.countries().isEmpty() && rateLimits.perNumberLimit() == null
                && rateLimits.perCountryLimit() == null;
    }

    /** The mode these settings ask for. */
    public HookMode mode() {
        return HookMode.of(twilio);
    }

    /**
     * Stops the start, in one line, on a value that breaks a constraint or a rule across settings; then live mode's
     * own rules ({@link OAuthSettings#requireCallerCheck}).
     */
    public Settings check() {
        for (Bound bound : bound()) {
            List<SettingConstraints.Violation> violations = SettingConstraints.violations(bound.settings());
            if (!violations.isEmpty()) {
                throw new InvalidSettingsException(violations.stream()
                        .map(violation -> SettingKeys.environmentVariable(bound.prefix() + "."
                                + SettingKeys.kebab(violation.field())) + " " + violation.message())
                        .sorted().collect(Collectors.joining(" ")));
            }
        }
        auth.check();
        oauth.check();
        twilio.check(failover);
        pumping.check();
        rateLimits.check();
        hook.publicUri();
        dedup.redisUri();
        orgs.path();
        if (mode() == HookMode.LIVE) {
            oauth.requireCallerCheck();
        }
        return this;
    }
}
