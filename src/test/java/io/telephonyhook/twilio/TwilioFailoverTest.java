package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import com.twilio.exception.ApiConnectionException;
import com.twilio.exception.ApiException;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.apache.camel.Exchange;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.support.DefaultExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.telephonyhook.delivery.CallDeadline;
import io.telephonyhook.observability.TwilioMetrics;

/** The failover's verdict on each way the primary can fail, and the margin it keeps from the deadline. */
class TwilioFailoverTest {

    @ParameterizedTest(name = "HTTP {0}, Twilio {1}: {2}")
    @CsvSource({
            "500, 20500, twilio-5xx", "503, 20503, twilio-5xx", "429, 20429, twilio-429",
            "401, 20003, account-refused", "403, 20005, account-refused", "400, 21606, account-refused",
            "400, 21212, account-refused", "400, 21659, account-refused", "400, 21703, account-refused",
            "400, 21211, ", "400, 21614, ", "400, 21408, ", "400, 21610, ", "404, 20404, "})
    void twilioAnswers(int status, int code, String cause) {
        assertThat(TwilioFailover.notTaken(new ApiException("error", code, null, status, null))).isEqualTo(cause);
    }

    @Test
    void whatTheRequestDidOrDidNotReach() {
        assertThat(TwilioFailover.notTaken(null)).as("the breaker refused the call").isEqualTo("circuit-open");
        assertThat(TwilioFailover.notTaken(new DeadlineBoundHttpClient.RequestNotSentException("refused", null)))
                .isEqualTo("not-sent");
        assertThat(TwilioFailover.notTaken(new TwilioDeadlineException("no answer by the deadline", null, false)))
                .as("sent, no answer: it may be on its way").isNull();
        assertThat(TwilioFailover.notTaken(new ApiConnectionException("Twilio request failed: SocketException")))
                .as("a connection dropped after sending").isNull();
        assertThat(TwilioFailover.notTaken(new IllegalStateException("ours"))).isNull();
    }

    @Test
    void notWithLessThanTheMarginOfTheDeadlineLeftNorWithoutAFailoverAccount() {
        TwilioMetrics metrics = new TwilioMetrics(new SimpleMeterRegistry());
        Exchange exchange = new DefaultExchange(new DefaultCamelContext());
        exchange.setProperty(Exchange.EXCEPTION_CAUGHT, new ApiException("down", 20503, null, 503, null));
        long now = System.nanoTime();

        assertThat(new TwilioFailover(true, metrics).afterPrimary(exchange, CallDeadline.after(now, Duration.ofSeconds(2)),
                null)).isTrue();
        assertThat(new TwilioFailover(true, metrics).afterPrimary(exchange,
                CallDeadline.after(now, TwilioFailover.MINIMUM_LEFT.minusMillis(50)), null)).isFalse();
        assertThat(new TwilioFailover(false, metrics).afterPrimary(exchange,
                CallDeadline.after(now, Duration.ofSeconds(2)), null)).isFalse();
        assertThat(new TwilioFailover(true, metrics).afterFailover()).isFalse();
    }
}
