package io.telephonyhook.twilio;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.twilio.http.TwilioRestClient;
import com.twilio.type.PhoneNumber;
import com.twilio.type.Twiml;
import org.apache.camel.Exchange;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.component.twilio.TwilioComponent;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;

import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Received;

/**
 * A real Camel context with both camel-twilio endpoints side by side, talking to one strict {@link TwilioStandIn}
 * through the real Twilio SDK: upstream's component as {@value #UPSTREAM} (given its {@code restClient}), and the
 * hook's {@link CachedSettersTwilioComponent} installed as {@code twilio}, its {@code restClient} left to Camel's
 * autowiring from the registry, as in the hosts.
 */
final class UpstreamAndCachedTwilio implements AutoCloseable {

    static final String UPSTREAM = "upstreamtwilio";
    static final String MESSAGING_SERVICE_SID = "MG0123456789abcdef0123456789abcdef";

    final TwilioStandIn twilio = TwilioStandIn.start();
    final DefaultCamelContext camel = new DefaultCamelContext();
    final TwilioRestClient componentClient;
    private final TwilioTransport transport = new TwilioTransport(twilio.url(), Duration.ofSeconds(2));
    private final TwilioClients clients = new TwilioClients(new TwilioAccount(TwilioAccount.PRIMARY, twilio.url(),
            TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN, TwilioStandIn.ACCOUNT_SID, null, null), transport,
            TwilioRequestListener.NONE);
    private final ProducerTemplate producer;

    UpstreamAndCachedTwilio() {
        componentClient = clients.withBudgetPerRequest(Duration.ofSeconds(2));
        camel.getRegistry().bind("twilioRestClient", TwilioRestClient.class, componentClient);
        TwilioComponent upstream = new TwilioComponent();
        upstream.setRestClient(componentClient); // not autowired: Camel finds configurers by name (twilio-component)
        camel.addComponent(UPSTREAM, upstream);
        CachedSettersTwilioComponent.install(camel);
        camel.start();
        // as camel-main and Spring Boot do once configured: else Camel keeps a log line of every setProperty
        PluginHelper.getBeanIntrospection(camel).afterPropertiesConfigured(camel);
        producer = camel.createProducerTemplate();
    }

    CachedSettersTwilioComponent cached() {
        return camel.getComponent("twilio", CachedSettersTwilioComponent.class);
    }

    /** The headers SmsComposer and StatusCallbacks write, and the call's client the route adds. */
    Map<String, Object> sms() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("CamelTwilio.to", new PhoneNumber("+14155552671"));
        headers.put("CamelTwilio.from", new PhoneNumber("+15017122661"));
        headers.put("CamelTwilio.body", "Your verification code is 482913");
        headers.put("CamelTwilio.validityPeriod", 300);
        return withCallbackAndClient(headers);
    }

    /** The headers VoiceCallComposer (the TwiML as VoiceScript makes it) and StatusCallbacks write, and the client. */
    Map<String, Object> call() {
        Map<String, Object> headers = new LinkedHashMap<>();
        headers.put("CamelTwilio.to", new PhoneNumber("+14155552671"));
        headers.put("CamelTwilio.from", new PhoneNumber("+15017122661"));
        headers.put("CamelTwilio.twiml", new Twiml("<Response><Say>Your code is 4 8 2 9 1 3</Say></Response>"));
        headers.put("CamelTwilio.timeLimit", VoiceCallComposer.CALL_TIME_LIMIT_SECONDS);
        return withCallbackAndClient(headers);
    }

    private Map<String, Object> withCallbackAndClient(Map<String, Object> headers) {
        headers.put("CamelTwilio.statusCallback", URI.create("https://hook.example.com" + StatusCallbacks.PATH));
        headers.put("CamelTwilio.client", clients.withBudgetPerRequest(Duration.ofSeconds(2)));
        return headers;
    }

    /** Sends through {@code scheme:path} (message/create, call/create); the exchange, its exception unthrown. */
    Exchange send(String scheme, String path, Map<String, Object> headers) {
        return producer.send(scheme + ":" + path,
                exchange -> exchange.getMessage().setHeaders(new LinkedHashMap<>(headers)));
    }

    /** What the stand-in received for one request through {@code scheme:path}, which must have succeeded. */
    Received sent(String scheme, String path, Map<String, Object> headers) {
        int before = twilio.received().size();
        Exchange exchange = send(scheme, path, headers);
        if (exchange.getException() != null) {
            throw new AssertionError("sending through " + scheme + " failed", exchange.getException());
        }
        List<Received> received = twilio.received();
        if (received.size() != before + 1) {
            throw new AssertionError("expected one request through " + scheme + ", got " + (received.size() - before));
        }
        return received.get(before);
    }

    @Override
    public void close() throws Exception {
        camel.close();
        transport.close();
        twilio.close();
    }
}
