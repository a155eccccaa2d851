package io.telephonyhook.twilio;

import java.time.Duration;

/** Told of every HTTP request made to Twilio, for metrics. */
@FunctionalInterface
public interface TwilioRequestListener {

    /**
     * @param account {@code primary} or {@code failover}
     * @param channel {@code sms} or {@code voice}
     * @param took    from sending to the answer (or to giving up)
     * @param result  the HTTP status ({@code 201}, {@code 503}), or {@code deadline}, {@code not_sent}, {@code error}
     */
    void requestCompleted(String account, String channel, Duration took, String result);

    TwilioRequestListener NONE = (account, channel, took, result) -> { };
}
