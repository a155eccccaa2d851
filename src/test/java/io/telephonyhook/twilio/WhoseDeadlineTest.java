package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Duration;

import com.twilio.http.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import io.telephonyhook.delivery.CallDeadline;
import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Reply;

/**
 * A Twilio request that ends at the call's deadline is Twilio's fault (the breaker counts it) when Twilio had at
 * least half the call's time, and the hook's own (the breaker must not count it) when the hook used more than half
 * before asking: real requests to a stand-in that never answers.
 */
class WhoseDeadlineTest {

    private static final TwilioStandIn twilio = TwilioStandIn.start();
    private static final TwilioTransport transport = new TwilioTransport(twilio.url(), Duration.ofSeconds(1));

    @AfterAll
    static void stop() {
        twilio.reset();
    }

    @Test
    void twilioSilentForMostOfTheCallIsTwilios() {
        TwilioDeadlineException timeout = hangingRequest(CallDeadline.after(System.nanoTime(), Duration.ofMillis(800)));

        assertThat(timeout.hookRanOutOfTime()).isFalse();
    }

    @Test
    void twilioAskedWithLessThanHalfTheCallLeftIsTheHooks() {
        long arrivedLongAgo = System.nanoTime() - Duration.ofMillis(600).toNanos(); // queued in the hook for 600 ms
        TwilioDeadlineException timeout = hangingRequest(CallDeadline.after(arrivedLongAgo, Duration.ofMillis(1000)));

        assertThat(timeout.hookRanOutOfTime()).isTrue();
    }

    @Test
    void aCallWhoseDeadlinePassedBeforeTwilioWasAskedIsTheHooks() {
        long arrivedLongAgo = System.nanoTime() - Duration.ofSeconds(2).toNanos();
        TwilioDeadlineException timeout = hangingRequest(CallDeadline.after(arrivedLongAgo, Duration.ofMillis(1000)));

        assertThat(timeout.hookRanOutOfTime()).isTrue();
    }

    private static TwilioDeadlineException hangingRequest(CallDeadline deadline) {
        twilio.script(request -> Reply.hang());
        DeadlineBoundHttpClient client = new DeadlineBoundHttpClient(transport, () -> deadline, "primary",
                TwilioRequestListener.NONE, null);
        Request request = SdkRequests.sms(twilio.url());
        return catchThrowableOfType(TwilioDeadlineException.class, () -> client.makeRequest(request));
    }
}
