package io.telephonyhook.twilio;

import java.time.Duration;
import java.util.Set;

import com.twilio.exception.ApiException;
import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import org.apache.camel.Exchange;
import org.apache.camel.ExchangeProperty;
import org.apache.camel.util.ObjectHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.telephonyhook.delivery.CallDeadline;
import io.telephonyhook.observability.TwilioMetrics;
import io.telephonyhook.okta.OtpRequest;

/**
 * Whether a code the primary Twilio account did not send goes out through the failover account. The rule is never two
 * codes for one eventId, so only when the primary certainly did not take it:
 * <ul>
 *   <li>its circuit breaker is open (Twilio was not called);</li>
 *   <li>Twilio answered 5xx or 429, or an account-level refusal ({@link #ACCOUNT_ERRORS}: authentication, a suspended
 *       account, a sender the account does not own);</li>
 *   <li>the request was not sent: connection refused or reset before sending, TLS or DNS failure.</li>
 * </ul>
 * Never when the outcome is unknown (no answer by the deadline after sending, a connection dropped mid-answer: the
 * first message may be on its way), nor when Twilio refused the number or the message (the same request would fail
 * again), nor with less than {@link #MINIMUM_LEFT} of the call's deadline left: then FAILED at once, and Okta sends the
 * code itself.
 */
public class TwilioFailover {

    /** The least of the deadline worth giving the failover: a healthy Twilio answers in a few hundred milliseconds. */
    public static final Duration MINIMUM_LEFT = DeadlineBoundHttpClient.RETRY_MINIMUM
            .plus(DeadlineBoundHttpClient.ANSWER_RESERVE);

    /**
     * Twilio's refusals of the account rather than of the message: 20003 authenticate, 20005 account not active, 21212
     * invalid From, 21606 the From is not the account's SMS-capable number, 21659 the From is not a Twilio number,
     * 21703 the Messaging Service has no number to send from. Another account may well send it.
     */
    public static final Set<Integer> ACCOUNT_ERRORS = Set.of(20003, 20005, 21212, 21606, 21659, 21703);

    private static final Logger log = LoggerFactory.getLogger(TwilioFailover.class);

    private final boolean configured;
    private final TwilioMetrics metrics;

    public TwilioFailover(boolean configured, TwilioMetrics metrics) {
        this.configured = configured;
        this.metrics = metrics;
    }

    /** True when Twilio refused this account, not the message: the primary's breaker counts it, the failover may send. */
    public static boolean accountRefused(ApiException error) {
        Integer status = error.getStatusCode();
        return status != null && (status == 401 || status == 403)
                || error.getCode() != null && ACCOUNT_ERRORS.contains(error.getCode());
    }

    /**
     * In the primary's breaker fallback (where Camel keeps the failure in CamelExceptionCaught): whether the failover
     * account sends the code, counted by cause.
     */
    public boolean afterPrimary(Exchange exchange, @ExchangeProperty("deadline") CallDeadline deadline,
                                @ExchangeProperty("otpRequest") OtpRequest request) {
        String cause = notTaken(exchange.getProperty(Exchange.EXCEPTION_CAUGHT, Exception.class));
        String channel = request == null ? "unknown" : request.channel().lowerCase();
        if (!configured || cause == null) {
            return false;
        }
        if (deadline != null && deadline.remaining().compareTo(MINIMUM_LEFT) < 0) {
            log.warn("No failover: {} ms of the deadline left", deadline.remaining().toMillis());
            metrics.failover(channel, cause, false);
            return false;
        }
        metrics.failover(channel, cause, true);
        return true;
    }

    /** In the failover's own fallback: there is no third account. */
    public boolean afterFailover() {
        return false;
    }

    /** Why the primary certainly did not take the code, or null when it may have (or refused the message). */
    static String notTaken(Exception failure) {
        if (failure == null || ObjectHelper.getException(CallNotPermittedException.class, failure) != null) {
            return "circuit-open"; // Resilience4j refused the call without recording an exception on the exchange
        }
        if (ObjectHelper.getException(TwilioDeadlineException.class, failure) != null) {
            return null;
        }
        if (ObjectHelper.getException(DeadlineBoundHttpClient.RequestNotSentException.class, failure) != null) {
            return "not-sent";
        }
        ApiException error = ObjectHelper.getException(ApiException.class, failure);
        if (error == null) {
            return null; // a connection that failed after sending, or a fault of ours: the code may be on its way
        }
        Integer status = error.getStatusCode();
        if (status != null && status >= 500) {
            return "twilio-5xx";
        }
        if (status != null && status == 429) {
            return "twilio-429";
        }
        return accountRefused(error) ? "account-refused" : null;
    }
}
