package io.telephonyhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Stream;

import com.twilio.http.TwilioRestClient;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.camel.spi.Registry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.auth.CallerCredential;
import io.telephonyhook.auth.HeaderSecrets;
import io.telephonyhook.auth.HookAuthenticator;
import io.telephonyhook.config.DedupSettings;
import io.telephonyhook.config.DeliverySettings;
import io.telephonyhook.auth.OAuthAccessTokens;
import io.telephonyhook.config.HookMode;
import io.telephonyhook.config.HookSettings;
import io.telephonyhook.config.InvalidSettingsException;
import io.telephonyhook.config.PumpingSettings;
import io.telephonyhook.config.RateLimit;
import io.telephonyhook.config.SendersAndWordingFiles;
import io.telephonyhook.config.TwilioSettings;
import io.telephonyhook.dedup.EventLedger;
import io.telephonyhook.deliveries.DeliveryStatusRecorder;
import io.telephonyhook.dedup.InMemoryEventLedger;
import io.telephonyhook.dedup.OneDeliveryPerEvent;
import io.telephonyhook.dedup.RedisEventLedger;
import io.telephonyhook.delivery.CallDeadlines;
import io.telephonyhook.delivery.DeliverabilityCheck;
import io.telephonyhook.deliveries.DeliveryLedger;
import io.telephonyhook.deliveries.DeliveryRecorder;
import io.telephonyhook.deliveries.InMemoryDeliveryLedger;
import io.telephonyhook.deliveries.MeasuredDeliveryLedger;
import io.telephonyhook.deliveries.RedisDeliveryLedger;
import io.telephonyhook.deliveries.SharedDeliveryLedger;
import io.telephonyhook.observability.CallLog;
import io.telephonyhook.observability.CallMetrics;
import io.telephonyhook.observability.DeliveryMetrics;
import io.telephonyhook.okta.OktaResponseRenderer;
import io.telephonyhook.okta.OtpRequestReader;
import io.telephonyhook.okta.RequestBodyLimit;
import io.telephonyhook.phone.PhoneNumberNormalizer;
import io.telephonyhook.pumping.LocalRateCounters;
import io.telephonyhook.pumping.PumpingGuard;
import io.telephonyhook.pumping.RedisRateCounters;
import io.telephonyhook.redis.SharedRedis;
import io.telephonyhook.simulator.TwilioSimulator;
import io.telephonyhook.twilio.HookRanOutOfTime;
import io.telephonyhook.twilio.CountrySenders;
import io.telephonyhook.twilio.SendersFile;
import io.telephonyhook.twilio.SmsComposer;
import io.telephonyhook.twilio.StatusCallbacks;
import io.telephonyhook.twilio.TwilioStatusReports;
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
    private static final Logger log = LoggerFactory.getLogger(TelephonyHook.class);
    /** How long a call waits for the shared Redis before going on without it. */
    private static final Duration REDIS_COMMAND_TIMEOUT = Duration.ofMillis(250);

    private final HookMode mode;
    private final HookSettings settings;
    private final List<CallerCredential> credentials;
    private final HookAuthenticator authenticator;
    private final CallMetrics metrics;
    private final CallDeadlines deadlines;
    private final TwilioTransport transport;
    private final TwilioRestClient componentClient;
    private final SharedRedis sharedRedis;
    private final StatusCallbacks statusCallbacks;
    private final OneDeliveryPerEvent oneDeliveryPerEvent;
    private final DeliveryLedger deliveryLedger;
    private final Map<String, Object> routeBeans = new LinkedHashMap<>();

    /**
     * @param files     the senders and wording files integration teams edit, read here, once
     * @param registry  where the hook's meters go: the host's registry
     * @param arrival   how this host knows when a request arrived
     * @param simulator the demo simulator's account, asked for only in demo mode (the host runs the simulator)
     */
    public TelephonyHook(HookSettings settings, TwilioSettings twilio, DedupSettings dedup, PumpingSettings pumping,
                         DeliverySettings deliveries, SendersAndWordingFiles files,
                         MeterRegistry registry, CallDeadlines.Arrival arrival, Supplier<TwilioAccount> simulator) {
        Clock clock = Clock.systemUTC();
        this.mode = HookMode.of(twilio);
        this.settings = settings;
        this.metrics = new CallMetrics(registry);
        String headerSecret = headerSecret(settings, mode); // a live hook without any credential stops here
        if (mode == HookMode.LIVE && settings.oauth() != null) {
            settings.oauth().requireCallerCheck(); // ... and one that would take any user's access token
        }
        this.deadlines = new CallDeadlines(settings.deadline(), arrival);

        TwilioAccount account = mode == HookMode.DEMO ? simulator.get() : liveAccount(twilio);
        TwilioSenders senders = senders(twilio, mode, files);
        WordingByLocale wording = files.wordingFile() == null ? WordingByLocale.NONE : WordingFile.read(files.wordingFile());
        this.transport = new TwilioTransport(account.apiUrl(), twilio.connectTimeout());
        TwilioClients clients = new TwilioClients(account, transport, metrics);
        // camel-twilio's own client, for anything else that may use the component; the routes give every call a
        // client bound to its deadline instead.
        this.componentClient = clients.withBudgetPerRequest(settings.deadline());
        URI twimlUrl = twilio.twimlUrl() == null ? null : URI.create(twilio.twimlUrl());
        PhoneNumberNormalizer phoneNumbers = phoneNumbers(settings);
        // Last: OAuth fetches the authorization server's keys on a thread of its own, worth starting only once every
        // other setting has proved good.
        this.credentials = credentials(settings, headerSecret);
        this.authenticator = new HookAuthenticator(credentials, metrics);

        routeBeans.put("hookAuthenticator", authenticator);
        routeBeans.put("hookBodyLimit", new RequestBodyLimit(settings.maxBodyBytes()));
        routeBeans.put("hookDeadlines", deadlines);
        routeBeans.put("otpRequestReader", new OtpRequestReader(phoneNumbers));
        this.sharedRedis = dedup.redisUrl() == null ? null : new SharedRedis(dedup.redisUrl(), REDIS_COMMAND_TIMEOUT);
        this.oneDeliveryPerEvent = oneDeliveryPerEvent(dedup, sharedRedis, metrics);
        routeBeans.put("oneDeliveryPerEvent", oneDeliveryPerEvent);
        routeBeans.put("pumpingGuard", pumpingGuard(pumping, sharedRedis, metrics, account, mode));
        this.deliveryLedger = deliveryLedger(deliveries, sharedRedis, metrics, new DeliveryMetrics(registry));
        routeBeans.put("deliveryLedger", deliveryLedger);
        routeBeans.put("deliveryRecorder", new DeliveryRecorder(deliveryLedger, clock));
        routeBeans.put("deliverabilityCheck", new DeliverabilityCheck(clock, senders.configuredChannels()));
        routeBeans.put("oktaResponseRenderer", new OktaResponseRenderer());
        routeBeans.put("hookCallLog", new CallLog());
        routeBeans.put("hookCallMetrics", metrics);
        routeBeans.put("twilioClients", clients);
        routeBeans.put("twilioSmsComposer", new SmsComposer(senders, settings.smsTemplate(), wording, clock));
        routeBeans.put("twilioCallComposer", new VoiceCallComposer(senders, new VoiceScript(wording), twimlUrl));
        routeBeans.put("twilioRejection", new TwilioRejection());
        routeBeans.put("hookRanOutOfTime", new HookRanOutOfTime());
        this.statusCallbacks = new StatusCallbacks(settings.publicUrl());
        routeBeans.put("twilioStatusCallbacks", statusCallbacks);
        // Twilio signs its reports with the account's auth token (with TWILIO_API_KEY, set that key's account token)
        routeBeans.put("twilioStatusReports", new TwilioStatusReports(statusCallbacks, account.password(), clock));
        routeBeans.put("deliveryStatusRecorder", new DeliveryStatusRecorder(deliveryLedger));
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

    /** How repeats of an eventId are caught now (health): off, memory, or the shared Redis and whether it is reached. */
    public String deduplication() {
        return oneDeliveryPerEvent.state();
    }

    /** Where Twilio reports delivery statuses; a demo host points it at its own port. */
    public StatusCallbacks statusCallbacks() {
        return statusCallbacks;
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

    /**
     * The messages and calls Twilio accepted and the statuses it reported for them (the route bean
     * {@code deliveryLedger}): in this instance's memory, or in the shared Redis with memory as its fallback.
     */
    public DeliveryLedger deliveries() {
        return deliveryLedger;
    }

    /**
     * Stops what the hook runs in the background: OAuth's key refresh, the connection to a shared Redis, the Twilio
     * connections. Spring calls
     * it as the bean's destroy method; under camel-main a service of Camel's does.
     */
    @Override
    public void close() {
        if (sharedRedis != null) {
            sharedRedis.close();
        }
        try {
            transport.close();
        } catch (java.io.IOException unexpected) {
            throw new java.io.UncheckedIOException("could not close the Twilio transport", unexpected);
        }
        for (CallerCredential credential : credentials) {
            if (credential instanceof AutoCloseable closeable) {
                try {
                    closeable.close();
                } catch (Exception unexpected) {
                    throw new IllegalStateException("could not close " + credential.getClass().getSimpleName(), unexpected);
                }
            }
        }
    }

    /**
     * The header secret, null when there is none: live mode needs it or an OAuth issuer (else anyone could send codes);
     * demo mode with neither takes Okta's example secret.
     */
    private static String headerSecret(HookSettings settings, HookMode mode) {
        if (settings.authSecret() != null || settings.oauth() != null) {
            return settings.authSecret();
        }
        if (mode == HookMode.LIVE) {
            throw new InvalidSettingsException("Neither OKTA_HOOK_AUTH_SECRET nor OKTA_HOOK_OAUTH_ISSUER is set: in live"
                    + " mode the hook needs the secret Okta sends in the " + settings.authHeader() + " header, or the"
                    + " authorization server whose access tokens Okta sends, or anyone could send codes.");
        }
        return DEMO_AUTH_SECRET;
    }

    /** The header secret, OAuth 2.0 access tokens, or both while an org moves from one to the other (either passes). */
    private static List<CallerCredential> credentials(HookSettings settings, String headerSecret) {
        List<CallerCredential> credentials = new ArrayList<>();
        if (headerSecret != null) {
            credentials.add(new HeaderSecrets(settings.authHeader(), headerSecret, settings.authSecretPrevious()));
        }
        if (settings.oauth() != null) {
            credentials.add(new OAuthAccessTokens(settings.oauth()));
        }
        return List.copyOf(credentials);
    }

    private static OneDeliveryPerEvent oneDeliveryPerEvent(DedupSettings dedup, SharedRedis redis, CallMetrics metrics) {
        if (!dedup.enabled()) {
            return OneDeliveryPerEvent.off(metrics);
        }
        EventLedger shared = redis == null ? null : new RedisEventLedger(redis, dedup.ttl());
        return new OneDeliveryPerEvent(new InMemoryEventLedger(dedup.ttl(), dedup.maxEvents()), shared, metrics);
    }

    /** Statuses counted as recorded; in the shared Redis when there is one, this instance's memory as its fallback. */
    private static DeliveryLedger deliveryLedger(DeliverySettings deliveries, SharedRedis redis, CallMetrics metrics,
                                                 DeliveryMetrics deliveryMetrics) {
        InMemoryDeliveryLedger memory = new InMemoryDeliveryLedger(deliveries.ttl(), deliveries.max());
        return new MeasuredDeliveryLedger(redis == null ? memory
                : new SharedDeliveryLedger(memory, new RedisDeliveryLedger(redis, deliveries.ttl()), metrics),
                deliveryMetrics);
    }

    private static PumpingGuard pumpingGuard(PumpingSettings pumping, SharedRedis redis, CallMetrics metrics,
                                             TwilioAccount account, HookMode mode) {
        if (mode == HookMode.LIVE && pumping.unguarded()) {
            log.warn("No protection from SMS pumping: anyone with Okta's credentials can send codes to any country"
                    + " at any rate on this Twilio account. Set HOOK_ALLOWED_COUNTRIES, HOOK_RATE_LIMIT_PER_NUMBER"
                    + " and HOOK_RATE_LIMIT_PER_COUNTRY (README, \"Going live\").");
        }
        Duration longestWindow = Stream.of(pumping.perNumber(), pumping.perCountry()).filter(Objects::nonNull)
                .map(RateLimit::window).max(Comparator.naturalOrder()).orElse(Duration.ofMinutes(1));
        return new PumpingGuard(pumping, new LocalRateCounters(longestWindow),
                redis == null ? null : new RedisRateCounters(redis), metrics,
                account.password().getBytes(StandardCharsets.UTF_8));
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
