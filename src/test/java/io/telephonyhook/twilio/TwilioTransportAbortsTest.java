package io.telephonyhook.twilio;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import com.twilio.http.HttpMethod;
import com.twilio.http.Request;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.telephonyhook.support.TwilioStandIn;
import io.telephonyhook.support.TwilioStandIn.Reply;

/**
 * Each request to Twilio is aborted at its timeout by a timer; one answered in time takes its timer out at once, so
 * nothing of the request outlives it (real requests to the stand-in).
 */
class TwilioTransportAbortsTest {

    private static final TwilioStandIn twilio = TwilioStandIn.start();
    private static final TwilioTransport transport = new TwilioTransport(twilio.url(), Duration.ofSeconds(1));

    @AfterEach
    void reset() {
        twilio.reset();
    }

    @AfterAll
    static void stop() throws Exception {
        transport.close();
    }

    @Test
    void aRequestAnsweredInTimeLeavesNoAbortWaitingForItsTimeout() throws Exception {
        for (int i = 0; i < 5; i++) {
            TwilioTransport.Answer answer = transport.send(smsRequest(), Duration.ofSeconds(30));
            assertThat(answer.status()).isEqualTo(201);
        }

        assertThat(transport.abortsWaiting()).isZero();
    }

    @Test
    void aRequestStillRunningAtItsTimeoutIsAbortedAndLeavesNothingWaiting() {
        twilio.script(request -> Reply.hang());

        long started = System.nanoTime();
        assertThatThrownBy(() -> transport.send(smsRequest(), Duration.ofMillis(300)))
                .isInstanceOf(TwilioTransport.TimedOutException.class);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        assertThat(transport.abortsWaiting()).isZero();
    }

    private static Request smsRequest() {
        Request request = new Request(HttpMethod.POST, twilio.url() + "/2010-04-01/Accounts/"
                + TwilioStandIn.ACCOUNT_SID + "/Messages.json");
        request.setAuth(TwilioStandIn.ACCOUNT_SID, TwilioStandIn.AUTH_TOKEN);
        request.addPostParam("To", "+14155552671");
        request.addPostParam("From", "+15017122661");
        request.addPostParam("Body", "Your verification code is 482913");
        return request;
    }
}
