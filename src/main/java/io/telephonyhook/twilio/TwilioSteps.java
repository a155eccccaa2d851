package io.telephonyhook.twilio;

import java.net.URI;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.twilio.http.TwilioRestClient;

import io.telephonyhook.config.HookMode;
import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.config.Settings;
import io.telephonyhook.config.TwilioAccountSettings;
import io.telephonyhook.config.TwilioFailoverSettings;
import io.telephonyhook.config.TwilioSettings;
import io.telephonyhook.observability.TwilioMetrics;
import io.telephonyhook.simulator.TwilioSimulator;
import io.telephonyhook.wording.WordingByLocale;
import io.telephonyhook.wording.WordingFile;

/**
 * Delivery through Twilio: the account (live, or the demo simulator's), the senders, the transport, and the route
 * beans {@code routes/twilio-delivery.camel.yaml} and {@code twilio-status.camel.yaml} call, each made here from the
 * settings and named once.
 */
public final class TwilioSteps {

    public static final String TWILIO_CLIENTS = "twilioClients";
    public static final String SMS_COMPOSER = "twilioSmsComposer";
    public static final String CALL_COMPOSER = "twilioCallComposer";
    public static final String REJECTION = "twilioRejection";
    public static final String OUT_OF_TIME = "hookRanOutOfTime";
    public static final String OUTCOMES = "twilioOutcomes";
    public static final String STATUS_CALLBACKS = "twilioStatusCallbacks";
    public static final String STATUS_REPORTS = "twilioStatusReports";
    public static final String FAILOVER = "twilioFailover";
    public static final String FAILOVER_CLIENTS = "twilioFailoverClients";
    public static final String FAILOVER_SMS_COMPOSER = "twilioFailoverSmsComposer";
    public static final String FAILOVER_CALL_COMPOSER = "twilioFailoverCallComposer";
    public static final String PRIMARY_ACCOUNT = "twilioPrimaryAccount";
    public static final String FAILOVER_ACCOUNT = "twilioFailoverAccount";

    private TwilioSteps() {
    }

    /** The live account, or in demo mode the simulator's (asked for only then). */
    public static TwilioAccount account(Settings settings, Supplier<TwilioSimulator> simulator) {
        if (settings.mode() == HookMode.DEMO) {
            return simulator.get().account();
        }
        TwilioSettings twilio = settings.twilio();
        if (twilio.getAuthToken() == null) {
            throw new InvalidSettingsException("TWILIO_AUTH_TOKEN is not set: live mode (TWILIO_ACCOUNT_SID is set)"
                    + " needs the account's auth token or an API key secret.");
        }
        return liveAccount(TwilioAccount.PRIMARY, twilio);
    }

    /** The failover account (TWILIO_FAILOVER_*), or in demo mode the simulator's second; null: none. */
    public static TwilioAccount failoverAccount(Settings settings, Supplier<TwilioSimulator> simulator) {
        if (settings.mode() == HookMode.DEMO) {
            TwilioSimulator demo = simulator.get();
            demo.primaryOutage(settings.demo().getPrimaryOutage());
            return demo.failoverAccount();
        }
        return settings.failover().hasAccount() ? liveAccount(TwilioAccount.FAILOVER, settings.failover()) : null;
    }

    /** A live account under this name (an org's own account is named after the org). */
    public static TwilioAccount liveAccount(String name, TwilioAccountSettings twilio) {
        String username = twilio.getApiKey() != null ? twilio.getApiKey() : twilio.getAccountSid();
        return new TwilioAccount(name, twilio.apiUri(), username, twilio.getAuthToken(), twilio.getAccountSid(),
                twilio.getRegion(), twilio.getEdge());
    }

    /** Who codes come from: the TWILIO_ senders, and HOOK_SENDERS_FILE's by country. */
    public static TwilioSenders senders(Settings settings) {
        TwilioSettings twilio = settings.twilio();
        String from = twilio.getFromNumber();
        if (settings.mode() == HookMode.DEMO && from == null) {
            from = TwilioSimulator.FROM_NUMBER;
        }
        if (from == null && twilio.getMessagingServiceSid() == null) {
            throw new InvalidSettingsException("Neither TWILIO_FROM_NUMBER nor TWILIO_MESSAGING_SERVICE_SID is set:"
                    + " live mode needs a sender for SMS (and TWILIO_FROM_NUMBER for voice calls).");
        }
        var file = settings.hook().sendersPath();
        Map<String, CountrySenders> byCountry = file == null ? Map.of() : SendersFile.read(file);
        if (from == null && byCountry.values().stream().anyMatch(country -> country.callerId() != null)) {
            // calls would go out in the listed countries only, and every other country's be answered FAILED unseen
            throw new InvalidSettingsException("HOOK_SENDERS_FILE " + file + " gives voice numbers, but"
                    + " TWILIO_FROM_NUMBER is not set: voice calls need it too, as the caller id of every other country.");
        }
        return new TwilioSenders(from, twilio.getMessagingServiceSid(), byCountry);
    }

    /**
     * Who codes sent through the failover account come from: TWILIO_FAILOVER_'s senders (in demo mode the
     * simulator's), and HOOK_SENDERS_FILE's failover-sms and failover-voice by country. Without a failover account,
     * the primary's (never used: nothing is sent through it).
     */
    public static TwilioSenders failoverSenders(Settings settings, TwilioSenders primary) {
        if (settings.mode() == HookMode.DEMO) {
            return new TwilioSenders(TwilioSimulator.FROM_NUMBER, null, Map.of());
        }
        TwilioFailoverSettings failover = settings.failover();
        if (!failover.hasAccount()) {
            return primary;
        }
        var file = settings.hook().sendersPath();
        return new TwilioSenders(failover.getFromNumber(), failover.getMessagingServiceSid(),
                file == null ? Map.of() : SendersFile.read(file, TwilioAccount.FAILOVER));
    }

    /** HOOK_WORDING_FILE's words, or none. */
    public static WordingByLocale wording(Settings settings) {
        var file = settings.hook().wordingPath();
        return file == null ? WordingByLocale.NONE : WordingFile.read(file);
    }

    /** A connection pool and clients per account; close it with the host. */
    public static TwilioConnections connections(Settings settings, TwilioAccount primary, TwilioAccount failover,
                                                TwilioRequestListener listener) {
        return new TwilioConnections(primary, failover, settings.twilio().getConnectTimeout(), listener);
    }

    /**
     * camel-twilio's own client, for anything else that may use the component; the routes give every call a client
     * bound to its deadline instead.
     */
    public static TwilioRestClient componentClient(Settings settings, TwilioClients clients) {
        return clients.withBudgetPerRequest(settings.hook().getDeadline());
    }

    /** Whether a code the primary did not take goes out through the failover account. */
    public static TwilioFailover failover(TwilioConnections connections, TwilioMetrics metrics) {
        return new TwilioFailover(connections.hasFailover(), metrics);
    }

    public static SmsComposer smsComposer(Settings settings, TwilioSenders senders, WordingByLocale wording) {
        return new SmsComposer(senders, settings.hook().getSmsTemplate(), wording, Clock.systemUTC());
    }

    public static VoiceCallComposer callComposer(Settings settings, TwilioSenders senders, WordingByLocale wording) {
        String twimlUrl = settings.twilio().getTwimlUrl();
        return new VoiceCallComposer(senders, new VoiceScript(wording), twimlUrl == null ? null : URI.create(twimlUrl));
    }

    public static StatusCallbacks statusCallbacks(Settings settings) {
        return new StatusCallbacks(settings.hook().publicUri());
    }

    /**
     * Twilio signs its reports with the auth token of the account that sent the message (with an API key, set that
     * key's account token): the primary's, or the failover's.
     */
    public static TwilioStatusReports statusReports(StatusCallbacks callbacks, TwilioAccount primary,
                                                    TwilioAccount failover) {
        return new TwilioStatusReports(callbacks, failover == null ? List.of(primary) : List.of(primary, failover),
                Clock.systemUTC());
    }
}
