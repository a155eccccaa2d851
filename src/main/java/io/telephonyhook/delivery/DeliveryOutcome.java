package io.telephonyhook.delivery;

import java.util.Objects;

/**
 * What became of one code: sent (with the provider's id), or not (with a reason). Every path through the route
 * ends by setting exactly one outcome; the Okta answer and the log line are both made from it.
 *
 * @param delivered      true when the provider accepted the message or call
 * @param reason         why not; null when delivered
 * @param transactionId  the provider's message or call id ({@code SM…}/{@code CA…}); null when none was made, or
 *                       when the provider accepted it without a readable answer
 * @param providerStatus the provider's status word on acceptance ({@code queued}); null otherwise
 * @param providerError  the provider's error code (Twilio's {@code 21211}); null when there was none
 * @param httpStatus     the provider's HTTP status on failure; null when it did not answer
 * @param repeated       true when this call repeats an eventId already answered: the first call's outcome, given
 *                       again without calling the provider (Okta gets the same command)
 * @param account        the Twilio account that took it or was last tried, {@code primary} or {@code failover};
 *                       null when Twilio was not called
 */
public record DeliveryOutcome(
        boolean delivered,
        FailureReason reason,
        String transactionId,
        String providerStatus,
        Integer providerError,
        Integer httpStatus,
        boolean repeated,
        String account) {

    /** Taken by the primary account. */
    public static DeliveryOutcome delivered(String transactionId, String providerStatus) {
        return delivered(transactionId, providerStatus, "primary");
    }

    /** Taken by {@code account}: {@code primary} or {@code failover}. */
    public static DeliveryOutcome delivered(String transactionId, String providerStatus, String account) {
        return new DeliveryOutcome(true, null, transactionId, providerStatus == null ? "unknown" : providerStatus, null,
                null, false, account);
    }

    public static DeliveryOutcome failed(FailureReason reason) {
        return new DeliveryOutcome(false, Objects.requireNonNull(reason), null, null, null, null, false, null);
    }

    public static DeliveryOutcome failed(FailureReason reason, Integer providerError, Integer httpStatus) {
        return new DeliveryOutcome(false, Objects.requireNonNull(reason), null, null, providerError, httpStatus, false,
                null);
    }

    /** Too many calls in flight: FAILED at once rather than queued into the deadline. */
    public static DeliveryOutcome overloaded() {
        return failed(FailureReason.OVERLOADED);
    }

    /** A fault of ours: Okta still gets a well-formed FAILED, at once. */
    public static DeliveryOutcome internalError() {
        return failed(FailureReason.INTERNAL_ERROR);
    }

    /** This outcome, of the Twilio account that was tried ({@code primary} or {@code failover}). */
    public DeliveryOutcome by(String twilioAccount) {
        return new DeliveryOutcome(delivered, reason, transactionId, providerStatus, providerError, httpStatus, repeated,
                twilioAccount);
    }

    /** This outcome, given again to a call that repeats the same eventId. */
    public DeliveryOutcome asRepeat() {
        return new DeliveryOutcome(delivered, reason, transactionId, providerStatus, providerError, httpStatus, true,
                account);
    }

    /** Okta's word for it. */
    public String status() {
        return delivered ? "SUCCESSFUL" : "FAILED";
    }

    /**
     * The short tracing string Okta shows admins, e.g. {@code twilioStatus=queued}, {@code twilioStatus=queued;
     * account=failover} (sent through the failover account) or {@code reason=twilio-rejected; twilioError=21211}.
     * Never a URL, an account id or a stack trace.
     */
    public String transactionMetadata() {
        if (delivered) {
            return "twilioStatus=" + providerStatus + ("failover".equals(account) ? "; account=failover" : "");
        }
        StringBuilder metadata = new StringBuilder("reason=").append(reason.code());
        if (providerError != null) {
            metadata.append("; twilioError=").append(providerError);
        }
        if (httpStatus != null) {
            metadata.append("; httpStatus=").append(httpStatus);
        }
        return metadata.toString();
    }
}
