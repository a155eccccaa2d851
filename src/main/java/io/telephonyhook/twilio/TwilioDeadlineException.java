package io.telephonyhook.twilio;

import com.twilio.exception.ApiConnectionException;

/**
 * The call's deadline came while Twilio had not answered: Okta gets FAILED, reason {@code deadline}.
 *
 * <p>Whose fault it was matters to the circuit breaker. When Twilio had a fair time to answer (at least half of the
 * call's {@code HOOK_DEADLINE}, or it had already failed once), the breaker counts it. When the hook itself left
 * Twilio less, because the call waited in the hook under overload, it is {@link #hookRanOutOfTime()}: the breaker
 * must not open against a healthy Twilio because the hook was busy.
 */
public class TwilioDeadlineException extends ApiConnectionException {

    private final boolean hookRanOutOfTime;

    public TwilioDeadlineException(String message, Throwable cause, boolean hookRanOutOfTime) {
        super(message, cause);
        this.hookRanOutOfTime = hookRanOutOfTime;
    }

    /** True when the hook, not Twilio, used up the call's time. */
    public boolean hookRanOutOfTime() {
        return hookRanOutOfTime;
    }
}
