package io.telephonyhook.twilio;

import static io.telephonyhook.twilio.UpstreamAndCachedTwilio.UPSTREAM;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Exchange;
import org.apache.camel.RuntimeCamelException;
import org.apache.camel.support.DefaultExchange;
import org.apache.camel.support.component.ApiMethod;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Received;

/**
 * The cached endpoint sends Twilio exactly what upstream's sends, for the hook's SMS and calls (the fields set by the
 * creator's arguments and those set only by setters, StatusCallback among them), ignores what upstream ignores,
 * converts what upstream converts, and fails as upstream fails.
 */
class CachedSettersTwilioEndpointTest {

    private static final UpstreamAndCachedTwilio both = new UpstreamAndCachedTwilio();

    @BeforeEach
    void reset() {
        both.twilio.reset();
    }

    @AfterAll
    static void close() throws Exception {
        both.close();
    }

    @Test
    void theCachedEndpointIsTheOneTheRoutesGet() {
        assertThat(both.camel.getEndpoint("twilio:message/create")).isInstanceOf(CachedSettersTwilioEndpoint.class);
        assertThat(both.camel.getEndpoint("twilio:call/create")).isInstanceOf(CachedSettersTwilioEndpoint.class);
    }

    @Test
    void anSmsSendsTheFormUpstreamSends() {
        Received upstream = both.sent(UPSTREAM, "message/create", both.sms());
        Received cached = both.sent("twilio", "message/create", both.sms());

        assertThat(cached.path()).isEqualTo(upstream.path())
                .isEqualTo("/2010-04-01/Accounts/" + TwilioStandIn.ACCOUNT_SID + "/Messages.json");
        assertThat(cached.form()).isEqualTo(upstream.form());
        assertThat(cached.form()).containsEntry("To", "+14155552671").containsEntry("From", "+15017122661")
                .containsEntry("Body", "Your verification code is 482913").containsEntry("ValidityPeriod", "300")
                .containsEntry("StatusCallback", "https://hook.example.com/twilio/status");
    }

    @Test
    void anSmsFromAMessagingServiceSendsTheFormUpstreamSends() {
        Map<String, Object> headers = both.sms();
        headers.remove("CamelTwilio.from");
        headers.put("CamelTwilio.messagingServiceSid", UpstreamAndCachedTwilio.MESSAGING_SERVICE_SID);

        Received upstream = both.sent(UPSTREAM, "message/create", headers);
        Received cached = both.sent("twilio", "message/create", headers);

        assertThat(cached.form()).isEqualTo(upstream.form())
                .containsEntry("MessagingServiceSid", UpstreamAndCachedTwilio.MESSAGING_SERVICE_SID)
                .containsKey("StatusCallback").doesNotContainKey("From");
    }

    @Test
    void aCallSendsTheFormUpstreamSends() {
        Received upstream = both.sent(UPSTREAM, "call/create", both.call());
        Received cached = both.sent("twilio", "call/create", both.call());

        assertThat(cached.path()).isEqualTo(upstream.path()).endsWith("/Calls.json");
        assertThat(cached.form()).isEqualTo(upstream.form());
        assertThat(cached.form()).containsEntry("Twiml", "<Response><Say>Your code is 4 8 2 9 1 3</Say></Response>")
                .containsEntry("TimeLimit", "60")
                .containsEntry("StatusCallback", "https://hook.example.com/twilio/status");
    }

    @Test
    void aCallWithATwimlUrlSendsTheFormUpstreamSends() {
        Map<String, Object> headers = both.call();
        headers.remove("CamelTwilio.twiml");
        headers.put("CamelTwilio.url", URI.create("https://voice.example.com/otp.xml"));

        Received upstream = both.sent(UPSTREAM, "call/create", headers);
        Received cached = both.sent("twilio", "call/create", headers);

        assertThat(cached.form()).isEqualTo(upstream.form()).containsEntry("Url", "https://voice.example.com/otp.xml")
                .doesNotContainKey("Twiml");
    }

    @Test
    void aHeaderNoSetterTakesIsIgnoredAsUpstreamIgnoresIt() {
        Map<String, Object> headers = both.sms();
        headers.put("CamelTwilio.noSuchOption", "anything");
        both.sent("twilio", "message/create", both.sms()); // the SMS's own names looked up, whichever test ran first
        long missesBefore = both.cached().lookups().misses();

        Received upstream = both.sent(UPSTREAM, "message/create", headers);
        Received cached = both.sent("twilio", "message/create", headers);
        Received again = both.sent("twilio", "message/create", headers);

        assertThat(cached.form()).isEqualTo(upstream.form()).isEqualTo(again.form()).doesNotContainKey("NoSuchOption");
        assertThat(both.cached().lookups().misses()).as("the name without a setter is looked up once")
                .isEqualTo(missesBefore + 1);
    }

    @Test
    void aValueOfAnotherTypeIsConvertedAsUpstreamConvertsIt() {
        Map<String, Object> headers = both.sms();
        headers.put("CamelTwilio.validityPeriod", "120"); // text for the Integer setter
        headers.put("CamelTwilio.statusCallback", "https://hook.example.com/twilio/status"); // the String overload

        Received upstream = both.sent(UPSTREAM, "message/create", headers);
        Received cached = both.sent("twilio", "message/create", headers);

        assertThat(cached.form()).isEqualTo(upstream.form()).containsEntry("ValidityPeriod", "120");
    }

    @Test
    void aValueNoSetterCanTakeFailsAsUpstreamFails() {
        Map<String, Object> headers = both.sms();
        headers.put("CamelTwilio.validityPeriod", List.of("no", "number"));

        Exchange upstream = both.send(UPSTREAM, "message/create", headers);
        Exchange cached = both.send("twilio", "message/create", headers);

        assertThat(cached.getException()).isInstanceOf(RuntimeCamelException.class);
        assertThat(chain(cached.getException())).isEqualTo(chain(upstream.getException()));
        assertThat(chain(cached.getException())).anyMatch(step -> step.contains("Could not find a suitable setter"));
        assertThat(both.twilio.received()).as("nothing reached Twilio").isEmpty();
    }

    @Test
    void aBooleanOptionGivenAsTextIsLeftToCamel() {
        Map<String, Object> headers = both.sms();
        headers.put("CamelTwilio.shortenUrls", "true");

        Received upstream = both.sent(UPSTREAM, "message/create", headers);
        Received cached = both.sent("twilio", "message/create", headers);

        assertThat(cached.form()).isEqualTo(upstream.form()).containsEntry("ShortenUrls", "true");
    }

    @Test
    void theMethodIsChosenOnceForEachSetOfHeaderNames() throws Exception {
        Map<String, Object> fromService = both.sms();
        fromService.remove("CamelTwilio.from");
        fromService.put("CamelTwilio.messagingServiceSid", UpstreamAndCachedTwilio.MESSAGING_SERVICE_SID);
        CachedMethodTwilioProducer producer =
                (CachedMethodTwilioProducer) both.camel.getEndpoint("twilio:message/create").createProducer();
        producer.start();
        try {
            for (Map<String, Object> headers : List.of(both.sms(), fromService, both.sms(), fromService)) {
                Exchange exchange = new DefaultExchange(both.camel);
                exchange.getMessage().setHeaders(new LinkedHashMap<>(headers));
                producer.process(exchange);
                assertThat(exchange.getException()).isNull();
            }
        } finally {
            producer.stop();
        }

        Map<Set<String>, ApiMethod> chosen = producer.chosen();
        assertThat(chosen).as("one choice per set of names").hasSize(2);
        assertThat(chosen.entrySet()).allSatisfy(choice -> assertThat(choice.getKey())
                .as("the names hold the method's arguments").containsAll(choice.getValue().getArgNames()));
        assertThat(chosen.values()).extracting(ApiMethod::getArgNames).as("the creator each set of names calls for")
                .containsExactlyInAnyOrder(List.of("to", "from", "body"), List.of("to", "messagingServiceSid", "body"));
        assertThat(both.twilio.received()).extracting(request -> request.form().containsKey("From"))
                .as("each request went out with its own sender").containsExactly(true, false, true, false);
    }

    @Test
    void aMissingHeaderFailsAsUpstreamFailsEveryTime() {
        Map<String, Object> headers = both.sms();
        headers.remove("CamelTwilio.to");

        Exchange upstream = both.send(UPSTREAM, "message/create", headers);
        Exchange cached = both.send("twilio", "message/create", headers);
        Exchange again = both.send("twilio", "message/create", headers);

        assertThat(chain(cached.getException())).isEqualTo(chain(upstream.getException()))
                .isEqualTo(chain(again.getException()));
        assertThat(chain(cached.getException())).anyMatch(step -> step.contains("Missing properties"));
        assertThat(both.twilio.received()).as("nothing reached Twilio").isEmpty();
    }

    /** Each exception's class and message, from the outermost to its root. */
    private static List<String> chain(Throwable thrown) {
        List<String> steps = new ArrayList<>();
        for (Throwable step = thrown; step != null; step = step.getCause()) {
            steps.add(step.getClass().getName() + ": " + step.getMessage());
        }
        return steps;
    }
}
