package io.telephonyhook.twilio;

import java.net.URI;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import com.twilio.http.HttpClient;
import com.twilio.http.Request;
import com.twilio.http.Response;
import com.twilio.http.TwilioRestClient;
import com.twilio.rest.api.v2010.account.Message;
import com.twilio.type.PhoneNumber;
import org.apache.camel.CamelContext;
import org.apache.camel.component.twilio.TwilioComponent;
import org.apache.camel.component.twilio.TwilioEndpoint;
import org.apache.camel.component.twilio.internal.MessageApiMethod;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.PluginHelper;

import io.telephonyhook.support.TwilioStandIn;

/**
 * Not a test: {@code main} prints what camel-twilio's {@code TwilioEndpoint.execute} costs per SMS, upstream's and
 * {@link CachedSettersTwilioEndpoint}'s, on a fresh {@code MessageCreator} with the same properties, against a Twilio
 * client that answers at once (no network, so what is left is the setters, the {@code create} lookup, and the SDK
 * building the request and reading a small answer). Run it with the test classpath:
 * <pre>
 * ./mvnw -o -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) io.telephonyhook.twilio.CachedSettersFigures
 * </pre>
 */
public final class CachedSettersFigures {

    private static final int WARM_UP = 100_000;
    private static final int ITERATIONS = 200_000;
    private static final int ROUNDS = 5;

    private CachedSettersFigures() {
    }

    public static void main(String[] args) throws Exception {
        TwilioRestClient answersAtOnce =
                new TwilioRestClient.Builder(TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN)
                        .httpClient(new AnswersAtOnce()).build();
        try (CamelContext camel = new DefaultCamelContext()) {
            TwilioComponent upstreamComponent = new TwilioComponent();
            upstreamComponent.setRestClient(answersAtOnce);
            camel.addComponent("upstreamtwilio", upstreamComponent);
            CachedSettersTwilioComponent cachedComponent = new CachedSettersTwilioComponent();
            cachedComponent.setRestClient(answersAtOnce);
            camel.addComponent("twilio", cachedComponent);
            camel.start();
            // as camel-main and Spring Boot do once configured: else Camel keeps a log line of every setProperty
            PluginHelper.getBeanIntrospection(camel).afterPropertiesConfigured(camel);
            TwilioEndpoint upstream = camel.getEndpoint("upstreamtwilio:message/create", TwilioEndpoint.class);
            TwilioEndpoint cached = camel.getEndpoint("twilio:message/create", CachedSettersTwilioEndpoint.class);

            Map<String, Object> five = new HashMap<>();
            five.put("to", new PhoneNumber("+14155552671"));
            five.put("from", new PhoneNumber("+15017122661"));
            five.put("body", "Your verification code is 482913");
            five.put("statusCallback", URI.create("https://hook.example.com/twilio/status"));
            five.put("client", answersAtOnce);
            Map<String, Object> hooks = new HashMap<>(five); // what the hook's SMS route hands execute
            hooks.put("validityPeriod", 300);
            hooks.put("apiName", upstream.getApiName());
            hooks.put("methodName", "create");

            for (Map<String, Object> properties : java.util.List.of(five, hooks)) {
                System.out.printf("%d properties %s%n", properties.size(), properties.keySet());
                measure("  upstream TwilioEndpoint.execute", upstream, properties);
                measure("  CachedSettersTwilioEndpoint.execute", cached, properties);
                measure("  upstream TwilioEndpoint.execute", upstream, properties);
                measure("  CachedSettersTwilioEndpoint.execute", cached, properties);
            }
            System.out.printf("cache misses in all: %d%n", cachedComponent.lookups().misses());
        }
    }

    private static void measure(String what, TwilioEndpoint endpoint, Map<String, Object> properties) {
        run(endpoint, properties, WARM_UP);
        long[] nanosPerCall = new long[ROUNDS];
        for (int round = 0; round < ROUNDS; round++) {
            long start = System.nanoTime();
            run(endpoint, properties, ITERATIONS);
            nanosPerCall[round] = (System.nanoTime() - start) / ITERATIONS;
        }
        Arrays.sort(nanosPerCall);
        System.out.printf("%-40s median %,6d ns per call (best %,d, worst %,d; %d rounds of %,d)%n", what,
                nanosPerCall[ROUNDS / 2], nanosPerCall[0], nanosPerCall[ROUNDS - 1], ROUNDS, ITERATIONS);
    }

    private static void run(TwilioEndpoint endpoint, Map<String, Object> properties, int iterations) {
        PhoneNumber to = (PhoneNumber) properties.get("to");
        PhoneNumber from = (PhoneNumber) properties.get("from");
        String body = (String) properties.get("body");
        for (int i = 0; i < iterations; i++) {
            Message message = (Message) endpoint.execute(Message.creator(to, from, body), MessageApiMethod.CREATOR,
                    properties);
            if (message.getSid() == null) {
                throw new IllegalStateException("no SID");
            }
        }
    }

    /** Twilio answering every request at once with a message it accepted. */
    private static final class AnswersAtOnce extends HttpClient {

        private static final String MESSAGE = "{\"sid\":\"SM0123456789abcdef0123456789abcdef\",\"status\":\"queued\"}";

        @Override
        public Response makeRequest(Request request) {
            return new Response(MESSAGE, 201);
        }
    }
}
