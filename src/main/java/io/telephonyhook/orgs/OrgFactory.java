package io.telephonyhook.orgs;

import java.io.IOException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.auth.AuthenticationSteps;
import io.telephonyhook.auth.HookAuthenticator;
import io.telephonyhook.config.HookMode;
import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.config.Settings;
import io.telephonyhook.delivery.CallFlowSteps;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.observability.TwilioMetrics;
import io.telephonyhook.orgs.OrgsFile.OrgDefinition;
import io.telephonyhook.pumping.PumpingGuard;
import io.telephonyhook.pumping.PumpingSteps;
import io.telephonyhook.redis.SharedRedis;
import io.telephonyhook.twilio.TwilioAccount;
import io.telephonyhook.twilio.TwilioConnections;
import io.telephonyhook.twilio.TwilioSenders;
import io.telephonyhook.twilio.TwilioSteps;
import io.telephonyhook.wording.WordingByLocale;

/**
 * Makes an {@link Org}'s steps with each feature's own factory, as the hook's one org has always been made: from the
 * hook's settings, or from an org's ({@link OrgSettings}: the hook's, with the org's fields in their place).
 */
final class OrgFactory {

    private static final Logger log = LoggerFactory.getLogger(OrgFactory.class);

    /** What every org shares: the hook's settings, meters, Redis and Twilio connections. */
    record Shared(Settings hook, CallMetrics metrics, TwilioMetrics twilioMetrics, SharedRedis redis,
                  TwilioConnections hookConnections) {
    }

    private final Shared shared;

    OrgFactory(Shared shared) {
        this.shared = shared;
    }

    /** The hook's one org, without an orgs file: the hook's settings, credentials and limits, as always. */
    Org hookOrg() {
        Settings settings = shared.hook();
        PumpingGuard guard = PumpingSteps.pumpingGuard(settings, shared.redis(), shared.metrics(),
                shared.hookConnections().primary().account());
        return make(null, settings, shared.hookConnections(), null, guard);
    }

    /** @throws InvalidSettingsException naming the orgs file and the org's line */
    Org create(OrgDefinition definition) {
        Settings settings = OrgSettings.of(shared.hook(), definition);
        TwilioConnections own = null;
        try {
            own = ownConnections(definition, settings);
            TwilioConnections connections = own != null ? own : shared.hookConnections();
            PumpingGuard guard = settings.unguarded() ? null : PumpingSteps.orgGuard(settings, shared.redis(),
                    shared.metrics(), connections.primary().account(), definition.id());
            if (guard == null && settings.mode() == HookMode.LIVE && shared.hook().unguarded()) {
                log.warn("No protection from SMS pumping for org {}: anyone with its credentials can send codes to"
                        + " any country at any rate. Give it allowed-countries and rate-limit-per-number in {}, or set"
                        + " HOOK_ALLOWED_COUNTRIES and HOOK_RATE_LIMIT_* for every org (docs/orgs.md).",
                        definition.id(), OrgsFile.VARIABLE);
            }
            return make(definition, settings, connections, own, guard);
        } catch (InvalidSettingsException refused) {
            closeQuietly(own);
            throw refused.getMessage().startsWith(OrgsFile.VARIABLE + " ") ? refused
                    : definition.refusal(OrgSettings.inFieldNames(refused.getMessage()));
        } catch (RuntimeException unusable) {
            closeQuietly(own);
            throw unusable;
        }
    }

    private Org make(OrgDefinition definition, Settings settings, TwilioConnections connections,
                     TwilioConnections own, PumpingGuard guard) {
        TwilioSenders senders = TwilioSteps.senders(settings);
        TwilioSenders failoverSenders = TwilioSteps.failoverSenders(settings, senders);
        WordingByLocale wording = TwilioSteps.wording(settings);
        Org.Account primary = new Org.Account(connections.primary().account().name(), connections.primary(),
                TwilioSteps.smsComposer(settings, senders, wording),
                TwilioSteps.callComposer(settings, senders, wording));
        Org.Account failover = new Org.Account(failoverName(definition, connections), connections.failover(),
                TwilioSteps.smsComposer(settings, failoverSenders, wording),
                TwilioSteps.callComposer(settings, failoverSenders, wording));
        // last: OAuth fetches the authorization server's keys on a thread of its own
        HookAuthenticator authenticator = AuthenticationSteps.authenticator(settings, shared.metrics(),
                definition == null ? null : definition.id());
        return new Org(definition, authenticator, CallFlowSteps.deliverabilityCheck(senders.configuredChannels()),
                guard, primary, failover, TwilioSteps.failover(connections, shared.twilioMetrics()), own);
    }

    /** The org's own Twilio accounts' connections, named after it; null when it is on the hook's accounts. */
    private TwilioConnections ownConnections(OrgDefinition definition, Settings settings) {
        if (!definition.settings().containsKey("twilio.account-sid")) {
            return null;
        }
        if (settings.twilio().getAuthToken() == null) {
            throw definition.refusal("twilio-account-sid needs twilio-auth-token-env (or -file): the account's auth"
                    + " token or an API key secret");
        }
        if (settings.failover().hasAccount() && settings.failover().getAuthToken() == null) {
            throw definition.refusal("failover-account-sid needs failover-auth-token-env (or -file)");
        }
        TwilioAccount primary = TwilioSteps.liveAccount(definition.id(), settings.twilio());
        TwilioAccount failover = settings.failover().hasAccount()
                ? TwilioSteps.liveAccount(definition.id() + "-" + TwilioAccount.FAILOVER, settings.failover()) : null;
        return TwilioSteps.connections(settings, primary, failover, shared.twilioMetrics());
    }

    /** Without a failover account the route never sends through it; it still has a name, for its route. */
    private static String failoverName(OrgDefinition definition, TwilioConnections connections) {
        if (connections.failover().account() != null) {
            return connections.failover().account().name();
        }
        return definition == null || connections.primary().account().name().equals(TwilioAccount.PRIMARY)
                ? TwilioAccount.FAILOVER : definition.id() + "-" + TwilioAccount.FAILOVER;
    }

    private static void closeQuietly(TwilioConnections connections) {
        if (connections != null) {
            try {
                connections.close();
            } catch (IOException ignored) {
                // nothing was sent through them
            }
        }
    }
}
