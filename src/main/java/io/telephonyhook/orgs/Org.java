package io.telephonyhook.orgs;

import java.util.ArrayList;
import java.util.List;

import io.telephonyhook.auth.HookAuthenticator;
import io.telephonyhook.delivery.DeliverabilityCheck;
import io.telephonyhook.okta.OktaOrg;
import io.telephonyhook.orgs.OrgsFile.OrgDefinition;
import io.telephonyhook.pumping.PumpingGuard;
import io.telephonyhook.twilio.SmsComposer;
import io.telephonyhook.twilio.TwilioAccount;
import io.telephonyhook.twilio.TwilioClients;
import io.telephonyhook.twilio.TwilioFailover;
import io.telephonyhook.twilio.VoiceCallComposer;

/**
 * One Okta org the hook serves, with the steps that are its own: its credentials, the channels its senders give, its
 * own rate limits, and its Twilio accounts (the hook's, or its own) with their senders and wording. The route picks
 * each call's org ({@link OrgDirectory#select}) and the hook's step beans hand the call to the org's
 * ({@link OrgSteps}); a call keeps the org it started with even when the orgs file changes under it.
 *
 * <p>Without an orgs file the hook serves one org, with no id, made of the hook's own settings.
 */
public final class Org implements AutoCloseable, OktaOrg {

    /**
     * One of the org's Twilio accounts, as the delivery route uses it: the account's name (its routes are
     * {@code telephony-hook-<channel>-<name>}), its deadline-bound clients and the composers of its senders.
     */
    record Account(String name, TwilioClients clients, SmsComposer sms, VoiceCallComposer voice) {
    }

    private final OrgDefinition definition;
    private final HookAuthenticator authenticator;
    private final DeliverabilityCheck deliverabilityCheck;
    private final PumpingGuard pumpingGuard;
    private final Account primary;
    private final Account failover;
    private final TwilioFailover failoverVerdict;
    private final AutoCloseable ownConnections;

    /**
     * @param definition     as the orgs file gives it; null for the hook's one org
     * @param pumpingGuard   the org's own limits; null when it has none
     * @param ownConnections the org's own Twilio accounts' connections, closed with it; null on the hook's accounts
     */
    Org(OrgDefinition definition, HookAuthenticator authenticator, DeliverabilityCheck deliverabilityCheck,
        PumpingGuard pumpingGuard, Account primary, Account failover, TwilioFailover failoverVerdict,
        AutoCloseable ownConnections) {
        this.definition = definition;
        this.authenticator = authenticator;
        this.deliverabilityCheck = deliverabilityCheck;
        this.pumpingGuard = pumpingGuard;
        this.primary = primary;
        this.failover = failover;
        this.failoverVerdict = failoverVerdict;
        this.ownConnections = ownConnections;
    }

    /** The org's id (the end of its URL); null for the hook's one org. Read by the routes as org.id. */
    @Override
    public String getId() {
        return definition == null ? null : definition.id();
    }

    /** Its primary Twilio account's name: the route {@code direct:telephony-hook-<channel>-<name>} sends through it. */
    public String getPrimaryAccount() {
        return primary.name();
    }

    /** Its failover account's name (when the org has none, nothing is ever sent through it). */
    public String getFailoverAccount() {
        return failover.name();
    }

    OrgDefinition definition() {
        return definition;
    }

    HookAuthenticator authenticator() {
        return authenticator;
    }

    DeliverabilityCheck deliverabilityCheck() {
        return deliverabilityCheck;
    }

    PumpingGuard pumpingGuard() {
        return pumpingGuard;
    }

    Account account(boolean failoverAccount) {
        return failoverAccount ? failover : primary;
    }

    TwilioFailover failoverVerdict() {
        return failoverVerdict;
    }

    /** The Twilio accounts of its own (named after it), for their routes; none when it is on the hook's. */
    List<String> ownAccounts() {
        if (ownConnections == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>(List.of(primary.name()));
        if (failover.clients().account() != null) {
            names.add(failover.name());
        }
        return names;
    }

    /** Every Twilio account it sends through, whose tokens sign their status reports. */
    List<TwilioAccount> twilioAccounts() {
        List<TwilioAccount> accounts = new ArrayList<>(List.of(primary.clients().account()));
        if (failover.clients().account() != null) {
            accounts.add(failover.clients().account());
        }
        return accounts;
    }

    /** Stops its OAuth key refresh and closes its own Twilio connections. */
    @Override
    public void close() throws Exception {
        try {
            authenticator.close();
        } finally {
            if (ownConnections != null) {
                ownConnections.close();
            }
        }
    }

    @Override
    public String toString() {
        return definition == null ? "Org[the hook's one org]" : "Org[" + definition.id() + "]";
    }
}
