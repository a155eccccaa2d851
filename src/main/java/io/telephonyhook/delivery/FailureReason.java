package io.telephonyhook.delivery;

import java.util.Locale;

/**
 * Why a code was not delivered. A small fixed set, so it can tag metrics and be matched in Okta's admin view;
 * details (a Twilio error code, an HTTP status) travel beside it, never inside it.
 */
public enum FailureReason {
    /** libphonenumber does not call the number valid (Okta's Preview sends 9876543210). */
    INVALID_NUMBER,
    /** {@code otpCode} is not 4 to 10 digits: not a code anyone could type in. */
    INVALID_CODE,
    /** {@code otpExpires} has passed: a late code is useless and confusing. */
    EXPIRED,
    /** {@code deliveryChannel} is none of the spellings {@link io.telephonyhook.okta.Channel} accepts. */
    UNKNOWN_CHANNEL,
    /** The number's country is not in HOOK_ALLOWED_COUNTRIES: SMS pumping protection, Twilio not called. */
    COUNTRY_NOT_ALLOWED,
    /** The number or its country is over its rate limit (HOOK_RATE_LIMIT_PER_*): Twilio not called. */
    RATE_LIMITED,
    /** The hook has no sender for this channel (voice needs TWILIO_FROM_NUMBER). */
    CHANNEL_NOT_CONFIGURED,
    /** Twilio answered 4xx: the number or the message, not an outage. */
    TWILIO_REJECTED,
    /** Twilio answered 5xx or 429, or could not be reached. */
    TWILIO_UNAVAILABLE,
    /** The call's deadline (HOOK_DEADLINE after arrival) came first: answered at once so Okta can still send the code. */
    DEADLINE,
    /** HOOK_MAX_CONCURRENT_CALLS calls were already in flight: answered at once so Okta can send the code itself. */
    OVERLOADED,
    /** The channel's circuit breaker is open: Twilio was not called. */
    CIRCUIT_OPEN,
    /** A fault of ours; the log line has the details. */
    INTERNAL_ERROR;

    /** As written in {@code transactionMetadata}, e.g. {@code invalid-number}. */
    public String code() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
