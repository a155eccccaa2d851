package io.telephonyhook.camelmain;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

import com.twilio.http.TwilioRestClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.CamelContext;
import org.apache.camel.spi.Registry;

import io.telephonyhook.auth.AuthenticationSteps;
import io.telephonyhook.config.Settings;
import io.telephonyhook.dedup.DedupSteps;
import io.telephonyhook.dedup.OneDeliveryPerEvent;
import io.telephonyhook.delivery.CallDeadlines;
import io.telephonyhook.delivery.CallFlowSteps;
import io.telephonyhook.deliveries.DeliveriesSteps;
import io.telephonyhook.deliveries.DeliveryLedger;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.observability.ObservabilitySteps;
import io.telephonyhook.observability.TwilioMetrics;
import io.telephonyhook.okta.Channel;
import io.telephonyhook.okta.OktaResponseRenderer;
import io.telephonyhook.okta.ReadingSteps;
import io.telephonyhook.orgs.OrgDirectory;
import io.telephonyhook.orgs.OrgSteps;
import io.telephonyhook.pumping.PumpingSteps;
import io.telephonyhook.redis.SharedRedis;
import io.telephonyhook.simulator.TwilioSimulator;
import io.telephonyhook.twilio.HookRanOutOfTime;
import io.telephonyhook.twilio.StatusCallbacks;
import io.telephonyhook.twilio.TwilioAccount;
import io.telephonyhook.twilio.TwilioOutcomes;
import io.telephonyhook.twilio.TwilioRejection;
import io.telephonyhook.twilio.TwilioStatusReports;
import io.telephonyhook.twilio.TwilioSteps;
import io.telephonyhook.twilio.TwilioConnections;

/**
 * The hook's steps under camel-main: each made by its feature's factory, as the Spring Boot auto-configuration makes
 * them, and bound in Camel's registry under the name the routes use, unless the registry has a bean of that name.
 * Closing it stops what they run in the background.
 */
final class CamelMainSteps implements AutoCloseable {

    private final CamelContext camel;
    private final Registry registry;
    private final List<AutoCloseable> closeables = new ArrayList<>();
    private TwilioRestClient componentClient;
    private OrgDirectory orgs;

    private CamelMainSteps(CamelContext camel) {
        this.camel = camel;
        this.registry = camel.getRegistry();
    }

    static CamelMainSteps bind(CamelContext camel, Settings settings, MeterRegistry meters,
                               Supplier<TwilioSimulator> simulator) {
        CamelMainSteps steps = new CamelMainSteps(camel);
        try {
            steps.bindAll(settings, meters, simulator);
        } catch (RuntimeException unusable) {
            steps.close();
            throw unusable;
        }
        return steps;
    }

    private void bindAll(Settings settings, MeterRegistry meters, Supplier<TwilioSimulator> simulator) {
        CallMetrics metrics = ObservabilitySteps.callMetrics(meters, settings.orgs().path() != null);
        bind(ObservabilitySteps.HOOK_CALL_METRICS, metrics);
        bind(ObservabilitySteps.HOOK_CALL_LOG, ObservabilitySteps.callLog());
        // no servlet filter sees a request first here: a call's deadline counts from when Camel made the exchange
        bind(CallFlowSteps.HOOK_DEADLINES, CallFlowSteps.deadlines(settings.hook(), CallDeadlines.Arrival.UNKNOWN));
        bind(ReadingSteps.HOOK_BODY_LIMIT, ReadingSteps.bodyLimit(settings.hook()));
        bind(ReadingSteps.OTP_REQUEST_READER, ReadingSteps.reader(settings.hook()));
        OktaResponseRenderer renderer = ReadingSteps.renderer();
        bind(ReadingSteps.OKTA_RESPONSE_RENDERER, renderer);
        bind(ReadingSteps.SMS_CALL, ReadingSteps.callOn(Channel.SMS));
        bind(ReadingSteps.VOICE_CALL, ReadingSteps.callOn(Channel.VOICE));
        bind(ReadingSteps.OKTA_ANSWER_STATUS, ReadingSteps.answerStatus());
        bind(ReadingSteps.OKTA_ANSWER_JSON, ReadingSteps.answerJson(renderer));

        TwilioAccount account = TwilioSteps.account(settings, simulator);
        TwilioMetrics twilioMetrics = ObservabilitySteps.twilioMetrics(meters);
        TwilioConnections connections = closing(TwilioSteps.connections(settings, account,
                TwilioSteps.failoverAccount(settings, simulator), twilioMetrics));
        componentClient = TwilioSteps.componentClient(settings, connections.primary());
        bind(TwilioSteps.REJECTION, new TwilioRejection());
        bind(TwilioSteps.OUT_OF_TIME, new HookRanOutOfTime());
        bind(TwilioSteps.OUTCOMES, new TwilioOutcomes());
        StatusCallbacks callbacks = TwilioSteps.statusCallbacks(settings);
        bind(TwilioSteps.STATUS_CALLBACKS, callbacks);
        TwilioStatusReports reports = TwilioSteps.statusReports(callbacks, account, connections.failover().account());
        bind(TwilioSteps.STATUS_REPORTS, reports);

        SharedRedis redis = SharedRedis.of(settings.dedup());
        if (redis != null) {
            closeables.add(redis);
            metrics.watchRedis(redis::reachable);
        }
        OneDeliveryPerEvent dedup = DedupSteps.oneDeliveryPerEvent(settings.dedup(), redis, metrics);
        bind(DedupSteps.ONE_DELIVERY_PER_EVENT, dedup);
        ObservabilitySteps.healthCheck(settings, dedup).registerWith(camel);
        DeliveryLedger ledger = DeliveriesSteps.ledger(settings.deliveries(), redis, metrics,
                ObservabilitySteps.deliveryMetrics(meters));
        bind(DeliveriesSteps.DELIVERY_LEDGER, ledger);
        bind(DeliveriesSteps.DELIVERY_RECORDER, DeliveriesSteps.recorder(ledger));
        bind(DeliveriesSteps.DELIVERY_STATUS_RECORDER, DeliveriesSteps.statusRecorder(ledger));
        // last: an org's OAuth fetches the authorization server's keys on a thread of its own
        orgs = closing(OrgSteps.directory(settings, metrics, twilioMetrics, redis, connections, reports));
        bindOrgSteps(orgs);
    }

    /** The steps whose work is each org's own (OrgSteps), under the names the routes call them by. */
    private void bindOrgSteps(OrgDirectory directory) {
        bind(OrgSteps.HOOK_ORGS, directory);
        bind(AuthenticationSteps.HOOK_AUTHENTICATOR, new OrgSteps.Authentication(directory));
        bind(CallFlowSteps.DELIVERABILITY_CHECK, new OrgSteps.Deliverability(directory));
        bind(PumpingSteps.PUMPING_GUARD, new OrgSteps.Pumping(directory));
        bind(TwilioSteps.TWILIO_CLIENTS, new OrgSteps.Clients(directory, false));
        bind(TwilioSteps.FAILOVER_CLIENTS, new OrgSteps.Clients(directory, true));
        bind(TwilioSteps.PRIMARY_ACCOUNT, new OrgSteps.AccountName(directory, false));
        bind(TwilioSteps.FAILOVER_ACCOUNT, new OrgSteps.AccountName(directory, true));
        bind(TwilioSteps.SMS_COMPOSER, new OrgSteps.Composer(directory, true, false));
        bind(TwilioSteps.CALL_COMPOSER, new OrgSteps.Composer(directory, false, false));
        bind(TwilioSteps.FAILOVER_SMS_COMPOSER, new OrgSteps.Composer(directory, true, true));
        bind(TwilioSteps.FAILOVER_CALL_COMPOSER, new OrgSteps.Composer(directory, false, true));
        bind(TwilioSteps.FAILOVER, new OrgSteps.Failover(directory));
    }

    /** The orgs, whose own Twilio accounts' routes are added once the hook's routes are loaded. */
    OrgDirectory orgs() {
        return orgs;
    }

    TwilioRestClient componentClient() {
        return componentClient;
    }

    @Override
    public void close() {
        for (AutoCloseable closeable : closeables) {
            try {
                closeable.close();
            } catch (Exception unexpected) {
                throw new IllegalStateException("could not close " + closeable.getClass().getSimpleName(), unexpected);
            }
        }
    }

    private void bind(String name, Object step) {
        if (registry.lookupByName(name) == null) {
            registry.bind(name, step);
        }
    }

    private <T extends AutoCloseable> T closing(T closeable) {
        closeables.add(closeable);
        return closeable;
    }
}
