package io.telephonyhook;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import com.twilio.http.TwilioRestClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.spi.Registry;

import io.telephonyhook.auth.CallerCredential;
import io.telephonyhook.auth.HeaderSecrets;
import io.telephonyhook.auth.HookAuthenticator;
import io.telephonyhook.config.DedupSettings;
import io.telephonyhook.config.HookMode;
import io.telephonyhook.config.HookSettings;
import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.config.SendersAndWordingFiles;
import io.telephonyhook.config.TwilioSettings;
import io.telephonyhook.dedup.EventLedger;
import io.telephonyhook.dedup.InMemoryEventLedger;
import io.telephonyhook.dedup.OneDeliveryPerEvent;
import io.telephonyhook.dedup.RedisEventLedger;
import io.telephonyhook.delivery.CallDeadlines;
import io.telephonyhook.delivery.DeliverabilityCheck;
import io.telephonyhook.observability.CallLog;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.okta.OktaResponseRenderer;
import io.telephonyhook.okta.OtpRequestReader;
import io.telephonyhook.okta.RequestBodyLimit;
import io.telephonyhook.phone.PhoneNumberNormalizer;
import io.telephonyhook.simulator.TwilioSimulator;
import io.telephonyhook.twilio.CountrySenders;
import io.telephonyhook.twilio.SendersFile;
import io.telephonyhook.twilio.SmsComposer;
import io.telephonyhook.twilio.TwilioAccount;
import io.telephonyhook.twilio.TwilioClients;
import io.telephonyhook.twilio.TwilioOutcomes;
import io.telephonyhook.twilio.TwilioRejection;
import io.telephonyhook.twilio.TwilioSenders;
import io.telephonyhook.twilio.TwilioTransport;
import io.telephonyhook.twilio.VoiceCallComposer;
import io.telephonyhook.twilio.VoiceScript;
import io.telephonyhook.wording.WordingByLocale;
import io.telephonyhook.wording.WordingFile;

/**
 * The hook's steps, made from its settings: the beans {@code routes/*.camel.yaml} call by name. Every host (the
 * standalone application, a Camel Spring Boot application, camel-main) builds this one object and binds
 * {@link #routeBeans()} in its registry, so the same routes find the same steps everywhere. Settings that would make
 * the hook unsafe or useless stop the start-up here, with a one-line reason naming the variable to fix.
 */
public final class TelephonyHook implements AutoCloseable {

    /** Okta's own example secret, used only in demo mode when none is set (see the README). */
    public static final String DEMO_AUTH_SECRET = "Basic YWRtaW46c3VwZXJzZWNyZXQ=";
    /** How long a call waits for the shared Redis before going on without it. */
    private static final Duration REDIS_COMMAND_TIMEOUT = Duration.ofMillis(250);

    private final HookMode mode;
    private final HookSettings settings;
    private final HookAuthenticator authenticator;
    private final CallMetrics metrics;
    private final CallDeadlines deadlines;
    private final TwilioRestClient componentClient;
    private final OneDeliveryPerEvent oneDeliveryPerEvent;
    private final Map<String, Object> routeBeans = new LinkedHashMap<>();

    /**
     * @param files     the senders and wording files integration teams edit, read here, once
     * @param registry  where the hook's meters go: the host's registry
     * @param arrival   how this host knows when a request arrived
     * @param simulator the demo simulator's account, asked for only in demo mode (the host runs the simulator)
     */
    public TelephonyHook(HookSettings settings, TwilioSettings twilio, DedupSettings dedup, SendersAndWordingFiles files,
                         MeterRegistry registry, CallDeadlines.Arrival arrival, Supplier<TwilioAccount> simulator) {
        Clock clock = Clock.systemUTC();
        this.mode = HookMode.of(twilio);
        this.settings = settings;
        this.metrics = new CallMetrics(registry);
        this.authenticator = new HookAuthenticator(credentials(settings, mode), metrics);
        this.deadlines = new CallDeadlines(settings.deadline(), arrival);

        TwilioAccount account = mode == HookMode.DEMO ? simulator.get() : liveAccount(twilio);
        TwilioSenders senders = senders(twilio, mode, files);
        WordingByLocale wording = files.wordingFile() == null ? WordingByLocale.NONE : WordingFile.read(files.wordingFile());
        TwilioClients clients = new TwilioClients(account, new TwilioTransport(account.apiUrl(), twilio.connectTimeout()),
                metrics);
        // camel-twilio's own client, for anything else that may use the component; the routes give every call a
        // client bound to its deadline instead.
        this.componentClient = clients.withBudgetPerRequest(settings.deadline());
        URI twimlUrl = twilio.twimlUrl() == null ? null : URI.create(twilio.twimlUrl());

        routeBeans.put("hookAuthenticator", authenticator);
        routeBeans.put("hookBodyLimit", new RequestBodyLimit(settings.maxBodyBytes()));
        routeBeans.put("hookDeadlines", deadlines);
        routeBeans.put("otpRequestReader", new OtpRequestReader(phoneNumbers(settings)));
        this.oneDeliveryPerEvent = oneDeliveryPerEvent(dedup, metrics);
        routeBeans.put("oneDeliveryPerEvent", oneDeliveryPerEvent);
        routeBeans.put("deliverabilityCheck", new DeliverabilityCheck(clock, senders.configuredChannels()));
        routeBeans.put("oktaResponseRenderer", new OktaResponseRenderer());
        routeBeans.put("hookCallLog", new CallLog());
        routeBeans.put("hookCallMetrics", metrics);
        routeBeans.put("twilioClients", clients);
        routeBeans.put("twilioSmsComposer", new SmsComposer(senders, settings.smsTemplate(), wording, clock));
        routeBeans.put("twilioCallComposer", new VoiceCallComposer(senders, new VoiceScript(wording), twimlUrl));
        routeBeans.put("twilioRejection", new TwilioRejection());
        routeBeans.put("twilioOutcomes", new TwilioOutcomes());
    }

    /** The steps by the names the YAML routes use ({@code ref: hookAuthenticator}, ...). */
    public Map<String, Object> routeBeans() {
        return Collections.unmodifiableMap(routeBeans);
    }

    /**
     * Binds {@link #routeBeans()} in a host's Camel registry, each unless the host already has a bean of that name
     * (the host's own step then takes the hook's place).
     */
    public void bindRouteBeans(Registry registry) {
        routeBeans.forEach((name, bean) -> {
            if (registry.lookupByName(name) == null) {
                registry.bind(name, bean);
            }
        });
    }

    /** A Twilio client for camel-twilio's component, which needs one to start. */
    public TwilioRestClient componentClient() {
        return componentClient;
    }

    /** Stops what the hook opened itself (the connection to a shared Redis); hosts call it when they stop. */
    @Override
    public void close() {
        oneDeliveryPerEvent.close();
    }

    /** How repeats of an eventId are caught now (health): off, memory, or the shared Redis and whether it is reached. */
    public String deduplication() {
        return oneDeliveryPerEvent.state();
    }

    public HookMode mode() {
        return mode;
    }

    public HookSettings settings() {
        return settings;
    }

    public HookAuthenticator authenticator() {
        return authenticator;
    }

    public CallMetrics metrics() {
        return metrics;
    }

    private static List<CallerCredential> credentials(HookSettings settings, HookMode mode) {
        String secret = settings.authSecret();
        if (secret == null) {
            if (mode == HookMode.LIVE) {
                throw new InvalidSettingsException("OKTA_HOOK_AUTH_SECRET is not set: in live mode the hook needs the"
                        + " secret Okta sends in the " + settings.authHeader() + " header, or anyone could send codes.");
            }
            secret = DEMO_AUTH_SECRET;
        }
        return List.of(new HeaderSecrets(settings.authHeader(), secret, settings.authSecretPrevious()));
    }

    private static OneDeliveryPerEvent oneDeliveryPerEvent(DedupSettings dedup, CallMetrics metrics) {
        if (!dedup.enabled()) {
            return OneDeliveryPerEvent.off(metrics);
        }
        EventLedger shared = dedup.redisUrl() == null ? null
                : new RedisEventLedger(dedup.redisUrl(), dedup.ttl(), REDIS_COMMAND_TIMEOUT);
        return new OneDeliveryPerEvent(new InMemoryEventLedger(dedup.ttl(), dedup.maxEvents()), shared, metrics);
    }

    private static PhoneNumberNormalizer phoneNumbers(HookSettings settings) {
        try {
            return new PhoneNumberNormalizer(settings.defaultRegion());
        } catch (IllegalArgumentException unknownRegion) {
            throw new InvalidSettingsException("HOOK_DEFAULT_REGION: " + unknownRegion.getMessage());
        }
    }

    private static TwilioAccount liveAccount(TwilioSettings twilio) {
        if (twilio.authToken() == null) {
            throw new InvalidSettingsException("TWILIO_AUTH_TOKEN is not set: live mode (TWILIO_ACCOUNT_SID is set)"
                    + " needs the account's auth token or an API key secret.");
        }
        String username = twilio.apiKey() != null ? twilio.apiKey() : twilio.accountSid();
        return new TwilioAccount(twilio.apiUrl(), username, twilio.authToken(), twilio.accountSid());
    }

    private static TwilioSenders senders(TwilioSettings twilio, HookMode mode, SendersAndWordingFiles files) {
        String from = twilio.fromNumber();
        if (mode == HookMode.DEMO && from == null) {
            from = TwilioSimulator.FROM_NUMBER;
        }
        if (from == null && twilio.messagingServiceSid() == null) {
            throw new InvalidSettingsException("Neither TWILIO_FROM_NUMBER nor TWILIO_MESSAGING_SERVICE_SID is set:"
                    + " live mode needs a sender for SMS (and TWILIO_FROM_NUMBER for voice calls).");
        }
        if (from != null && !TwilioSenders.isE164(from)) {
            throw new InvalidSettingsException("TWILIO_FROM_NUMBER must be in E.164 form, like +14155550123.");
        }
        Map<String, CountrySenders> byCountry = files.sendersFile() == null ? Map.of() : SendersFile.read(files.sendersFile());
        if (from == null && byCountry.values().stream().anyMatch(country -> country.callerId() != null)) {
            // calls would go out in the listed countries only, and every other country's be answered FAILED unseen
            throw new InvalidSettingsException("HOOK_SENDERS_FILE " + files.sendersFile() + " gives voice numbers, but"
                    + " TWILIO_FROM_NUMBER is not set: voice calls need it too, as the caller id of every other country.");
        }
        return new TwilioSenders(from, twilio.messagingServiceSid(), byCountry);
    }
}
