package io.telephonyhook.orgs;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.Processor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.StepExpression;
import io.telephonyhook.config.Settings;
import io.telephonyhook.delivery.CallDeadline;
import io.telephonyhook.delivery.DeliveryOutcome;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.observability.TwilioMetrics;
import io.telephonyhook.okta.OtpRequest;
import io.telephonyhook.orgs.OrgsFile.OrgDefinition;
import io.telephonyhook.pumping.PumpingGuard;
import io.telephonyhook.pumping.PumpingSteps;
import io.telephonyhook.redis.SharedRedis;
import io.telephonyhook.twilio.TwilioAccount;
import io.telephonyhook.twilio.TwilioConnections;
import io.telephonyhook.twilio.TwilioStatusReports;

/**
 * The orgs ({@code HOOK_ORGS_FILE}, docs/orgs.md): the route bean {@value #HOOK_ORGS} that picks each call's org, and
 * the route beans whose work is each org's own, under the names the routes have always called them by
 * ({@code hookAuthenticator}, {@code deliverabilityCheck}, {@code pumpingGuard}, the composers and clients of
 * {@code routes/twilio-delivery.camel.yaml}, {@code twilioFailover}): each hands the call to its org's own step.
 * Without an orgs file there is one org, made of the hook's settings exactly as before.
 */
public final class OrgSteps {

    public static final String HOOK_ORGS = "hookOrgs";
    private static final Logger log = LoggerFactory.getLogger(OrgSteps.class);

    private OrgSteps() {
    }

    /**
     * The orgs: the orgs file's (followed while the hook runs), or the hook's one org. Close it with the host.
     *
     * @param hookConnections the hook's own Twilio accounts (TWILIO_*), for every org that names none of its own
     * @param reports         Twilio's status reports, told of every org's accounts
     * @throws io.telephonyhook.config.InvalidSettingsException naming the orgs file and the line of a mistake
     */
    public static OrgDirectory directory(Settings settings, CallMetrics metrics, TwilioMetrics twilioMetrics,
                                         SharedRedis redis, TwilioConnections hookConnections,
                                         TwilioStatusReports reports) {
        OrgFactory factory = new OrgFactory(new OrgFactory.Shared(settings, metrics, twilioMetrics, redis,
                hookConnections));
        Path file = settings.orgs().path();
        if (file == null) {
            return OrgDirectory.single(factory.hookOrg());
        }
        if (settings.auth().getSecret() != null || settings.oauth().enabled()) {
            log.warn("OKTA_HOOK_AUTH_SECRET and OKTA_HOOK_OAUTH_* are not used: with {} each org has its own"
                    + " credentials", OrgsFile.VARIABLE);
        }
        List<OrgDefinition> definitions = OrgsFile.read(file, System::getenv);
        List<Org> orgs = new ArrayList<>();
        try {
            for (OrgDefinition definition : definitions) {
                orgs.add(factory.create(definition));
            }
        } catch (RuntimeException unusable) {
            orgs.forEach(org -> {
                try {
                    org.close();
                } catch (Exception ignored) {
                    // the start fails with the refusal
                }
            });
            throw unusable;
        }
        PumpingGuard acrossOrgs = settings.unguarded() ? null : PumpingSteps.orgGuard(settings, redis, metrics,
                hookConnections.primary().account(), null);
        OrgDirectory directory = OrgDirectory.of(orgs, acrossOrgs);
        List<TwilioAccount> hookAccounts = new ArrayList<>(List.of(hookConnections.primary().account()));
        if (hookConnections.hasFailover()) {
            hookAccounts.add(hookConnections.failover().account());
        }
        new OrgsFileWatch(file, System::getenv, factory, directory, definitions, reports, hookAccounts,
                settings.hook().getDeadline().multipliedBy(2), metrics.registry());
        log.info("{} {}: serving {} org(s) on {}/<org id>", OrgsFile.VARIABLE, file, orgs.size(),
                settings.hook().getPath());
        return directory;
    }

    /** {@code hookAuthenticator}: the call's org's credentials. */
    public static final class Authentication implements Processor {

        private final OrgDirectory orgs;

        public Authentication(OrgDirectory orgs) {
            this.orgs = orgs;
        }

        @Override
        public void process(Exchange exchange) {
            orgs.of(exchange).authenticator().process(exchange);
        }
    }

    /** {@code deliverabilityCheck}: the org's check's refusal (or none), with the channels its senders give. */
    public static final class Deliverability implements StepExpression {

        private final OrgDirectory orgs;

        public Deliverability(OrgDirectory orgs) {
            this.orgs = orgs;
        }

        @Override
        public Object evaluate(Exchange exchange) {
            return orgs.of(exchange).deliverabilityCheck().refusal(exchange.getProperty("otpRequest", OtpRequest.class),
                    exchange.getProperty("deadline", CallDeadline.class));
        }

        public DeliveryOutcome unknownChannel(Exchange exchange) {
            return orgs.of(exchange).deliverabilityCheck().unknownChannel();
        }
    }

    /** {@code pumpingGuard}: the refusal (or none) of the org's own countries and rate limits, then the hook's. */
    public static final class Pumping implements StepExpression {

        private final OrgDirectory orgs;

        public Pumping(OrgDirectory orgs) {
            this.orgs = orgs;
        }

        @Override
        public Object evaluate(Exchange exchange) {
            OtpRequest request = exchange.getProperty("otpRequest", OtpRequest.class);
            PumpingGuard own = orgs.of(exchange).pumpingGuard();
            DeliveryOutcome refusal = own == null ? null : own.refusal(request);
            PumpingGuard acrossOrgs = orgs.acrossOrgs();
            return refusal != null || acrossOrgs == null ? refusal : acrossOrgs.refusal(request);
        }
    }

    /** The composers: the org's senders and wording, for its primary or its failover account. */
    public static final class Composer implements Processor {

        private final OrgDirectory orgs;
        private final boolean sms;
        private final boolean failover;

        public Composer(OrgDirectory orgs, boolean sms, boolean failover) {
            this.orgs = orgs;
            this.sms = sms;
            this.failover = failover;
        }

        @Override
        public void process(Exchange exchange) throws Exception {
            Org.Account account = orgs.of(exchange).account(failover);
            (sms ? account.sms() : account.voice()).process(exchange);
        }
    }

    /** {@code twilioClients}, {@code twilioFailoverClients}: the org's account's client, bound to the call's deadline. */
    public static final class Clients implements StepExpression {

        private final OrgDirectory orgs;
        private final boolean failover;

        public Clients(OrgDirectory orgs, boolean failover) {
            this.orgs = orgs;
            this.failover = failover;
        }

        @Override
        public Object evaluate(Exchange exchange) {
            return orgs.of(exchange).account(failover).clients()
                    .withinDeadline(exchange.getProperty("deadline", CallDeadline.class));
        }
    }

    /**
     * {@code twilioPrimaryAccount}, {@code twilioFailoverAccount}: the name of the org's account, which ends the route
     * that sends through it ({@code direct:telephony-hook-<channel>-<name>}).
     */
    public static final class AccountName implements StepExpression {

        private final OrgDirectory orgs;
        private final boolean failover;

        public AccountName(OrgDirectory orgs, boolean failover) {
            this.orgs = orgs;
            this.failover = failover;
        }

        @Override
        public Object evaluate(Exchange exchange) {
            Org org = orgs.of(exchange);
            return failover ? org.getFailoverAccount() : org.getPrimaryAccount();
        }
    }

    /** {@code twilioFailover}: whether the org has a failover account to send a code its primary did not take. */
    public static final class Failover {

        private final OrgDirectory orgs;

        public Failover(OrgDirectory orgs) {
            this.orgs = orgs;
        }

        public boolean afterPrimary(Exchange exchange, @ExchangeProperty("deadline") CallDeadline deadline,
                                    @ExchangeProperty("otpRequest") OtpRequest request) {
            return orgs.of(exchange).failoverVerdict().afterPrimary(exchange, deadline, request);
        }

        public boolean afterFailover() {
            return false;
        }
    }
}
